/*
 * host_main.c - main() and the single-threaded event loop of the host emulation; time, logging, failure,
 * and the context the firmware is running in. The command line is in host_args.c, the software timers
 * in host_timers.c, the posted tasks in host_tasks.c.
 *
 * One loop iteration: fire the timers that are due, run the SDK's deferred events and the firmware's
 * posted tasks (SDK events first, then one task at a time, highest priority first), then poll every
 * socket (host_espconn_poll.c) until the next thing is due. Nothing runs concurrently, as on the chip.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "host.h"

/* The firmware's entry points (SDK 3.x requires both). */
void user_pre_init(void);
void user_init(void);

/* Prints the caller's stack when the sanitizer runtime is linked in; a misuse report then names the
 * firmware line that misused the SDK. */
extern void __sanitizer_print_stack_trace(void) __attribute__((weak));

/* Warn when one callback keeps the CPU this long: the chip's software watchdog resets at 1.6-3.2 s. */
#define HOST_HOG_WARN_US 500000u

/* A callback that has not returned for this many watchdog ticks (1 s each) is stuck: the chip's watchdog
 * would have reset it long before (the software watchdog at 1.6-3.2 s, the hardware one at about 6 s). */
#define HOST_WATCHDOG_TICKS 3
#define HOST_WATCHDOG_EXIT 4

static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t heap_request;	/* SIGUSR1: print the heap lines (HostFirmware.heap) */
/* What the watchdog thread reads: outermost callbacks counted (so it tells whether the one running now is the
 * one it saw last tick), whether one is running, and its name. Written by the loop, read with __atomic. */
static unsigned long callback_seq;
static int in_callback;
static const char *callback_what;

static struct {
	enum host_ctx ctx;
	const char *what;
	uint64_t start_us;
} cur;

/* ---- time, logging, failure ---- */

static uint64_t mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static uint64_t boot_us;

/* Time since "boot", so system_get_time() starts near zero as on the chip. */
uint64_t host_now_us(void)
{
	if (!boot_us)
		boot_us = mono_us() - 1;
	return mono_us() - boot_us;
}

uint64_t host_now_ms(void)
{
	return host_now_us() / 1000u;
}

void host_log(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs(HOST_TAG, stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

void host_misuse(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs(HOST_TAG "SDK misuse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	if (__sanitizer_print_stack_trace)
		__sanitizer_print_stack_trace();
	abort();
}

/* The environment failed us (no memory, a port taken): not the firmware's fault, so no abort(). */
void host_fatal(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs(HOST_TAG "fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	exit(1);
}

void *host_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		host_fatal("out of memory (%zu bytes for the emulation itself)", size);
	return p;
}

void *host_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		host_fatal("out of memory (%zu x %zu bytes for the emulation itself)", n, size);
	return p;
}

unsigned long host_env_count(const char *name)
{
	const char *v = getenv(name);
	char *end;
	unsigned long n;

	if (!v || !*v)
		return 0;
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno || *end || n == 0 || v[0] == '-')
		host_fatal("%s=%s: expected a positive count", name, v);
	return n;
}

/* ---- who is running: the firmware's callbacks are bracketed so misuse can name its context ---- */

void host_ctx_enter(struct host_ctx_save *save, enum host_ctx ctx, const char *what)
{
	save->ctx = cur.ctx;
	save->what = cur.what;
	save->start_us = cur.start_us;
	if (cur.ctx == HOST_CTX_LOOP) {
		__atomic_store_n(&callback_what, what, __ATOMIC_RELAXED);
		__atomic_add_fetch(&callback_seq, 1, __ATOMIC_RELEASE);
		__atomic_store_n(&in_callback, 1, __ATOMIC_RELEASE);
	}
	cur.ctx = ctx;
	cur.what = what;
	cur.start_us = host_now_us();
}

void host_ctx_leave(const struct host_ctx_save *save)
{
	uint64_t spent = host_now_us() - cur.start_us;

	if (cur.ctx != HOST_CTX_INIT && spent > HOST_HOG_WARN_US)
		host_log("warning: the %s ran for %llu ms; the chip's watchdog resets after about 1.6 s",
			 cur.what, (unsigned long long)(spent / 1000u));
	cur.ctx = save->ctx;
	cur.what = save->what;
	cur.start_us = save->start_us;
	if (cur.ctx == HOST_CTX_LOOP)
		__atomic_store_n(&in_callback, 0, __ATOMIC_RELEASE);
}

enum host_ctx host_ctx_now(const char **what)
{
	if (what)
		*what = cur.what;
	return cur.ctx;
}

/* ---- the loop ---- */

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		heap_request = 1;
	else
		stop_signal = sig;
}

static void write_str(const char *text)
{
	ssize_t ignored = write(STDERR_FILENO, text, strlen(text));

	(void)ignored;
}

