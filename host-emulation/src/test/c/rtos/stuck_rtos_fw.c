/* A timer callback that never returns, on the FreeRTOS target's loop: RtosHostTest. */
#include "espgen_runtime.h"

static os_timer_t stuck_timer;
static volatile uint32 spins;

static void stuck(void *arg)
{
	(void)arg;
	os_printf("looping forever\n");
	for (;;)
		spins++;
}

void espgen_servers_wifi_event(bool up)
{
	(void)up;
}

void user_init(void)
{
	os_timer_disarm(&stuck_timer);
	os_timer_setfn(&stuck_timer, stuck, NULL);
	os_timer_arm(&stuck_timer, 10, 0);
}
