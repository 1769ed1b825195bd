/*
 * glue_main.c - main(), the command line, the network end, and the loop that stands in for the chip's
 * scheduler: it delivers received packets to lwIP, runs lwIP's timeouts and the due os_timers, and runs
 * posted events (ets_post, system_os_post), one at a time, highest priority first.
 *
 * The network end is a file descriptor that carries one IP packet per read or write:
 *   - a SOCK_SEQPACKET socket pair with the slirp helper (espgen-slirp, a 64-bit program of this module
 *     that owns libslirp and serves each listening port of the firmware on 127.0.0.1), the default;
 *   - a TUN device (--tun NAME), for measurements inside a network namespace (needs CAP_NET_ADMIN).
 * With the helper, every message starts with one byte: 'P' an IP packet; 'F' (to the helper) serve a
 * firmware port on a host port; 'L' (from it) served, 'E' (from it) could not, with the reason.
 *
 * Linux side: libc and Linux headers only.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "glue.h"

/* lwIP's timeouts (TCP every TCP_TMR_INTERVAL = 125 ms, tcp_impl.h) are checked at least this often */
#define STACK_TICK_US 5000
/* the most posted events run between two looks at the network, so a busy firmware cannot starve it */
#define EVENTS_PER_TURN 256
#define PACKETS_PER_TURN 64
#define MAX_MAPPINGS 32

static volatile sig_atomic_t stop_requested;
static int net_fd = -1;
static int use_tun;
static pid_t helper_pid = -1;
static unsigned char packet_in[65536 + 1];
static unsigned char packet_out[65536 + 1];

static struct {
	unsigned fw;
	unsigned host;
} mappings[MAX_MAPPINGS];
static int mapping_count;
static int any_port;
static int forwards_pending;
static int forward_failed;
static char ip_text[INET_ADDRSTRLEN] = "10.0.2.15";

