/*
 * host_tasks.c - the SDK's posted tasks (system_os_task, system_os_post), run by the loop in
 * host_main.c.
 */
#include "host.h"

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

int host_tasks_pending(void)
{
	int p;

	for (p = 0; p < HOST_TASK_PRIOS; p++)
		if (tasks[p].count)
			return 1;
	return 0;
}

/* Runs the oldest event of the highest priority that has one; returns 0 when there was none. */
int host_task_run_one(void)
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
