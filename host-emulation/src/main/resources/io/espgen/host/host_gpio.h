/*
 * host_gpio.h - the emulated pins (host_gpio.c), which both host builds compile: the NONOS emulation, and the
 * FreeRTOS target's host layer (rtos/espgen_rtos_host_gpio.c). One register model and one control socket
 * (ESPGEN_HOST_GPIO) for both; what differs is the SDK's API on top (the ROM's gpio_* and ets_isr_* calls, or
 * ESP8266_RTOS_SDK's GPIO driver) and the context an interrupt runs in. Firmware never includes this.
 */
#ifndef ESPGEN_HOST_GPIO_H
#define ESPGEN_HOST_GPIO_H

struct pollfd;
void host_gpio_setup(void);	/* reads ESPGEN_HOST_GPIO, opens the control socket */
int host_gpio_pollfds(struct pollfd *fds);	/* fills at most HOST_GPIO_POLLFDS; returns how many */
void host_gpio_ready(const struct pollfd *fds, int n);
#define HOST_GPIO_POLLFDS 2

/* From the build that compiles host_gpio.c (host_main.c; rtos/espgen_rtos_host_gpio.c). */
void host_misuse(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void host_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif /* ESPGEN_HOST_GPIO_H */