void glue_log(const char *fmt, ...)
{
	va_list ap;
	fputs("espgen-sdk-host: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

void glue_fatal(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("espgen-host: SDK misuse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

void glue_error(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("espgen-sdk-host: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	exit(1);
}

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "espgen-sdk-host: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nusage: firmware [--port FW=HOST]... [--any-port] [--exit-after-ms N] [--heap-free BYTES]\n"
			"                [--slirp HELPER | --tun NAME] [--ip A.B.C.D] [--mask A.B.C.D] [--gw A.B.C.D]\n");
	exit(2);
}

/* ---- the network end ---- */

void glue_netif_send(const unsigned char *packet, unsigned int len)
{
	ssize_t n;

	/* the descriptor is non-blocking for reads; a write that finds it full waits until it is not, so no
	 * packet is lost on the way out (the link, not this glue, is where packets may be lost) */
	for (;;) {
		if (use_tun) {
			n = write(net_fd, packet, len);
		} else {
			packet_out[0] = 'P';
			memcpy(packet_out + 1, packet, len);
			n = send(net_fd, packet_out, len + 1, 0);
		}
		if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
			break;
		struct pollfd pfd = { .fd = net_fd, .events = POLLOUT };
		poll(&pfd, 1, 1000);
	}
	if (n < 0)
		glue_log("a packet of %u bytes not sent: %s", len, strerror(errno));
}

static void send_forward(unsigned fw, unsigned host)
{
	unsigned char m[5] = { 'F', (unsigned char)(fw >> 8), (unsigned char)fw, (unsigned char)(host >> 8),
			       (unsigned char)host };
	struct pollfd pfd = { .fd = net_fd, .events = POLLOUT };
	poll(&pfd, 1, 10000);
	if (send(net_fd, m, sizeof(m), 0) != (ssize_t)sizeof(m))
		glue_error("cannot talk to the slirp helper: %s", strerror(errno));
	forwards_pending++;
}

void glue_listener_added(unsigned int fw)
{
	if (use_tun) {
		printf("espgen-sdk-host: listening on %s:%u (firmware port %u)\n", ip_text, fw, fw);
		fflush(stdout);
		return;
	}
	unsigned host = fw;
	if (any_port)
		host = 0;
	for (int i = 0; i < mapping_count; i++) {
		if (mappings[i].fw == fw)
			host = mappings[i].host;
	}
	send_forward(fw, host);
}

static void start_helper(const char *helper)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		glue_error("socketpair: %s", strerror(errno));
	helper_pid = fork();
	if (helper_pid < 0)
		glue_error("fork: %s", strerror(errno));
	if (helper_pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (dup2(sv[1], 3) < 0)
			_exit(126);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execl(helper, helper, "--fd", "3", "--guest", ip_text, (char *)NULL);
		fprintf(stderr, "espgen-sdk-host: cannot run the slirp helper %s: %s\n", helper, strerror(errno));
		_exit(127);
	}
	close(sv[1]);
	net_fd = sv[0];
}

static void open_tun(const char *name)
{
	struct ifreq ifr;

	net_fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
	if (net_fd < 0) {
		fprintf(stderr, "espgen-sdk-host: cannot open /dev/net/tun: %s\n", strerror(errno));
		exit(1);
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	if (ioctl(net_fd, TUNSETIFF, &ifr) < 0) {
		fprintf(stderr, "espgen-sdk-host: cannot attach to TUN device %s: %s\n", name, strerror(errno));
		exit(1);
	}
}

/* Reads one message from the network end; returns 0 when nothing was waiting. */
static int receive_one(void)
{
	/* the descriptor is non-blocking (set up in main): a TUN device is no socket, so no MSG_DONTWAIT */
	ssize_t n = read(net_fd, packet_in, sizeof(packet_in));
	if (n < 0) {
		if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
			return 0;
		glue_error("reading the network end: %s", strerror(errno));
	}
	if (n == 0) {
		if (use_tun)
			return 0;
		fprintf(stderr, "espgen-sdk-host: the slirp helper has gone\n");
		exit(1);
	}
	glue_regs_refresh();
	if (use_tun) {
		glue_stack_input(packet_in, (unsigned)n);
		return 1;
	}
	switch (packet_in[0]) {
	case 'P':
		glue_stack_input(packet_in + 1, (unsigned)n - 1);
		break;
	case 'L':
		if (n >= 5) {
			unsigned fw = (unsigned)packet_in[1] << 8 | packet_in[2];
			unsigned host = (unsigned)packet_in[3] << 8 | packet_in[4];
			printf("espgen-host: listening on 127.0.0.1:%u (firmware port %u)\n", host, fw);
			fflush(stdout);
			forwards_pending--;
		}
		break;
	case 'E':
		if (n >= 5) {
			packet_in[n] = 0;
			unsigned fw = (unsigned)packet_in[1] << 8 | packet_in[2];
			unsigned host = (unsigned)packet_in[3] << 8 | packet_in[4];
			fprintf(stderr, "espgen-host: cannot listen on 127.0.0.1:%u (firmware port %u): %s\n", host, fw,
				(const char *)packet_in + 5);
			fflush(stderr);
			forwards_pending--;
			forward_failed = 1;
		}
		break;
	default:
		glue_error("the slirp helper sent message type %d", packet_in[0]);
	}
	return 1;
}

/* ---- the loop ---- */

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void run_posted_events(void)
{
	for (int i = 0; i < EVENTS_PER_TURN; i++) {
		glue_regs_refresh();
		if (!glue_sched_run_one())
			return;
	}
}

static int wait_for_network(long long timeout_us, const sigset_t *unblocked)
{
	struct pollfd pfd = { .fd = net_fd, .events = POLLIN };
	struct timespec ts = { .tv_sec = timeout_us / 1000000, .tv_nsec = (timeout_us % 1000000) * 1000 };
	int r = ppoll(&pfd, 1, &ts, unblocked);
	if (r < 0 && errno != EINTR)
		glue_error("ppoll: %s", strerror(errno));
	return r > 0;
}

static void parse_ip(const char *text, unsigned char out[4], const char *what)
{
	struct in_addr a;
	if (inet_pton(AF_INET, text, &a) != 1)
		usage_error(what, text);
	memcpy(out, &a, 4);
}

static unsigned parse_port(const char *s, const char *arg, int allow_zero)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || (*end && *end != '=') || v > 65535 || (!allow_zero && v == 0))
		usage_error("bad port in '%s'", arg);
	return (unsigned)v;
}

int main(int argc, char **argv)
{
	const char *helper = NULL;
	const char *tun = NULL;
	long long exit_after_ms = -1;
	unsigned heap_free = 50 * 1024;
	unsigned char ip[4], mask[4], gw[4];
	char gw_text[INET_ADDRSTRLEN] = "10.0.2.2";
	char mask_text[INET_ADDRSTRLEN] = "255.255.255.0";

	glue_regs_map();

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--any-port")) {
			any_port = 1;
		} else if (!v) {
			usage_error("unknown or incomplete argument '%s'", a);
		} else if (!strcmp(a, "--port")) {
			const char *eq = strchr(v, '=');
			if (!eq || mapping_count == MAX_MAPPINGS)
				usage_error("bad port mapping '%s' (FW=HOST)", v);
			mappings[mapping_count].fw = parse_port(v, v, 0);
			mappings[mapping_count].host = parse_port(eq + 1, v, 1);
			mapping_count++;
			i++;
		} else if (!strcmp(a, "--exit-after-ms")) {
			exit_after_ms = atoll(v);
			i++;
		} else if (!strcmp(a, "--heap-free")) {
			heap_free = (unsigned)strtoul(v, NULL, 10);
			i++;
		} else if (!strcmp(a, "--slirp")) {
			helper = v;
			i++;
		} else if (!strcmp(a, "--tun")) {
			tun = v;
			i++;
		} else if (!strcmp(a, "--ip")) {
			snprintf(ip_text, sizeof(ip_text), "%s", v);
			i++;
		} else if (!strcmp(a, "--mask")) {
			snprintf(mask_text, sizeof(mask_text), "%s", v);
			i++;
		} else if (!strcmp(a, "--gw")) {
			snprintf(gw_text, sizeof(gw_text), "%s", v);
			i++;
		} else {
			usage_error("unknown argument '%s'", a);
		}
	}
	parse_ip(ip_text, ip, "bad address '%s'");
	parse_ip(mask_text, mask, "bad mask '%s'");
	parse_ip(gw_text, gw, "bad gateway '%s'");

	sigset_t blocked, unblocked;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGINT);
	sigaddset(&blocked, SIGTERM);
	sigprocmask(SIG_BLOCK, &blocked, &unblocked);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	static char default_helper[PATH_MAX];
	if (tun) {
		use_tun = 1;
		open_tun(tun);
	} else {
		if (!helper) {
			ssize_t n = readlink("/proc/self/exe", default_helper, sizeof(default_helper) - 32);
			if (n <= 0)
				glue_error("cannot find this program's directory");
			default_helper[n] = 0;
			char *slash = strrchr(default_helper, '/');
			strcpy(slash ? slash + 1 : default_helper, "espgen-slirp");
			helper = default_helper;
		}
		start_helper(helper);
	}
	if (fcntl(net_fd, F_SETFL, fcntl(net_fd, F_GETFL) | O_NONBLOCK) < 0)
		glue_error("cannot make the network end non-blocking: %s", strerror(errno));
	printf("espgen-sdk-host: Espressif's espconn and lwIP; interface %s, address %s\n",
	       use_tun ? tun : "slirp", ip_text);
	fflush(stdout);

	glue_regs_refresh();
	glue_stack_init(ip, mask, gw);
	/* what libmain leaves free when user code starts (the team's SDK notes, section 5: about 50 KiB for an
	 * idle echo application) */
	glue_heap_set_free(heap_free);
	glue_regs_refresh();
	glue_user_start();
	glue_stack_scan_listeners();

	/* every listener opened by user_pre_init and user_init is served before "ready" */
	while (forwards_pending > 0 && !stop_requested) {
		if (wait_for_network(10 * 1000000LL, &unblocked)) {
			receive_one();
		} else if (!stop_requested) {
			fprintf(stderr, "espgen-sdk-host: the slirp helper did not answer within 10 s\n");
			exit(1);
		}
	}
	if (forward_failed)
		exit(1);
	printf("espgen-host: ready\n");
	fflush(stdout);

	unsigned long long deadline = exit_after_ms >= 0 ? glue_now_us() + (unsigned long long)exit_after_ms * 1000 : 0;
	while (!stop_requested) {
		glue_regs_refresh();
		glue_stack_timers();
		glue_sched_run_timers();
		run_posted_events();
		glue_stack_scan_listeners();
		if (forward_failed)
			exit(1);

		long long timeout = STACK_TICK_US;
		long long next_timer = glue_sched_next_timer_us();
		if (next_timer >= 0 && next_timer < timeout)
			timeout = next_timer;
		if (deadline) {
			unsigned long long now = glue_now_us();
			if (now >= deadline)
				break;
			if ((long long)(deadline - now) < timeout)
				timeout = (long long)(deadline - now);
		}
		if (wait_for_network(timeout, &unblocked)) {
			for (int i = 0; i < PACKETS_PER_TURN && receive_one(); i++)
				run_posted_events();
		}
	}

	glue_heap_report();
	if (helper_pid > 0) {
		close(net_fd);
		waitpid(helper_pid, NULL, 0);
	}
	return 0;
}
