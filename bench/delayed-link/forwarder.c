/*
 * forwarder.c - a delayed point-to-point link between two network namespaces, in user space.
 *
 *   forwarder NS_A IF_A NS_B IF_B DELAY_MS [TRACE_FILE]
 *
 * Creates a TUN device IF_A inside the network namespace NS_A (/run/netns/NS_A) and IF_B inside NS_B,
 * then copies every IP packet read from one device to the other DELAY_MS later, both directions. The
 * delay is fixed, so each direction's queue is a FIFO already sorted by due time. No bandwidth limit,
 * no loss (a packet is dropped only if 4096 are waiting in one direction). The devices are not
 * persistent: they vanish when this process exits. Prints "ready" once both exist.
 *
 * With TRACE_FILE, every pure TCP ACK (no payload) handed to IF_A is logged there as
 * "ack <CLOCK_MONOTONIC ns> <ack number>": the moment the ACK reaches NS_A's stack (bench diagnosis).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#define QCAP 4096
#define PKT 2048

struct pkt { uint64_t due; uint16_t len; unsigned char data[PKT]; };
struct fifo { struct pkt *p; unsigned head, n; unsigned long dropped; };

static volatile sig_atomic_t stop;
static void on_sig(int s) { (void)s; stop = 1; }

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static FILE *trace;

/* Logs p if it is a pure TCP ACK over IPv4. */
static void trace_ack(const unsigned char *p, size_t len, uint64_t t)
{
	size_t ihl, doff, total;

	if (len < 20 || (p[0] >> 4) != 4 || p[9] != 6)
		return;
	ihl = (size_t)(p[0] & 15) * 4;
	total = (size_t)p[2] << 8 | p[3];
	if (len < ihl + 20 || total > len)
		return;
	doff = (size_t)(p[ihl + 12] >> 4) * 4;
	if (!(p[ihl + 13] & 0x10) || total != ihl + doff || (p[ihl + 13] & 0x07)) /* ACK, no data, no SYN/FIN/RST */
		return;
	fprintf(trace, "ack %llu %lu\n", (unsigned long long)t,
		(unsigned long)p[ihl + 8] << 24 | (unsigned long)p[ihl + 9] << 16 | (unsigned long)p[ihl + 10] << 8 |
			p[ihl + 11]);
}

static void die(const char *what) { fprintf(stderr, "forwarder: %s: %s\n", what, strerror(errno)); exit(1); }

/* Opens a TUN device named ifname inside the namespace ns (then returns to our own namespace). */
static int tun_in(const char *ns, const char *ifname, int home)
{
	char path[256];
	struct ifreq ifr;
	int nsfd, fd;

	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	if ((nsfd = open(path, O_RDONLY | O_CLOEXEC)) < 0) die(path);
	if (setns(nsfd, CLONE_NEWNET) < 0) die("setns");
	close(nsfd);
	if ((fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC | O_NONBLOCK)) < 0) die("/dev/net/tun");
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", ifname);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) die("TUNSETIFF");
	if (setns(home, CLONE_NEWNET) < 0) die("setns home");
	return fd;
}

int main(int argc, char **argv)
{
	int fd[2], home;
	struct fifo q[2] = {{0}}; /* q[i]: read from fd[i], due to be written to fd[1 - i] */
	uint64_t delay;

	if (argc != 6 && argc != 7) {
		fprintf(stderr, "usage: %s NS_A IF_A NS_B IF_B DELAY_MS [TRACE_FILE]\n", argv[0]);
		return 2;
	}
	delay = (uint64_t)atoi(argv[5]) * 1000000u;
	prctl(PR_SET_TIMERSLACK, 1UL); /* wake on time, not up to 50 us late */
	signal(SIGINT, on_sig);
	signal(SIGTERM, on_sig);
	if (argc == 7) {
		if (!(trace = fopen(argv[6], "w")))
			die(argv[6]);
		setvbuf(trace, NULL, _IOLBF, 0); /* readable while we run */
	}
	if ((home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) < 0) die("/proc/self/ns/net");
	fd[0] = tun_in(argv[1], argv[2], home);
	fd[1] = tun_in(argv[3], argv[4], home);
	for (int i = 0; i < 2; i++)
		if (!(q[i].p = calloc(QCAP, sizeof(struct pkt)))) die("calloc");
	printf("ready\n");
	fflush(stdout);

	while (!stop) {
		struct pollfd pfd[2] = {{ .fd = fd[0], .events = POLLIN }, { .fd = fd[1], .events = POLLIN }};
		struct timespec ts, *tsp = NULL;
		uint64_t t = now_ns(), next = UINT64_MAX;

		/* send what is due */
		for (int i = 0; i < 2; i++) {
			while (q[i].n && q[i].p[q[i].head].due <= t) {
				struct pkt *p = &q[i].p[q[i].head];
				if (write(fd[1 - i], p->data, p->len) < 0 && errno != EAGAIN && errno != EIO)
					die("write");
				if (trace && i == 1)
					trace_ack(p->data, p->len, now_ns());
				q[i].head = (q[i].head + 1) % QCAP;
				q[i].n--;
			}
			if (q[i].n && q[i].p[q[i].head].due < next)
				next = q[i].p[q[i].head].due;
		}
		if (next != UINT64_MAX) {
			uint64_t d = next > t ? next - t : 0;
			ts.tv_sec = (time_t)(d / 1000000000u);
			ts.tv_nsec = (long)(d % 1000000000u);
			tsp = &ts;
		}
		if (ppoll(pfd, 2, tsp, NULL) < 0) {
			if (errno == EINTR) continue;
			die("ppoll");
		}
		/* take what arrived, stamped with its due time */
		for (int i = 0; i < 2; i++) {
			if (!(pfd[i].revents & POLLIN))
				continue;
			for (;;) {
				unsigned char buf[PKT];
				ssize_t n = read(fd[i], buf, sizeof(buf));
				if (n <= 0) {
					if (n < 0 && errno != EAGAIN && errno != EINTR) die("read");
					break;
				}
				if (q[i].n == QCAP) { q[i].dropped++; continue; }
				struct pkt *p = &q[i].p[(q[i].head + q[i].n) % QCAP];
				p->due = now_ns() + delay;
				p->len = (uint16_t)n;
				memcpy(p->data, buf, (size_t)n);
				q[i].n++;
			}
		}
	}
	if (trace)
		fclose(trace);
	if (q[0].dropped || q[1].dropped)
		fprintf(stderr, "forwarder: dropped %lu + %lu packets (queue full)\n", q[0].dropped, q[1].dropped);
	return 0;
}
