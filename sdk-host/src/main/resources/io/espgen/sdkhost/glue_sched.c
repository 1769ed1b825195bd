/*
 * glue_sched.c - the ROM's task scheduler and software timers, as espconn and a firmware use them.
 *
 * Tasks: ets_task(task, prio, queue, qlen) gives a priority (0..31) its handler and the caller's queue;
 * ets_post(prio, sig, par) queues an event there. espconn registers espconn_Task at espconn_TaskPrio = 26
 * with a queue of 15 (espconn_tcp.c: espconn_init) and posts its close, error and write-finish events to
 * it (espconn_tcp.c: espconn_server_close, esponn_server_err, espconn_tcp_sent). A firmware's
 * system_os_task(task, 0..2, ...) tasks sit below it: libmain's mapping of user priorities to the ROM's
 * is not public, only that USER_TASK_PRIO_0..2 rank below the SDK's tasks; here user priority p is level p.
 * One event runs at a time, the highest priority first, first in first out within one.
 *
 * Timers: os_timer_setfn/arm/disarm (osapi.h: ets_timer_setfn, ets_timer_arm_new, ets_timer_disarm). The
 * armed list is linked through the firmware's own timer_next, sorted by timer_expire, which holds the FRC2
 * count at expiry (80 MHz / 256: the ROM's maximum of 0x68D7A3 ms is 2^31 such ticks), compared modulo
 * 2^32; equal expiries keep arming order. A repeating timer is re-armed before its function runs; one that
 * is late by more than its period skips the periods it missed.
 *
 * SDK side: the SDK's headers only.
 */
#include "ets_sys.h"
#include "osapi.h"
#include "os_type.h"
#include "user_interface.h"

#include "glue.h"

#define LEVELS 32

struct level {
	ETSTask task;
	ETSEvent *queue;
	uint8 qlen;
	uint8 head;
	uint8 count;
};

static struct level levels[LEVELS];
static ETSTimer *armed;

int ets_task(ETSTask task, uint8 prio, ETSEvent *queue, uint8 qlen)
{
	if (prio >= LEVELS || task == NULL || queue == NULL || qlen == 0)
		glue_fatal("ets_task(%p, %u, %p, %u): bad arguments", (void *)task, prio, (void *)queue, qlen);
	if (levels[prio].task != NULL)
		glue_fatal("ets_task: priority %u already has a task", prio);
	levels[prio].task = task;
	levels[prio].queue = queue;
	levels[prio].qlen = qlen;
	levels[prio].head = 0;
	levels[prio].count = 0;
	return 0;
}

/* 0 when queued; 1 when the priority has no task or its queue is full (the event is lost, as on the chip). */
int ets_post(uint8 prio, ETSSignal sig, ETSParam par)
{
	if (prio >= LEVELS || levels[prio].task == NULL)
		return 1;
	struct level *l = &levels[prio];
	if (l->count == l->qlen) {
		glue_log("ets_post: the queue of priority %u (%u events) is full; event %u lost", prio, l->qlen,
			 (unsigned)sig);
		return 1;
	}
	ETSEvent *e = &l->queue[(l->head + l->count) % l->qlen];
	e->sig = sig;
	e->par = par;
	l->count++;
	return 0;
}

bool system_os_task(os_task_t task, uint8 prio, os_event_t *queue, uint8 qlen)
{
	if (prio > USER_TASK_PRIO_2 || task == NULL || queue == NULL || qlen == 0 || levels[prio].task != NULL)
		return false;
	return ets_task(task, prio, queue, qlen) == 0;
}

bool system_os_post(uint8 prio, os_signal_t sig, os_param_t par)
{
	if (prio > USER_TASK_PRIO_2)
		return false;
	return ets_post(prio, sig, par) == 0;
}

int glue_sched_run_one(void)
{
	for (int prio = LEVELS - 1; prio >= 0; prio--) {
		struct level *l = &levels[prio];
		if (l->count == 0)
			continue;
		ETSEvent e = l->queue[l->head];
		l->head = (uint8)((l->head + 1) % l->qlen);
		l->count--;
		l->task(&e);
		return 1;
	}
	return 0;
}

/* ---- software timers ---- */

static int due_before(uint32 a, uint32 b)
{
	return (sint32)(a - b) < 0;
}

static int unlink_timer(ETSTimer *t)
{
	for (ETSTimer **p = &armed; *p; p = &(*p)->timer_next) {
		if (*p == t) {
			*p = t->timer_next;
			t->timer_next = NULL;
			return 1;
		}
	}
	return 0;
}

static void insert_timer(ETSTimer *t)
{
	ETSTimer **p = &armed;
	while (*p && !due_before(t->timer_expire, (*p)->timer_expire))
		p = &(*p)->timer_next;
	t->timer_next = *p;
	*p = t;
}

void ets_timer_disarm(ETSTimer *t)
{
	unlink_timer(t);
}

void ets_timer_setfn(ETSTimer *t, ETSTimerFunc *fn, void *arg)
{
	for (ETSTimer *a = armed; a; a = a->timer_next) {
		if (a == t)
			glue_fatal("os_timer_setfn on an armed timer (%p): disarm it first", (void *)t);
	}
	t->timer_func = fn;
	t->timer_arg = arg;
	t->timer_period = 0;
	t->timer_next = NULL;
}

void ets_timer_arm_new(ETSTimer *t, uint32_t time, bool repeat, bool ms)
{
	if (t->timer_func == NULL)
		glue_fatal("os_timer_arm on a timer without a function (%p): call os_timer_setfn first", (void *)t);
	unlink_timer(t);
	glue_regs_refresh();
	uint64 ticks = ms ? (uint64)time * GLUE_FRC2_HZ / 1000 : (uint64)time * GLUE_FRC2_HZ / 1000000;
	if (ticks == 0)
		ticks = 1;
	if (ticks > 0x7fffffffULL)
		glue_fatal("os_timer_arm: %u %s is over the ROM's limit (0x68D7A3 ms)", time, ms ? "ms" : "us");
	t->timer_expire = NOW() + (uint32)ticks;
	t->timer_period = repeat ? (uint32)ticks : 0;
	insert_timer(t);
}

int glue_sched_run_timers(void)
{
	int ran = 0;

	/* at most a bounded batch: a timer armed again for 0 ms from its own function waits for the next turn */
	while (armed && ran < 64) {
		uint32 now = NOW();
		ETSTimer *t = armed;
		if (due_before(now, t->timer_expire))
			break;
		armed = t->timer_next;
		t->timer_next = NULL;
		if (t->timer_period) {
			t->timer_expire += t->timer_period;
			if (!due_before(now, t->timer_expire))
				t->timer_expire = now + t->timer_period;
			insert_timer(t);
		}
		t->timer_func(t->timer_arg);
		ran++;
		glue_regs_refresh();
	}
	return ran;
}

long long glue_sched_next_timer_us(void)
{
	if (armed == NULL)
		return -1;
	glue_regs_refresh();
	sint32 ticks = (sint32)(armed->timer_expire - NOW());
	if (ticks <= 0)
		return 0;
	return ((long long)ticks * 1000000LL + (long long)GLUE_FRC2_HZ - 1) / (long long)GLUE_FRC2_HZ;
}
