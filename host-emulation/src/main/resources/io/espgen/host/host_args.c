/*
 * host_args.c - the command line of the host emulation (see README.md, "Running").
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

struct host_opts host_opts = { .exit_after_ms = -1 };

/* ---- the command line ---- */

int host_port_for(int firmware_port)
{
	int i;

	for (i = 0; i < host_opts.nmaps; i++)
		if (host_opts.maps[i].fw == firmware_port)
			return host_opts.maps[i].host;
	return host_opts.any_port ? 0 : firmware_port;
}

static void usage(const char *prog, const char *problem)
{
	if (problem)
		fprintf(stderr, HOST_TAG "%s\n", problem);
	fprintf(stderr,
		"usage: %s [--port FW=HOST]... [--any-port] [--exit-after-ms N]\n"
		"  --port FW=HOST     serve the firmware's port FW on 127.0.0.1:HOST (0: any free port)\n"
		"  --any-port         every listener without a --port takes a free port\n"
		"  --exit-after-ms N  stop by itself after N ms\n"
		"environment: ESPGEN_HOST_MALLOC_FAIL_AT=N, ESPGEN_HOST_SEND_FAIL_AT=N,\n"
		"             ESPGEN_HOST_TRACE=1\n",
		prog);
	exit(2);
}

static long parse_num(const char *prog, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max) {
		char msg[160];

		snprintf(msg, sizeof(msg), "bad number '%s' (expected %ld..%ld)", s, min, max);
		usage(prog, msg);
	}
	return v;
}

void host_parse_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--any-port")) {
			host_opts.any_port = 1;
		} else if (!strcmp(a, "--port") && i + 1 < argc) {
			char buf[64];
			char *eq;

			snprintf(buf, sizeof(buf), "%s", argv[++i]);
			eq = strchr(buf, '=');
			if (!eq)
				usage(argv[0], "--port wants FW=HOST");
			*eq = '\0';
			if (host_opts.nmaps == HOST_MAX_PORT_MAPS)
				usage(argv[0], "too many --port options");
			host_opts.maps[host_opts.nmaps].fw = (int)parse_num(argv[0], buf, 1, 65535);
			host_opts.maps[host_opts.nmaps].host = (int)parse_num(argv[0], eq + 1, 0, 65535);
			host_opts.nmaps++;
		} else if (!strcmp(a, "--exit-after-ms") && i + 1 < argc) {
			host_opts.exit_after_ms = parse_num(argv[0], argv[++i], 0, LONG_MAX);
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(argv[0], NULL);
		} else {
			char msg[160];

			snprintf(msg, sizeof(msg), "unknown or incomplete argument '%s'", a);
			usage(argv[0], msg);
		}
	}
}
