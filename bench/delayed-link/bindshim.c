/*
 * bindshim.c - LD_PRELOAD shim for the benchmark only.
 *
 * bind(): the host emulation binds its listeners to 127.0.0.1, which a client in another network
 * namespace cannot reach. With ESPGEN_BENCH_BIND_ADDR set, a bind() to 127.0.0.1 becomes a bind() to
 * that address (the server namespace's TUN address), port unchanged. So the firmware's own socket is
 * the TCP end point on the delayed link, and its SIOCOUTQ counts what the far client has not yet
 * acknowledged, exactly as with a client on 127.0.0.1. No relay: a relay would acknowledge at once
 * over loopback and hide the send strategy being measured.
 *
 * send(): with ESPGEN_BENCH_TRACE=FILE, every send() is logged there as "send <CLOCK_MONOTONIC ns>
 * <bytes asked>" before it is made (bench diagnosis: how long after the peer's ACK the next chunk goes).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	static int (*real_bind)(int, const struct sockaddr *, socklen_t);
	const char *to = getenv("ESPGEN_BENCH_BIND_ADDR");

	if (!real_bind)
		real_bind = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");
	if (to && addr && addr->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in sa;

		memcpy(&sa, addr, sizeof(sa));
		if (sa.sin_addr.s_addr == htonl(INADDR_LOOPBACK) && inet_pton(AF_INET, to, &sa.sin_addr) == 1) {
			fprintf(stderr, "bindshim: bind 127.0.0.1:%d -> %s:%d\n", ntohs(sa.sin_port), to,
				ntohs(sa.sin_port));
			return real_bind(fd, (const struct sockaddr *)&sa, sizeof(sa));
		}
	}
	return real_bind(fd, addr, len);
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	static ssize_t (*real_send)(int, const void *, size_t, int);
	static int trace_fd = -2;

	if (!real_send)
		real_send = (ssize_t (*)(int, const void *, size_t, int))dlsym(RTLD_NEXT, "send");
	if (trace_fd == -2) {
		const char *path = getenv("ESPGEN_BENCH_TRACE");

		trace_fd = path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644) : -1;
	}
	if (trace_fd >= 0) {
		struct timespec ts;
		char line[64];
		int n;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		n = snprintf(line, sizeof(line), "send %llu %zu\n",
			     (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec, len);
		if (write(trace_fd, line, (size_t)n) < 0)
			trace_fd = -1;
	}
	return real_send(fd, buf, len, flags);
}
