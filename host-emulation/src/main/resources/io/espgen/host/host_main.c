/*
 * host_main.c - main(), the command line, the single-threaded event loop, software timers and
 * posted tasks of the host emulation.
 *
 * One loop iteration: fire the timers that are due, run the SDK's deferred events and the firmware's
 * posted tasks (SDK events first, then one task at a time, highest priority first), then poll every
 * socket (host_espconn.c) until the next thing is due. Nothing runs concurrently, as on the chip.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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

#define HOST_MAX_PORT_MAPS 32

struct host_port_map {
	int fw;
	int host;
};

static struct {
	struct host_port_map maps[HOST_MAX_PORT_MAPS];
	int nmaps;
	int any_port;
	long long exit_after_ms;	/* -1: run until a signal */
} opts = { .exit_after_ms = -1 };

static volatile sig_atomic_t stop_signal;

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
}

enum host_ctx host_ctx_now(const char **what)
{
	if (what)
		*what = cur.what;
	return cur.ctx;
}

/* ---- the command line ---- */

int host_port_for(int firmware_port)
{
	int i;

	if (opts.any_port)
		return 0;
	for (i = 0; i < opts.nmaps; i++)
		if (opts.maps[i].fw == firmware_port)
			return opts.maps[i].host;
	return firmware_port;
}

static void usage(const char *prog, const char *problem)
{
	if (problem)
		fprintf(stderr, HOST_TAG "%s\n", problem);
	fprintf(stderr,
		"usage: %s [--port FW=HOST]... [--any-port] [--exit-after-ms N]\n"
		"  --port FW=HOST     serve the firmware's port FW on 127.0.0.1:HOST (0: any free port)\n"
		"  --any-port         every listener takes a free port\n"
		"  --exit-after-ms N  stop by itself after N ms\n"
		"environment: ESPGEN_HOST_MALLOC_FAIL_AT=N, ESPGEN_HOST_SEND_FAIL_AT=N\n",
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

static void parse_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--any-port")) {
			opts.any_port = 1;
		} else if (!strcmp(a, "--port") && i + 1 < argc) {
			char buf[64];
			char *eq;

			snprintf(buf, sizeof(buf), "%s", argv[++i]);
			eq = strchr(buf, '=');
			if (!eq)
				usage(argv[0], "--port wants FW=HOST");
			*eq = '\0';
			if (opts.nmaps == HOST_MAX_PORT_MAPS)
				usage(argv[0], "too many --port options");
			opts.maps[opts.nmaps].fw = (int)parse_num(argv[0], buf, 1, 65535);
			opts.maps[opts.nmaps].host = (int)parse_num(argv[0], eq + 1, 0, 65535);
			opts.nmaps++;
		} else if (!strcmp(a, "--exit-after-ms") && i + 1 < argc) {
			opts.exit_after_ms = parse_num(argv[0], argv[++i], 0, LONG_MAX);
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(argv[0], NULL);
		} else {
			char msg[160];

			snprintf(msg, sizeof(msg), "unknown or incomplete argument '%s'", a);
			usage(argv[0], msg);
		}
	}
}

/* ---- software timers (os_timer_*) ----
 *
 * Armed timers form a list through the firmware's own timer_next field, sorted by expiry, as in the
 * SDK: a timer freed or overwritten while armed breaks the list here as it would on the chip (ASan
 * then reports it). Whether a timer is armed is decided by list membership, never by its fields,
 * because a disarmed timer's memory is the firmware's to leave uninitialised.
 */

static ETSTimer *timers;

static int32_t ms_diff(uint32 a, uint32 b)
{
	return (int32_t)(a - b);
}

static int timer_unlink(ETSTimer *t)
{
	ETSTimer **pp;

	for (pp = &timers; *pp; pp = &(*pp)->timer_next) {
		if (*pp == t) {
			*pp = t->timer_next;
			t->timer_next = NULL;
			return 1;
		}
	}
	return 0;
}

/* Equal expiries fire in the order they were armed. */
static void timer_insert(ETSTimer *t)
{
	ETSTimer **pp = &timers;

	while (*pp && ms_diff((*pp)->timer_expire, t->timer_expire) <= 0)
		pp = &(*pp)->timer_next;
	t->timer_next = *pp;
	*pp = t;
}

void ets_timer_disarm(ETSTimer *timer)
{
	if (!timer)
		host_misuse("os_timer_disarm(NULL)");
	timer_unlink(timer);
}

void ets_timer_setfn(ETSTimer *timer, ETSTimerFunc *fn, void *arg)
{
	ETSTimer *t;

	if (!timer)
		host_misuse("os_timer_setfn(NULL, ...)");
	for (t = timers; t; t = t->timer_next)
		if (t == timer)
			host_misuse("os_timer_setfn on an armed timer %p (call os_timer_disarm first)",
				    (void *)timer);
	timer->timer_func = fn;
	timer->timer_arg = arg;
	timer->timer_period = 0;
	timer->timer_next = NULL;
}

