/*
 * timers_fw.c - software timers, posted tasks and the ROM string routines, printed in the order they
 * run. Timers: C one-shot 10 ms, B every 20 ms (disarmed after 5), A one-shot 50 ms, E armed at 30 ms
 * and re-armed at 70 ms, D armed and disarmed (never fires). Tasks: three priorities, queues of two.
 */
#include "fw_common.h"

static os_timer_t ta, tb, tc, td, te, tdone;
static os_event_t q0[2], q1[2], q2[2];
static uint32 t0;
static int b_count;

static void on_timer(void *arg)
{
	const char *name = arg;

	if (name[0] == 'B') {
		b_count++;
		os_printf("timer B%d\n", b_count);
		if (b_count == 5)
			os_timer_disarm(&tb);
		return;
	}
	os_printf("timer %s at>=%u\n", name, (unsigned)((system_get_time() - t0) / 1000u));
}

static void on_done(void *arg)
{
	(void)arg;
	os_printf("timers done\n");
}

static void task0(os_event_t *e)
{
	os_printf("task prio=0 sig=%u par=%u\n", e->sig, e->par);
}

static void task1(os_event_t *e)
{
	os_printf("task prio=1 sig=%u par=%u\n", e->sig, e->par);
	if (e->sig == 2)
		os_printf("post from task=%d\n", system_os_post(2, 8, 80));
}

static void task2(os_event_t *e)
{
	os_printf("task prio=2 sig=%u par=%u\n", e->sig, e->par);
}

static void strings(void)
{
	char buf[64];
	int n = os_sprintf(buf, "%d-%s-%u-%x-%c-%05d", -5, "ab", 7u, 255, 'z', 42);

	os_printf("sprintf=%s n=%d strlen=%u\n", buf, n, (unsigned)os_strlen(buf));
	os_printf("memcmp=%d strcmp=%d strncmp=%d\n", os_memcmp("abc", "abd", 3) < 0,
		  os_strcmp("b", "a") > 0, os_strncmp("abcx", "abcy", 3));
	os_memset(buf, 'q', 3);
	buf[3] = '\0';
	os_memcpy(buf + 1, "RS", 2);
	os_printf("mem=%s\n", buf);
}

void user_pre_init(void)
{
	fw_register_partitions();
}

void user_init(void)
{
	int r[7];

	t0 = system_get_time();
	strings();
	/* One call per statement: the order of evaluation of arguments is unspecified. */
	r[0] = system_os_task(task0, 0, q0, 2);
	r[1] = system_os_task(task1, 1, q1, 2);
	r[2] = system_os_task(task2, 2, q2, 2);
	r[3] = system_os_task(task2, 2, q2, 2);
	r[4] = system_os_task(task2, 3, q2, 2);
	os_printf("task regs=%d%d%d dup=%d bad=%d\n", r[0], r[1], r[2], r[3], r[4]);
	r[0] = system_os_post(0, 1, 10);
	r[1] = system_os_post(1, 2, 20);
	r[2] = system_os_post(2, 3, 30);
	r[3] = system_os_post(0, 4, 40);
	r[4] = system_os_post(2, 5, 50);
	r[5] = system_os_post(0, 6, 60);
	r[6] = system_os_post(3, 7, 70);
	os_printf("posts=%d%d%d%d%d full=%d noqueue=%d\n", r[0], r[1], r[2], r[3], r[4], r[5], r[6]);

	os_timer_disarm(&ta);
	os_timer_setfn(&ta, on_timer, "A");
	os_timer_setfn(&tb, on_timer, "B");
	os_timer_setfn(&tc, on_timer, "C");
	os_timer_setfn(&td, on_timer, "D");
	os_timer_setfn(&te, on_timer, "E");
	os_timer_setfn(&tdone, on_done, NULL);
	os_timer_arm(&ta, 50, 0);
	os_timer_arm(&tb, 20, 1);
	os_timer_arm(&tc, 10, 0);
	os_timer_arm(&td, 15, 0);
	os_timer_arm(&te, 30, 0);
	os_timer_arm(&te, 70, 0);
	os_timer_disarm(&td);
	os_timer_arm(&tdone, 300, 0);
	os_printf("armed\n");
}
