/* misuse_fw.c - a test firmware that calls os_timer_setfn on an armed timer, which the glue stops at */
#include "fw_start.h"

static os_timer_t t;

static void nothing(void *arg)
{
	(void)arg;
}

void user_init(void)
{
	os_timer_setfn(&t, nothing, NULL);
	os_timer_arm(&t, 1000, 0);
	os_timer_setfn(&t, nothing, NULL);
}