void ets_timer_arm_new(ETSTimer *timer, uint32 ms_or_us, bool repeat, bool is_ms)
{
	uint32 ms = is_ms ? ms_or_us : (uint32)(((uint64_t)ms_or_us + 999u) / 1000u);

	if (!timer)
		host_misuse("os_timer_arm(NULL, ...)");
	if (!timer->timer_func)
		host_misuse("os_timer_arm on timer %p that has no function (call os_timer_setfn first)",
			    (void *)timer);
	/* Re-arming an armed timer restarts it. */
	timer_unlink(timer);
	timer->timer_expire = (uint32)host_now_ms() + ms;
	/* A repeating 0 ms timer would starve the loop; it fires at most once per millisecond. */
	timer->timer_period = repeat ? (ms ? ms : 1) : 0;
	timer_insert(timer);
}

/* Fires the due timers; returns how many fired. Bounded, so a timer re-arming itself at 0 ms cannot
 * keep the loop from polling the sockets. */
static int timers_run(void)
{
	uint32 now = (uint32)host_now_ms();
	int n;

	for (n = 0; n < 256 && timers && ms_diff(timers->timer_expire, now) <= 0; n++) {
		ETSTimer *t = timers;
		ETSTimerFunc *fn = t->timer_func;
		void *arg = t->timer_arg;
		struct host_ctx_save save;

		timers = t->timer_next;
		t->timer_next = NULL;
		if (t->timer_period) {
			t->timer_expire += t->timer_period;
			/* Late: skip the missed periods rather than fire a burst. */
			if (ms_diff(t->timer_expire, now) <= 0)
				t->timer_expire = now + t->timer_period;
			timer_insert(t);
		}
		host_ctx_enter(&save, HOST_CTX_TIMER, "timer callback");
		fn(arg);
		host_ctx_leave(&save);
	}
	return n;
}

/* Milliseconds until the next timer is due; -1 when none is armed. */
static int timers_next_ms(void)
{
	int32_t d;

	if (!timers)
		return -1;
	d = ms_diff(timers->timer_expire, (uint32)host_now_ms());
	return d < 0 ? 0 : d;
}

/* ---- posted tasks (system_os_task / system_os_post) ---- */

#define HOST_TASK_PRIOS 3

static struct host_task {
	os_task_t fn;
	os_event_t *queue;	/* the firmware's array, used as a ring */
	uint8 len;
	uint8 head;
	uint8 count;
} tasks[HOST_TASK_PRIOS];

bool system_os_task(os_task_t task, uint8 prio, os_event_t *queue, uint8 qlen)
{
	struct host_task *t;

	if (prio >= HOST_TASK_PRIOS || !task || !queue || !qlen) {
		host_log("system_os_task(prio %u, qlen %u): invalid arguments", prio, qlen);
		return false;
	}
	t = &tasks[prio];
	if (t->fn) {
		host_log("system_os_task: priority %u already has a task", prio);
		return false;
	}
	t->fn = task;
	t->queue = queue;
	t->len = qlen;
	t->head = 0;
	t->count = 0;
	return true;
}

bool system_os_post(uint8 prio, ETSSignal sig, ETSParam par)
{
	struct host_task *t;

	if (prio >= HOST_TASK_PRIOS)
		return false;
	t = &tasks[prio];
	if (!t->fn || t->count == t->len)
		return false;
	t->queue[(t->head + t->count) % t->len].sig = sig;
	t->queue[(t->head + t->count) % t->len].par = par;
	t->count++;
	return true;
}

static int tasks_pending(void)
{
	int p;

	for (p = 0; p < HOST_TASK_PRIOS; p++)
		if (tasks[p].count)
			return 1;
	return 0;
}

/* Runs the oldest event of the highest priority that has one; returns 0 when there was none. */
static int task_run_one(void)
{
	int p;

	for (p = HOST_TASK_PRIOS - 1; p >= 0; p--) {
		struct host_task *t = &tasks[p];
		struct host_ctx_save save;
		os_event_t ev;

		if (!t->count)
			continue;
		/* A copy: the task may post into the slot it is handling. */
		ev = t->queue[t->head];
		t->head = (uint8)((t->head + 1) % t->len);
		t->count--;
		host_ctx_enter(&save, HOST_CTX_TASK, "task");
		t->fn(&ev);
		host_ctx_leave(&save);
		return 1;
	}
	return 0;
}

/* ---- the loop ---- */

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* Runs what is ready now: due timers, then SDK events before each firmware task. Bounded, so the
 * sockets get polled even when the firmware keeps posting to itself. */
static void run_ready(void)
{
	int step;

	for (step = 0; step < 256; step++) {
		int did = timers_run();

		did += host_espconn_run_deferred(64);
		did += task_run_one();
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

	parse_args(argc, argv);
	host_now_us();

	/* SIGINT/SIGTERM stay blocked except inside ppoll(), so a stop request cannot slip in between
	 * checking the flag and going to sleep. */
	sigemptyset(&stop_set);
	sigaddset(&stop_set, SIGINT);
	sigaddset(&stop_set, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop_set, &poll_mask);
	sigdelset(&poll_mask, SIGINT);
	sigdelset(&poll_mask, SIGTERM);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	host_heap_setup();
	host_espconn_setup();
	if (opts.exit_after_ms >= 0)
		deadline_ms = host_now_ms() + (uint64_t)opts.exit_after_ms;

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

		run_ready();
		if (opts.exit_after_ms >= 0 && host_now_ms() >= deadline_ms) {
			host_log("stopping: --exit-after-ms %lld elapsed", opts.exit_after_ms);
			break;
		}
		if (tasks_pending())
			timeout = 0;
		else
			timeout = timers_next_ms();
		if (opts.exit_after_ms >= 0) {
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
