/*
 * sched_fw.c - a test firmware for the glue's loop, without a network: the register page, the heap, the task
 * scheduler (user priorities 0-2 and a ROM-level task at 20, declared here as the SDK's espconn declares ets_task)
 * and os_timers. Prints what it sees on stdout ("sched: ..."), then "sched: done".
 */
#include "fw_start.h"

int ets_task(void (*task)(os_event_t *e), uint8 prio, os_event_t *queue, uint8 qlen);
int ets_post(uint8 prio, uint32 sig, uint32 par);

#define REG(a) (*(volatile uint32 *)(a))

static os_event_t q0[4], q1[2], q2[4], q20[4];
static os_timer_t once, repeat, restart, cancelled, micro, finish;
static int repeats;
static uint32 frc_start, us_start;
static void *kept;

static void task(os_event_t *e, int prio)
{
	os_printf("sched: task %d %c\n", prio, (char)e->sig);
}

static void task0(os_event_t *e)
{
	task(e, 0);
}

static void task1(os_event_t *e)
{
	task(e, 1);
}

static void task2(os_event_t *e)
{
	task(e, 2);
}

static void task20(os_event_t *e)
{
	task(e, 20);
}

static void fired(void *arg)
{
	const char *name = arg;
	if (arg == &repeat) {
		repeats++;
		os_printf("sched: timer repeat %d\n", repeats);
		if (repeats == 3)
			os_timer_disarm(&repeat);
		if (repeats == 1) {
			/* 10 ms after start: the 20 ms timer is armed again for 40 ms, the 15 ms one disarmed */
			os_timer_arm(&restart, 40, 0);
			os_timer_disarm(&cancelled);
		}
		return;
	}
	os_printf("sched: timer %s\n", name);
}

static void done(void *arg)
{
	(void)arg;
	uint32 frc = REG(0x60000624) - frc_start;
	uint32 us = system_get_time() - us_start;
	os_printf("sched: frc %u ticks in %u us\n", frc, us);
	os_printf("sched: done\n");
}

void user_init(void)
{
	frc_start = REG(0x60000624);
	us_start = system_get_time();
	os_printf("sched: regs %u %u %u %u %u\n", REG(0x600011FC), REG(0x600011F0), REG(0x600011E8), REG(0x600011E4),
		  REG(0x600011E0));

	/* the heap: what is free when user code starts, in 1000-byte blocks, and back */
	uint32 free0 = system_get_free_heap_size();
	void *blocks[128];
	int n = 0;
	while (n < 128 && (blocks[n] = os_malloc(1000)) != NULL)
		n++;
	uint32 free1 = system_get_free_heap_size();
	while (n > 0)
		os_free(blocks[--n]);
	os_printf("sched: heap %u free, %u blocks of 1000, %u left, %u after freeing\n", free0,
		  (free0 - free1) / 1000, free1, system_get_free_heap_size());
	kept = os_zalloc(10);	/* left live: the heap line at exit counts it */

	/* tasks: posted now, run after user_init, highest priority first, in order within one */
	system_os_task(task0, USER_TASK_PRIO_0, q0, 4);
	system_os_task(task1, USER_TASK_PRIO_1, q1, 2);
	system_os_task(task2, USER_TASK_PRIO_2, q2, 4);
	ets_task(task20, 20, q20, 4);
	os_printf("sched: prio 3 task %d\n", system_os_task(task0, 3, q0, 4));
	system_os_post(0, 'a', 0);
	system_os_post(1, 'b', 0);
	system_os_post(2, 'c', 0);
	system_os_post(0, 'd', 0);
	ets_post(20, 'e', 0);
	system_os_post(2, 'f', 0);
	system_os_post(1, 'g', 0);
	os_printf("sched: third post to a queue of 2 %d\n", system_os_post(1, 'h', 0));

	/* timers */
	os_timer_setfn(&once, fired, "once");
	os_timer_setfn(&repeat, fired, &repeat);
	os_timer_setfn(&restart, fired, "restart");
	os_timer_setfn(&cancelled, fired, "cancelled");
	os_timer_setfn(&micro, fired, "micro");
	os_timer_setfn(&finish, done, NULL);
	os_timer_arm(&once, 30, 0);
	os_timer_arm(&repeat, 10, 1);
	os_timer_arm(&restart, 20, 0);
	os_timer_arm(&cancelled, 15, 0);
	ets_timer_arm_new(&micro, 5000, 0, 0);	/* 5 ms in microseconds */
	os_timer_arm(&finish, 150, 0);
}