/*
 * The watchdog, a thread of its own that wakes every second: a firmware callback that has not returned for
 * HOST_WATCHDOG_TICKS ticks (a loop without an end) ends the process, as the chip's watchdog would reset it;
 * otherwise a stuck firmware would keep the CPU and, its stop signals blocked outside the poll, outlive
 * SIGINT and SIGTERM. A thread, not a timer signal, so no system call of the loop is ever interrupted.
 */
static void *watchdog_main(void *arg)
{
	unsigned long seen = 0;
	int ticks = 0;

	(void)arg;
	for (;;) {
		struct timespec second = { 1, 0 };
		unsigned long seq;

		nanosleep(&second, NULL);
		seq = __atomic_load_n(&callback_seq, __ATOMIC_ACQUIRE);
		if (!__atomic_load_n(&in_callback, __ATOMIC_ACQUIRE) || seq != seen) {
			seen = seq;
			ticks = 0;
			continue;
		}
		if (++ticks < HOST_WATCHDOG_TICKS)
			continue;
		write_str(HOST_TAG "watchdog: the ");
		write_str(__atomic_load_n(&callback_what, __ATOMIC_RELAXED));
		write_str(" has not returned for 3 s; the chip's watchdog would have reset it (a loop without an end?)\n");
		_exit(HOST_WATCHDOG_EXIT);
	}
	return NULL;
}

static pthread_t watchdog;

/* At exit: the thread is cancelled in its sleep and joined, so nothing of it outlives the process's end
 * (valgrind counts a detached thread's stack as possibly lost). */
static void stop_watchdog(void)
{
	pthread_cancel(watchdog);
	pthread_join(watchdog, NULL);
}

/* Started with SIGINT and SIGTERM blocked, as the thread keeps them: they go to the loop's ppoll. */
static void start_watchdog(void)
{
	if (pthread_create(&watchdog, NULL, watchdog_main, NULL) != 0)
		host_fatal("cannot start the watchdog thread");
	atexit(stop_watchdog);
}

/* Runs what is ready now: due timers, then SDK events before each firmware task. Bounded, so the
 * sockets get polled even when the firmware keeps posting to itself. */
static void run_ready(void)
{
	int step;

	for (step = 0; step < 256; step++) {
		int did = host_timers_run();

		did += host_espconn_run_deferred(64);
		did += host_task_run_one();
		if (!did)
			break;
	}
}

static int min_timeout(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	sigset_t stop_set, poll_mask;
	uint64_t deadline_ms = 0;
	struct host_ctx_save save;

	host_parse_args(argc, argv);
	host_now_us();

	/* SIGINT/SIGTERM stay blocked except inside ppoll(), so a stop request cannot slip in between
	 * checking the flag and going to sleep. */
	sigemptyset(&stop_set);
	sigaddset(&stop_set, SIGINT);
	sigaddset(&stop_set, SIGTERM);
	sigaddset(&stop_set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &stop_set, &poll_mask);
	sigdelset(&poll_mask, SIGINT);
	sigdelset(&poll_mask, SIGTERM);
	sigdelset(&poll_mask, SIGUSR1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	start_watchdog();

	host_heap_setup();
	host_espconn_setup();
	if (host_opts.exit_after_ms >= 0)
		deadline_ms = host_now_ms() + (uint64_t)host_opts.exit_after_ms;

	host_ctx_enter(&save, HOST_CTX_INIT, "user_pre_init");
	user_pre_init();
	host_ctx_leave(&save);
	if (!host_partition_table_ok())
		host_misuse("user_pre_init did not register a valid partition table with "
			    "system_partition_table_regist (the chip stops booting here)");
	host_ctx_enter(&save, HOST_CTX_INIT, "user_init");
	user_init();
	host_ctx_leave(&save);
	printf(HOST_TAG "ready\n");
	fflush(stdout);

	while (!stop_signal) {
		int timeout;

		if (heap_request) {
			heap_request = 0;
			host_heap_report();
		}
		run_ready();
		if (host_opts.exit_after_ms >= 0 && host_now_ms() >= deadline_ms) {
			host_log("stopping: --exit-after-ms %lld elapsed", host_opts.exit_after_ms);
			break;
		}
		if (host_tasks_pending())
			timeout = 0;
		else
			timeout = host_timers_next_ms();
		if (host_opts.exit_after_ms >= 0) {
			uint64_t now = host_now_ms();
			uint64_t left = deadline_ms > now ? deadline_ms - now : 0;

			timeout = min_timeout(timeout, left > INT_MAX ? INT_MAX : (int)left);
		}
		host_espconn_poll(timeout, &poll_mask);
	}
	if (stop_signal)
		host_log("stopping on signal %d", (int)stop_signal);
	host_heap_summary();
	fflush(stdout);
	return 0;
}
