/*
 * host_gpio.c - the chip's GPIO pins: the registers espgen_gpio.h reads and writes (GPIO, pin mux, GPIO16's
 * RTC registers), the SDK's calls that set them up, and a control socket through which a test reads the pins
 * and drives the inputs. Both host builds compile it (host_gpio.h): the NONOS emulation, with the ROM's gpio_*
 * and ets_isr_* calls; the FreeRTOS target's host layer (ESPGEN_TARGET_RTOS), with ESP8266_RTOS_SDK's driver
 * calls (driver/gpio.h: gpio_config, gpio_set_level, gpio_set_intr_type, gpio_isr_register) and the port's
 * _xt_isr_mask/_xt_isr_unmask, on the same registers.
 *
 * ESPGEN_HOST_GPIO=PORT (0: any free port) opens the control socket on 127.0.0.1:PORT and prints
 * "espgen-host: gpio control on 127.0.0.1:P". One client at a time, one command a line:
 *   get N        ->  "N 0" or "N 1": the pad's level (an output reads back what it drives)
 *   set N 0|1    ->  "ok": drives input N; an edge its interrupt type wants sets its GPIO_STATUS bit and,
 *                    the GPIO interrupt being attached and unmasked, runs the handler at once, on the
 *                    loop's thread, as the chip would interrupt whatever runs; the answer comes after the
 *                    handler returned (what it posted runs after, from the loop)
 *   wait N 0|1   ->  "N 0" or "N 1" once pin N reads that level: at once when it does, else right after the
 *                    register write that brings it there (an output a timer toggles, say); until then every
 *                    other command is answered "error: waiting for GPIO N"; closing the socket drops it
 *   anything else -> "error: ..."
 * A handler that returns with its status bits still set would be entered again at once on the chip, for
 * ever: the emulation reports it as misuse.
 *
 * Threads: everything here runs on the firmware loop's one thread (NONOS: the emulation's only one; FreeRTOS:
 * the firmware task's, whose select() loop serves the control socket between two rounds), so the registers
 * need no lock and the interrupt handler never runs inside another handler, as on the chip.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "espgen_gpio.h"
#include "host_gpio.h"
#ifndef ESPGEN_TARGET_RTOS
#include "host.h"
#endif

#define HOST_GPIO_TAG "espgen-host: "
#define HOST_GPIO_PINS 17
#define HOST_MUX_REGS 17	/* PERIPHS_IO_MUX + 0x00 .. + 0x40 */

static struct {
	uint32 out, enable, status;
	uint32 pin_conf[16];	/* GPIO_PIN0..15: the interrupt type in bits 7-9 (gpio_pin_intr_state_set) */
	uint32 mux[HOST_MUX_REGS];
	uint32 rtc_out, rtc_enable, rtc_conf, xpd_dcdc;
	uint32 driven;		/* inputs a test has driven (bit 16: GPIO16) */
	uint32 levels;		/* their levels */
	void (*isr)(void *);
	void *isr_arg;
	uint32 masked;		/* ets_isr_mask bits; every interrupt starts masked, as the ROM leaves them */
} gpio = { .masked = 0xffffffffu };

static int listen_fd = -1;
static int client_fd = -1;
static char line[64];
static size_t line_len;
static int wait_pin = -1;	/* a "wait" not answered yet: its pin and level */
static int wait_level;

static void check_wait(void);

/* The pad mux register of GPIO n, as an index into gpio.mux (eagle_soc.h), or -1. */
static int mux_index(int pin)
{
	static const int reg[16] = { 0x34, 0x18, 0x38, 0x14, 0x3c, 0x40, -1, -1, -1, -1, -1, -1, 0x04, 0x08, 0x0c, 0x10 };

	return pin >= 0 && pin < 16 && reg[pin] >= 0 ? reg[pin] / 4 : -1;
}

/* An undriven input: high with its pull-up, else low (a floating pin reads whatever; low is as good). */
static uint32 input_levels(void)
{
	uint32 v = gpio.levels & gpio.driven;
	int pin;

	for (pin = 0; pin < 16; pin++) {
		int m = mux_index(pin);

		if (!(gpio.driven & BIT(pin)) && m >= 0 && (gpio.mux[m] & PERIPHS_IO_MUX_PULLUP))
			v |= BIT(pin);
	}
	return v;
}

static uint32 input_get(void)
{
	return ((gpio.out & gpio.enable) | (input_levels() & ~gpio.enable)) & 0xffffu;
}

static void output_set(uint32 set_mask, uint32 clear_mask, uint32 enable_mask, uint32 disable_mask)
{
	gpio.out = (gpio.out | set_mask) & ~clear_mask;
	gpio.enable = (gpio.enable | enable_mask) & ~disable_mask;
	check_wait();
}

