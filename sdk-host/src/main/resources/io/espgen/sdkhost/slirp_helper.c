/*
 * slirp_helper.c - espgen-slirp, the firmware's network for users: libslirp (user-mode networking, as QEMU
 * uses it) with a host forward from 127.0.0.1:HOST to each listening port of the firmware. No root needed.
 *
 * The firmware is a 32-bit process (the SDK's sources need it) and Debian's libslirp a 64-bit library, so
 * slirp lives here, in a 64-bit process of its own, started by the firmware with one end of a
 * SOCK_SEQPACKET socket pair as file descriptor --fd. Messages start with one byte:
 *   'P' + IP packet            both ways
 *   'F' + fw port + host port  firmware -> helper: serve fw port on 127.0.0.1:host (0: any free port)
 *   'L' + fw port + host port  helper -> firmware: served, on this host port
 *   'E' + fw port + host port + text   helper -> firmware: could not
 * (ports as two bytes, most significant first). slirp speaks Ethernet; the helper wraps the firmware's IP
 * packets in frames and answers slirp's ARP requests for the firmware's address itself.
 *
 * Slirp runs in restricted mode: the firmware reaches nothing beyond the helper, and the helper stops when
 * the firmware closes its end (or dies: PR_SET_PDEATHSIG).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <slirp/libslirp.h>

#define MAX_POLL 256
#define MAX_TIMERS 16
#define MAX_LISTENERS 64

static const uint8_t guest_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t slirp_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };

static int fw_fd;
static struct in_addr guest_ip;
static struct in_addr host_ip;	/* slirp's own address on the guest network (10.0.2.2) */
static Slirp *slirp;
static uint8_t buf[65536 + 64];

static struct pollfd pfds[MAX_POLL];
static int npfds;

struct timer {
	int used;
	int armed;
	int64_t expire_ms;
	SlirpTimerCb cb;
	void *cb_opaque;
};
static struct timer timers[MAX_TIMERS];

static int listeners[MAX_LISTENERS];
static int listener_count;

