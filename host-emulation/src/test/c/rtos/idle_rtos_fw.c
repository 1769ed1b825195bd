/* A firmware that keeps one block of 24 bytes and then only waits, on the FreeRTOS target's loop: RtosHostTest. */
#include "espgen_runtime.h"

static os_timer_t once;
static void *kept;

static void done(void *arg)
{
	(void)arg;
	kept = os_malloc(24);
	os_printf(kept != NULL ? "allocated\n" : "no heap\n");
}

void espgen_servers_wifi_event(bool up)
{
	(void)up;
}

void user_init(void)
{
	os_timer_disarm(&once);
	os_timer_setfn(&once, done, NULL);
	os_timer_arm(&once, 10, 0);
}