static void intr_type_set(uint32 i, uint32 type)
{
	gpio.pin_conf[i] = (gpio.pin_conf[i] & ~(7u << 7)) | (type & 7u) << 7;
}

static void isr_attach(void (*func)(void *), void *arg)
{
	gpio.isr = func;
	gpio.isr_arg = arg;
}

#ifndef ESPGEN_TARGET_RTOS

/* ---- NONOS: the ROM's calls ---- */

uint32 gpio_input_get(void)
{
	return input_get();
}

void gpio_output_set(uint32 set_mask, uint32 clear_mask, uint32 enable_mask, uint32 disable_mask)
{
	output_set(set_mask, clear_mask, enable_mask, disable_mask);
}

void gpio_pin_intr_state_set(uint32 i, GPIO_INT_TYPE intr_state)
{
	if (i >= 16)
		host_misuse("gpio_pin_intr_state_set(%u): GPIO 0 to 15 have interrupts", (unsigned)i);
	intr_type_set(i, (uint32)intr_state);
}

void ets_isr_attach(int i, ets_isr_t func, void *arg)
{
	if (i != ETS_GPIO_INUM)
		host_misuse("ets_isr_attach(%d): the emulation has only the GPIO interrupt (%d)", i, ETS_GPIO_INUM);
	isr_attach(func, arg);
}

void ets_isr_mask(uint32 mask)
{
	gpio.masked |= mask;
}

void ets_isr_unmask(uint32 unmask)
{
	gpio.masked &= ~unmask;
}

/* The handler runs in the emulation's interrupt context, where SDK calls it may not make are misuse. */
static void run_isr(void)
{
	struct host_ctx_save save;

	host_ctx_enter(&save, HOST_CTX_INTERRUPT, "GPIO interrupt handler");
	gpio.isr(gpio.isr_arg);
	host_ctx_leave(&save);
}

#else /* ESPGEN_TARGET_RTOS */

/* ---- ESP8266_RTOS_SDK: the GPIO driver's calls (driver/gpio.c) and the port's interrupt mask ---- */

/* driver/gpio.c: gpio_output_enable, gpio_output_disable: GPIO16 through the RTC registers */
static void gpio16_conf(bool output)
{
	gpio.xpd_dcdc = (gpio.xpd_dcdc & 0xffffffbcu) | 1u;
	gpio.rtc_conf &= ~1u;
	gpio.rtc_enable = (gpio.rtc_enable & ~1u) | (output ? 1u : 0u);
	check_wait();
}

esp_err_t gpio_config(const gpio_config_t *cfg)
{
	int pin;

	if (cfg->pin_bit_mask == 0 || cfg->pin_bit_mask >= BIT(17))
		host_misuse("gpio_config: pin_bit_mask 0x%x names no GPIO", (unsigned)cfg->pin_bit_mask);
	for (pin = 0; pin <= 16; pin++) { /* gpio_config: each pin of the mask */
		int m = pin < 16 ? mux_index(pin) : 0;
		bool output = (cfg->mode & GPIO_MODE_OUTPUT) != 0;

		if (!(cfg->pin_bit_mask & BIT(pin)))
			continue;
		if (m < 0)
			host_misuse("gpio_config: GPIO %d is not a valid GPIO (it holds the flash)", pin);
		if (pin == 16) {
			gpio16_conf(output);
			continue;
		}
		output_set(0, 0, output ? BIT(pin) : 0, output ? 0 : BIT(pin));
		if (cfg->pull_up_en)
			gpio.mux[m] |= PERIPHS_IO_MUX_PULLUP;
		else
			gpio.mux[m] &= ~(uint32)PERIPHS_IO_MUX_PULLUP;
		intr_type_set((uint32)pin, (uint32)cfg->intr_type);
	}
	return ESP_OK;
}

esp_err_t gpio_set_level(gpio_num_t gpio_num, uint32_t level)
{
	int pin = (int)gpio_num;

	if (pin < 0 || pin > 16)
		host_misuse("gpio_set_level(%d): GPIO 0 to 16", pin);
	if (pin == 16) {
		gpio.rtc_out = (gpio.rtc_out & ~1u) | (level ? 1u : 0u);
		check_wait();
	} else {
		output_set(level ? BIT(pin) : 0, level ? 0 : BIT(pin), 0, 0);
	}
	return ESP_OK;
}

esp_err_t gpio_set_intr_type(gpio_num_t gpio_num, gpio_int_type_t intr_type)
{
	if ((int)gpio_num < 0 || (int)gpio_num >= 16)
		host_misuse("gpio_set_intr_type(%d): GPIO 0 to 15 have interrupts", (int)gpio_num);
	intr_type_set((uint32)gpio_num, (uint32)intr_type);
	return ESP_OK;
}