static void fail(const char *what)
{
	fprintf(stderr, "espgen-slirp: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ---- slirp's callbacks ---- */

static void to_firmware(const uint8_t *ip, size_t len)
{
	static uint8_t m[65536 + 1];
	if (len > 65536)
		return;
	m[0] = 'P';
	memcpy(m + 1, ip, len);
	if (send(fw_fd, m, len + 1, 0) < 0 && errno != EPIPE)
		fail("send to the firmware");
}

static void answer_arp(const uint8_t *frame, size_t len)
{
	/* Ethernet (14) + ARP for IPv4 over Ethernet (28): an opcode 1 (request) for the guest's address */
	if (len < 42 || frame[20] != 0 || frame[21] != 1 || memcmp(frame + 38, &guest_ip, 4) != 0)
		return;
	uint8_t r[42];
	memcpy(r, frame + 6, 6);		/* to the asker */
	memcpy(r + 6, guest_mac, 6);
	r[12] = 0x08, r[13] = 0x06;
	memcpy(r + 14, frame + 14, 6);		/* htype, ptype, hlen, plen */
	r[20] = 0, r[21] = 2;			/* reply */
	memcpy(r + 22, guest_mac, 6);
	memcpy(r + 28, &guest_ip, 4);
	memcpy(r + 32, frame + 22, 6);
	memcpy(r + 38, frame + 28, 4);
	slirp_input(slirp, r, sizeof(r));
}

static ssize_t send_packet(const void *data, size_t len, void *opaque)
{
	(void)opaque;
	const uint8_t *frame = data;
	if (len < 14)
		return (ssize_t)len;
	uint16_t type = (uint16_t)(frame[12] << 8 | frame[13]);
	if (type == 0x0800)
		to_firmware(frame + 14, len - 14);
	else if (type == 0x0806)
		answer_arp(frame, len);
	return (ssize_t)len;
}

static void guest_error(const char *msg, void *opaque)
{
	(void)opaque;
	fprintf(stderr, "espgen-slirp: %s\n", msg);
}

static int64_t clock_get_ns(void *opaque)
{
	(void)opaque;
	return now_ns();
}

static void *timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
	(void)opaque;
	for (int i = 0; i < MAX_TIMERS; i++) {
		if (!timers[i].used) {
			timers[i] = (struct timer){ .used = 1, .cb = cb, .cb_opaque = cb_opaque };
			return &timers[i];
		}
	}
	fprintf(stderr, "espgen-slirp: out of timers\n");
	exit(1);
}

static void timer_free(void *t, void *opaque)
{
	(void)opaque;
	((struct timer *)t)->used = 0;
}

static void timer_mod(void *t, int64_t expire_ms, void *opaque)
{
	(void)opaque;
	((struct timer *)t)->armed = 1;
	((struct timer *)t)->expire_ms = expire_ms;
}

static void register_poll_fd(int fd, void *opaque)
{
	(void)fd;
	(void)opaque;
}

static void notify(void *opaque)
{
	(void)opaque;
}

static const SlirpCb callbacks = {
	.send_packet = send_packet,
	.guest_error = guest_error,
	.clock_get_ns = clock_get_ns,
	.timer_new = timer_new,
	.timer_free = timer_free,
	.timer_mod = timer_mod,
	.register_poll_fd = register_poll_fd,
	.unregister_poll_fd = register_poll_fd,
	.notify = notify,
};

static int add_poll(int fd, int events, void *opaque)
{
	(void)opaque;
	if (npfds == MAX_POLL) {
		fprintf(stderr, "espgen-slirp: too many sockets\n");
		exit(1);
	}
	short e = 0;
	if (events & SLIRP_POLL_IN)
		e |= POLLIN;
	if (events & SLIRP_POLL_OUT)
		e |= POLLOUT;
	if (events & SLIRP_POLL_PRI)
		e |= POLLPRI;
	pfds[npfds] = (struct pollfd){ .fd = fd, .events = e };
	return npfds++;
}

static int get_revents(int idx, void *opaque)
{
	(void)opaque;
	short r = pfds[idx].revents;
	int e = 0;
	if (r & POLLIN)
		e |= SLIRP_POLL_IN;
	if (r & POLLOUT)
		e |= SLIRP_POLL_OUT;
	if (r & POLLPRI)
		e |= SLIRP_POLL_PRI;
	if (r & POLLERR)
		e |= SLIRP_POLL_ERR;
	if (r & POLLHUP)
		e |= SLIRP_POLL_HUP;
	return e;
}

/* ---- forwards ---- */

static int known_listener(int fd)
{
	for (int i = 0; i < listener_count; i++) {
		if (listeners[i] == fd)
			return 1;
	}
	return 0;
}

/* The port of the listening socket slirp_add_hostfwd just opened: the one listening socket not seen before. */
static unsigned new_listener_port(void)
{
	unsigned port = 0;
	for (int fd = 0; fd < 1024; fd++) {
		struct stat st;
		int listening = 0;
		socklen_t len = sizeof(listening);
		if (fd == fw_fd || fstat(fd, &st) < 0 || !S_ISSOCK(st.st_mode))
			continue;
		if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0 || !listening || known_listener(fd))
			continue;
		struct sockaddr_in a;
		len = sizeof(a);
		if (getsockname(fd, (struct sockaddr *)&a, &len) < 0 || a.sin_family != AF_INET)
			continue;
		if (listener_count < MAX_LISTENERS)
			listeners[listener_count++] = fd;
		port = ntohs(a.sin_port);
	}
	return port;
}

static void forward(unsigned fw, unsigned host)
{
	struct in_addr loopback = { .s_addr = htonl(INADDR_LOOPBACK) };
	uint8_t m[5 + 128] = { 0, (uint8_t)(fw >> 8), (uint8_t)fw, (uint8_t)(host >> 8), (uint8_t)host };
	size_t len = 5;

	errno = 0;
	if (slirp_add_hostfwd(slirp, 0, loopback, (int)host, guest_ip, (int)fw) < 0) {
		m[0] = 'E';
		len += (size_t)snprintf((char *)m + 5, 128, "%s", errno ? strerror(errno) : "slirp_add_hostfwd failed");
	} else {
		unsigned bound = new_listener_port();
		if (host == 0)
			host = bound;
		m[0] = 'L';
		m[3] = (uint8_t)(host >> 8);
		m[4] = (uint8_t)host;
	}
	if (send(fw_fd, m, len, 0) < 0)
		fail("send to the firmware");
}

/* ---- the firmware's messages ---- */

