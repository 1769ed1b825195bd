/* stuck_fw.c - a timer callback that never returns (a loop without an end): the emulation's watchdog ends it. */
#include "fw_common.h"

static os_timer_t t;
static volatile uint32 spins;

static void on_timer(void *arg)
{
	(void)arg;
	os_printf("looping forever\n");
	for (;;)
		spins++;
}

void user_pre_init(void)
{
	fw_register_partitions();
}

void user_init(void)
{
	os_timer_setfn(&t, on_timer, NULL);
	os_timer_arm(&t, 10, 0);
}
