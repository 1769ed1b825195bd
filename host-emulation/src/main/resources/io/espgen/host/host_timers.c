/*
 * host_timers.c - the SDK's software timers (os_timer_setfn, os_timer_arm, os_timer_disarm),
 * fired by the loop in host_main.c.
 */
#include "host.h"

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
	/* From the next whole millisecond: the loop's clock is in ms, and a timer never fires early
	 * (armed at 1.3 ms for 50 ms, it is due at 52, not at 51: 49.7 ms after the arm). */
	timer->timer_expire = (uint32)((host_now_us() + 999u) / 1000u) + ms;
	/* A repeating 0 ms timer would starve the loop; it fires at most once per millisecond. */
	timer->timer_period = repeat ? (ms ? ms : 1) : 0;
	timer_insert(timer);
}

/* Fires the due timers; returns how many fired. Bounded, so a timer re-arming itself at 0 ms cannot
 * keep the loop from polling the sockets. */
int host_timers_run(void)
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
int host_timers_next_ms(void)
{
	int32_t d;

	if (!timers)
		return -1;
	d = ms_diff(timers->timer_expire, (uint32)host_now_ms());
	return d < 0 ? 0 : d;
}
