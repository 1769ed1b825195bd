/*
 * espgen_rtos_host_gpio.c - the FreeRTOS target's emulated pins on the host: the NONOS emulation's register model
 * and control socket (host_gpio.c, ESPGEN_HOST_GPIO, compiled into this build too) served by the firmware task's
 * own loop. espgen_rtos_net.c adds the control socket to its select() (espgen_rtos_host_fds) and hands what is
 * ready to it after (espgen_rtos_host_serve): a "set" that raises an edge runs the GPIO interrupt handler there,
 * on the loop's thread between two rounds, so the handler interleaves with no handler (as on the chip, where it
 * cannot interrupt itself) and the registers need no lock; what it posts runs in the next round.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "espgen_sdk.h"
#include "host_gpio.h"

#define HOST_TAG "espgen-host: "

/* The control socket's descriptors of this round: set by espgen_rtos_host_fds, read back by _serve. */
static struct pollfd gpio_fds[HOST_GPIO_POLLFDS];
static int gpio_nfds;

static void vreport(const char *kind, const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs(HOST_TAG, stderr);
	fputs(kind, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fflush(stderr);
}

void host_misuse(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("SDK misuse: ", fmt, ap);
	va_end(ap);
	abort();
}

void host_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("fatal: ", fmt, ap);
	va_end(ap);
	exit(1);
}

void espgen_rtos_host_gpio_setup(void)
{
	host_gpio_setup();
}

void espgen_rtos_host_fds(fd_set *rd, int *maxfd)
{
	int i;

	gpio_nfds = host_gpio_pollfds(gpio_fds);
	for (i = 0; i < gpio_nfds; i++) {
		FD_SET(gpio_fds[i].fd, rd);
		if (gpio_fds[i].fd > *maxfd)
			*maxfd = gpio_fds[i].fd;
	}
}

void espgen_rtos_host_serve(const fd_set *rd)
{
	int i;

	for (i = 0; i < gpio_nfds; i++)
		gpio_fds[i].revents = FD_ISSET(gpio_fds[i].fd, rd) ? POLLIN : 0;
	host_gpio_ready(gpio_fds, gpio_nfds);
	gpio_nfds = 0;
}