esp_err_t gpio_isr_register(void (*fn)(void *), void *arg, int no_use, gpio_isr_handle_t *handle_no_use)
{
	(void)no_use;
	(void)handle_no_use;
	if (fn == NULL)
		host_misuse("gpio_isr_register: no handler");
	isr_attach(fn, arg);
	return ESP_OK;
}

void _xt_isr_mask(uint32_t mask)
{
	gpio.masked |= mask;
}

void _xt_isr_unmask(uint32_t unmask)
{
	gpio.masked &= ~unmask;
}

/* The handler runs on the loop's thread, between two rounds (the control socket is served there). */
static void run_isr(void)
{
	gpio.isr(gpio.isr_arg);
}

#endif /* ESPGEN_TARGET_RTOS */

static uint32 *reg_at(uint32 addr, bool *w1ts, bool *w1tc)
{
	*w1ts = *w1tc = false;
	if (addr >= PERIPHS_IO_MUX && addr < PERIPHS_IO_MUX + 4 * HOST_MUX_REGS && addr % 4 == 0)
		return &gpio.mux[(addr - PERIPHS_IO_MUX) / 4];
	if (addr >= PERIPHS_GPIO_BASEADDR + 0x28 && addr < PERIPHS_GPIO_BASEADDR + 0x28 + 64 && addr % 4 == 0)
		return &gpio.pin_conf[(addr - PERIPHS_GPIO_BASEADDR - 0x28) / 4];
	switch (addr) {
	case PERIPHS_GPIO_BASEADDR + 0x00: return &gpio.out;
	case PERIPHS_GPIO_BASEADDR + 0x04: *w1ts = true; return &gpio.out;
	case PERIPHS_GPIO_BASEADDR + 0x08: *w1tc = true; return &gpio.out;
	case PERIPHS_GPIO_BASEADDR + 0x0c: return &gpio.enable;
	case PERIPHS_GPIO_BASEADDR + 0x10: *w1ts = true; return &gpio.enable;
	case PERIPHS_GPIO_BASEADDR + 0x14: *w1tc = true; return &gpio.enable;
	case PERIPHS_GPIO_BASEADDR + GPIO_STATUS_ADDRESS: return &gpio.status;
	case PERIPHS_GPIO_BASEADDR + 0x20: *w1ts = true; return &gpio.status;
	case PERIPHS_GPIO_BASEADDR + GPIO_STATUS_W1TC_ADDRESS: *w1tc = true; return &gpio.status;
	case RTC_GPIO_OUT: return &gpio.rtc_out;
	case RTC_GPIO_ENABLE: return &gpio.rtc_enable;
	case RTC_GPIO_CONF: return &gpio.rtc_conf;
	case PAD_XPD_DCDC_CONF: return &gpio.xpd_dcdc;
	default: return NULL;
	}
}

static uint32 rtc_in(void)
{
	if (gpio.rtc_enable & 1)
		return gpio.rtc_out & 1;
	return (gpio.driven & BIT(16)) ? (gpio.levels >> 16) & 1 : 0;
}

uint32 host_reg_read(uint32 addr)
{
	bool w1ts, w1tc;
	uint32 *r;

	if (addr == PERIPHS_GPIO_BASEADDR + 0x18)
		return input_get();
	if (addr == RTC_GPIO_IN_DATA)
		return rtc_in();
	r = reg_at(addr, &w1ts, &w1tc);
	if (!r)
		host_misuse("read of register 0x%08x, which the emulation does not have", (unsigned)addr);
	return (w1ts || w1tc) ? 0 : *r;
}

void host_reg_write(uint32 addr, uint32 val)
{
	bool w1ts, w1tc;
	uint32 *r = reg_at(addr, &w1ts, &w1tc);

	if (!r)
		host_misuse("write of 0x%08x to register 0x%08x, which the emulation does not have", (unsigned)val,
			    (unsigned)addr);
	if (w1ts)
		*r |= val;
	else if (w1tc)
		*r &= ~val;
	else
		*r = val;
	check_wait();
}

/* The level of any pin, GPIO16 included. */
static int level_of(int pin)
{
	if (pin == 16)
		return (int)rtc_in();
	return (int)((input_get() >> pin) & 1);
}

/* The chip takes the GPIO interrupt: its handler runs now, between whatever the loop ran last and next. */
static void interrupt(void)
{
	uint32 before = gpio.status;

	if (!before || !gpio.isr || (gpio.masked & BIT(ETS_GPIO_INUM)))
		return;
	run_isr();
	if (gpio.status & before)
		host_misuse("the GPIO interrupt handler returned with GPIO_STATUS 0x%04x still set: the chip would enter "
			    "it again at once, for ever (write the bits to GPIO_STATUS_W1TC)", (unsigned)(gpio.status & before));
}

