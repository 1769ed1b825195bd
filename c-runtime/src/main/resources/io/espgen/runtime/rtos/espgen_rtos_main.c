/*
 * espgen_rtos_main.c - the FreeRTOS target's entry point. app_main starts the firmware's one task, which runs the
 * generated user_init (Wi-Fi, then every server's start) and then the loop (espgen_rtos_net.c), so user_init's
 * servers and timers belong to that task from their first call. user_pre_init is NONOS's alone: this SDK reads
 * its partition table from partitions.csv.
 */
#include "espgen_runtime.h"

/* The task's stack, in bytes on this SDK (portmacro.h: StackType_t is uint8_t), as its tcp_server example gives
 * its socket task: handlers' locals, the loop's fd_sets and the log's printf. */
#ifndef ESPGEN_RTOS_STACK_BYTES
#define ESPGEN_RTOS_STACK_BYTES 4096
#endif
/* Below lwIP's task (esp_task.h: ESP_TASK_TCPIP_PRIO, 15 - 7) and esp_event's (ESP_TASKD_EVENT_PRIO, 15 - 5),
 * so the stack and the Wi-Fi events run before the loop that waits on them. */
#ifndef ESPGEN_RTOS_TASK_PRIORITY
#define ESPGEN_RTOS_TASK_PRIORITY 5
#endif

void user_init(void);

static void espgen_rtos_task(void *arg)
{
	(void)arg;
#ifdef ESPGEN_RTOS_HOST
	espgen_rtos_host_gpio_setup(); /* the emulated pins' control socket, served by this task's loop */
#endif
	user_init();
#ifdef ESPGEN_RTOS_HOST
	espgen_rtos_host_ready();
#endif
	espgen_rtos_loop();
}

void app_main(void)
{
	if (xTaskCreate(espgen_rtos_task, "espgen", ESPGEN_RTOS_STACK_BYTES, NULL, ESPGEN_RTOS_TASK_PRIORITY, NULL) !=
	    pdPASS)
		printf("espgen: cannot create the firmware's task\n");
}