static int from_firmware(void)
{
	ssize_t n = recv(fw_fd, buf + 13, sizeof(buf) - 13, MSG_DONTWAIT);
	if (n < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 1 : 0;
	if (n == 0)
		return 0;
	uint8_t type = buf[13];
	if (type == 'P' && n > 1) {
		/* the IP packet starts at buf + 14: an Ethernet header in front of it */
		memcpy(buf, slirp_mac, 6);
		memcpy(buf + 6, guest_mac, 6);
		buf[12] = 0x08, buf[13] = 0x00;
		slirp_input(slirp, buf, (int)(n - 1 + 14));
	} else if (type == 'F' && n >= 5) {
		forward((unsigned)buf[14] << 8 | buf[15], (unsigned)buf[16] << 8 | buf[17]);
	}
	return 1;
}

/* A gratuitous ARP reply from the guest, so slirp knows its hardware address from the start. */
static void announce_guest(void)
{
	uint8_t r[42];
	memcpy(r, slirp_mac, 6);
	memcpy(r + 6, guest_mac, 6);
	r[12] = 0x08, r[13] = 0x06;
	r[14] = 0, r[15] = 1, r[16] = 0x08, r[17] = 0, r[18] = 6, r[19] = 4, r[20] = 0, r[21] = 2;
	memcpy(r + 22, guest_mac, 6);
	memcpy(r + 28, &guest_ip, 4);
	memcpy(r + 32, slirp_mac, 6);
	memcpy(r + 38, &host_ip, 4);
	slirp_input(slirp, r, sizeof(r));
}

int main(int argc, char **argv)
{
	const char *guest = "10.0.2.15";
	fw_fd = -1;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--fd"))
			fw_fd = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--guest"))
			guest = argv[i + 1];
	}
	if (fw_fd < 0 || inet_pton(AF_INET, guest, &guest_ip) != 1) {
		fprintf(stderr, "usage: espgen-slirp --fd N [--guest A.B.C.D]   (started by an espgen SDK-stack firmware)\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);

	SlirpConfig cfg;
	memset(&cfg, 0, sizeof(cfg));
	cfg.version = 1;
	cfg.restricted = 1;
	cfg.in_enabled = true;
	/* the guest network is the /24 of the firmware's address; slirp is .2 on it, as in QEMU */
	uint32_t net = ntohl(guest_ip.s_addr) & 0xFFFFFF00u;
	cfg.vnetwork.s_addr = htonl(net);
	cfg.vnetmask.s_addr = htonl(0xFFFFFF00u);
	cfg.vhost.s_addr = htonl(net | 2);
	cfg.vdhcp_start.s_addr = htonl(net | 15);
	cfg.vnameserver.s_addr = htonl(net | 3);
	cfg.in6_enabled = false;
	cfg.vhostname = "espgen";
	host_ip = cfg.vhost;
	slirp = slirp_new(&cfg, &callbacks, NULL);
	if (slirp == NULL) {
		fprintf(stderr, "espgen-slirp: slirp_new failed\n");
		return 1;
	}
	announce_guest();

	for (;;) {
		uint32_t timeout = 1000;
		npfds = 0;
		add_poll(fw_fd, SLIRP_POLL_IN, NULL);
		slirp_pollfds_fill(slirp, &timeout, add_poll, NULL);
		int64_t now_ms = now_ns() / 1000000;
		for (int i = 0; i < MAX_TIMERS; i++) {
			if (timers[i].used && timers[i].armed) {
				int64_t left = timers[i].expire_ms - now_ms;
				if (left < 0)
					left = 0;
				if (left < (int64_t)timeout)
					timeout = (uint32_t)left;
			}
		}
		int r = poll(pfds, (nfds_t)npfds, (int)timeout);
		if (r < 0 && errno != EINTR)
			fail("poll");
		if (r > 0 && (pfds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
			for (int i = 0; i < 64; i++) {
				int more = from_firmware();
				if (!more)
					return 0;	/* the firmware closed its end */
				if (!(pfds[0].revents & POLLIN))
					break;
				struct pollfd again = { .fd = fw_fd, .events = POLLIN };
				if (poll(&again, 1, 0) <= 0)
					break;
				if (again.revents & POLLHUP && !(again.revents & POLLIN))
					return 0;
			}
		}
		slirp_pollfds_poll(slirp, r < 0, get_revents, NULL);
		now_ms = now_ns() / 1000000;
		for (int i = 0; i < MAX_TIMERS; i++) {
			if (timers[i].used && timers[i].armed && timers[i].expire_ms <= now_ms) {
				timers[i].armed = 0;
				timers[i].cb(timers[i].cb_opaque);
			}
		}
	}
}