static void drive(int pin, int level)
{
	int old = level_of(pin);
	uint32 type;

	gpio.driven |= BIT(pin);
	gpio.levels = (gpio.levels & ~BIT(pin)) | (level ? BIT(pin) : 0);
	if (pin == 16 || old == level || (gpio.enable & BIT(pin)))
		return;
	type = (gpio.pin_conf[pin] >> 7) & 7u;
	if (type == (uint32)GPIO_PIN_INTR_ANYEDGE || (type == (uint32)GPIO_PIN_INTR_POSEDGE && level) ||
	    (type == (uint32)GPIO_PIN_INTR_NEGEDGE && !level)) {
		gpio.status |= BIT(pin);
		interrupt();
	}
}

static void reply(const char *text)
{
	size_t n = strlen(text);

	if (client_fd >= 0 && send(client_fd, text, n, MSG_NOSIGNAL) != (ssize_t)n) {
		close(client_fd);
		client_fd = -1;
		wait_pin = -1;
	}
}

/* Answers a pending "wait" once its pin reads the level asked for. */
static void check_wait(void)
{
	char answer[32];

	if (wait_pin < 0 || level_of(wait_pin) != wait_level)
		return;
	snprintf(answer, sizeof(answer), "%d %d\n", wait_pin, wait_level);
	wait_pin = -1;
	reply(answer);
}

static void command(const char *cmd)
{
	char answer[48];
	int pin, level, used = 0;

	if (wait_pin >= 0) {
		snprintf(answer, sizeof(answer), "error: waiting for GPIO %d\n", wait_pin);
		reply(answer);
	} else if (sscanf(cmd, "wait %d %d%n", &pin, &level, &used) == 2 && cmd[used] == '\0' && pin >= 0 &&
		   pin < HOST_GPIO_PINS && (level == 0 || level == 1)) {
		wait_pin = pin;
		wait_level = level;
		check_wait();
	} else if (sscanf(cmd, "get %d%n", &pin, &used) == 1 && cmd[used] == '\0' && pin >= 0 && pin < HOST_GPIO_PINS) {
		snprintf(answer, sizeof(answer), "%d %d\n", pin, level_of(pin));
		reply(answer);
	} else if (sscanf(cmd, "set %d %d%n", &pin, &level, &used) == 2 && cmd[used] == '\0' && pin >= 0 &&
		   pin < HOST_GPIO_PINS && (level == 0 || level == 1)) {
		if (pin < 16 ? (gpio.enable & BIT(pin)) != 0 : (gpio.rtc_enable & 1) != 0) {
			reply("error: the pin is an output\n");
			return;
		}
		drive(pin, level);
		reply("ok\n");
	} else {
		reply("error: expected \"get N\", \"set N 0|1\" or \"wait N 0|1\", N from 0 to 16\n");
	}
}

void host_gpio_setup(void)
{
	const char *v = getenv("ESPGEN_HOST_GPIO");
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	char *end;
	long port;
	int one = 1;

	if (!v || !*v)
		return;
	port = strtol(v, &end, 10);
	if (*end || port < 0 || port > 65535)
		host_fatal("ESPGEN_HOST_GPIO=%s: expected a port, 0 for any", v);
	listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (listen_fd < 0)
		host_fatal("gpio control socket: %s", strerror(errno));
	setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons((uint16_t)port);
	if (bind(listen_fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(listen_fd, 1) < 0 ||
	    getsockname(listen_fd, (struct sockaddr *)&a, &len) < 0)
		host_fatal("gpio control on 127.0.0.1:%ld: %s", port, strerror(errno));
	printf(HOST_GPIO_TAG "gpio control on 127.0.0.1:%d\n", ntohs(a.sin_port));
	fflush(stdout);
}

int host_gpio_pollfds(struct pollfd *fds)
{
	int n = 0;

	if (listen_fd >= 0 && client_fd < 0) {
		fds[n].fd = listen_fd;
		fds[n++].events = POLLIN;
	}
	if (client_fd >= 0) {
		fds[n].fd = client_fd;
		fds[n++].events = POLLIN;
	}
	return n;
}

void host_gpio_ready(const struct pollfd *fds, int n)
{
	char buf[256];
	ssize_t got;
	int i;

	for (i = 0; i < n; i++) {
		if (!fds[i].revents)
			continue;
		if (fds[i].fd == listen_fd) {
			client_fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
			line_len = 0;
			continue;
		}
		got = recv(client_fd, buf, sizeof(buf), 0);
		if (got <= 0) {
			close(client_fd);
			client_fd = -1;
			wait_pin = -1;
			continue;
		}
		for (ssize_t k = 0; k < got && client_fd >= 0; k++) {
			if (buf[k] == '\n') {
				line[line_len] = '\0';
				if (line_len && line[line_len - 1] == '\r')
					line[line_len - 1] = '\0';
				command(line);
				line_len = 0;
			} else if (line_len + 1 < sizeof(line)) {
				line[line_len++] = buf[k];
			}
		}
	}
}
