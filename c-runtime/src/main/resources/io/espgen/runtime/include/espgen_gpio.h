/*
 * espgen_gpio.h - the chip's GPIO pins: the SDK's registers and ROM calls espgen uses, and the runtime's
 * pin helpers. Included only by servers that declare pins.
 *
 * Written by the espgen project from the documented register map and signatures; the SDK's
 * include/eagle_soc.h (register addresses, PIN_FUNC_SELECT), include/gpio.h (gpio_output_set,
 * gpio_input_get, gpio_pin_intr_state_set, GPIO_INT_TYPE), include/ets_sys.h (ETS_GPIO_INTR_ATTACH,
 * ETS_GPIO_INUM) and driver_lib/driver/gpio16.c (GPIO16 through the RTC registers) were followed, not
 * copied. As espgen_sdk.h: with ESPGEN_REAL_SDK the SDK's own headers are used; on the chip without it
 * the registers are read and written at their addresses; on the host (no ICACHE_FLASH) the emulation
 * keeps the registers (host_reg_read, host_reg_write in host-emulation's host_gpio.c).
 *
 * Everything here that handler code reaches (espgen_gpio_read, _write, _toggle) is always inlined and
 * touches only registers and ROM: it lands in its caller, and is safe in an interrupt handler, which runs
 * from IRAM.
 */
#ifndef ESPGEN_GPIO_H
#define ESPGEN_GPIO_H

#include "espgen_sdk.h"

#ifdef ESPGEN_REAL_SDK

#include <gpio.h>

#else /* the project's own declarations */

#define BIT(nr) (1UL << (nr))

/* eagle_soc.h: memory-mapped registers */
#ifdef ICACHE_FLASH
#define READ_PERI_REG(addr) (*((volatile uint32 *)(addr)))
#define WRITE_PERI_REG(addr, val) (*((volatile uint32 *)(addr))) = (uint32)(val)
#else
uint32 host_reg_read(uint32 addr);
void host_reg_write(uint32 addr, uint32 val);
#define READ_PERI_REG(addr) host_reg_read(addr)
#define WRITE_PERI_REG(addr, val) host_reg_write((addr), (uint32)(val))
#endif
#define CLEAR_PERI_REG_MASK(reg, mask) WRITE_PERI_REG((reg), (READ_PERI_REG(reg) & (~(mask))))
#define SET_PERI_REG_MASK(reg, mask) WRITE_PERI_REG((reg), (READ_PERI_REG(reg) | (mask)))

#define PERIPHS_GPIO_BASEADDR 0x60000300
#define PERIPHS_RTC_BASEADDR 0x60000700
#define PERIPHS_IO_MUX 0x60000800

#define GPIO_REG_READ(reg) READ_PERI_REG(PERIPHS_GPIO_BASEADDR + (reg))
#define GPIO_REG_WRITE(reg, val) WRITE_PERI_REG(PERIPHS_GPIO_BASEADDR + (reg), (val))
#define GPIO_STATUS_ADDRESS 0x1c
#define GPIO_STATUS_W1TC_ADDRESS 0x24

/* the RTC domain's GPIO16 */
#define RTC_GPIO_OUT (PERIPHS_RTC_BASEADDR + 0x068)
#define RTC_GPIO_ENABLE (PERIPHS_RTC_BASEADDR + 0x074)
#define RTC_GPIO_IN_DATA (PERIPHS_RTC_BASEADDR + 0x08C)
#define RTC_GPIO_CONF (PERIPHS_RTC_BASEADDR + 0x090)
#define PAD_XPD_DCDC_CONF (PERIPHS_RTC_BASEADDR + 0x0A0)

/* the pin mux: one register per pad; its function field is split (bits 4-5 and 8) */
#define PERIPHS_IO_MUX_FUNC 0x13
#define PERIPHS_IO_MUX_FUNC_S 4
#define PERIPHS_IO_MUX_PULLUP BIT(7)
#define PERIPHS_IO_MUX_MTDI_U (PERIPHS_IO_MUX + 0x04)
#define PERIPHS_IO_MUX_MTCK_U (PERIPHS_IO_MUX + 0x08)
#define PERIPHS_IO_MUX_MTMS_U (PERIPHS_IO_MUX + 0x0C)
#define PERIPHS_IO_MUX_MTDO_U (PERIPHS_IO_MUX + 0x10)
#define PERIPHS_IO_MUX_U0RXD_U (PERIPHS_IO_MUX + 0x14)
#define PERIPHS_IO_MUX_U0TXD_U (PERIPHS_IO_MUX + 0x18)
#define PERIPHS_IO_MUX_GPIO0_U (PERIPHS_IO_MUX + 0x34)
#define PERIPHS_IO_MUX_GPIO2_U (PERIPHS_IO_MUX + 0x38)
#define PERIPHS_IO_MUX_GPIO4_U (PERIPHS_IO_MUX + 0x3C)
#define PERIPHS_IO_MUX_GPIO5_U (PERIPHS_IO_MUX + 0x40)
#define FUNC_GPIO0 0
#define FUNC_GPIO1 3
#define FUNC_GPIO2 0
#define FUNC_GPIO3 3
#define FUNC_GPIO4 0
#define FUNC_GPIO5 0
#define FUNC_GPIO12 3
#define FUNC_GPIO13 3
#define FUNC_GPIO14 3
#define FUNC_GPIO15 3
#define PIN_PULLUP_DIS(PIN_NAME) CLEAR_PERI_REG_MASK(PIN_NAME, PERIPHS_IO_MUX_PULLUP)
#define PIN_PULLUP_EN(PIN_NAME) SET_PERI_REG_MASK(PIN_NAME, PERIPHS_IO_MUX_PULLUP)
#define PIN_FUNC_SELECT(PIN_NAME, FUNC)                                                                  \
	do {                                                                                             \
		WRITE_PERI_REG(PIN_NAME, (READ_PERI_REG(PIN_NAME) &                                      \
					  ~(uint32)(PERIPHS_IO_MUX_FUNC << PERIPHS_IO_MUX_FUNC_S)) |     \
						 ((((FUNC) & BIT(2)) << 2 | ((FUNC) & 0x3))              \
						  << PERIPHS_IO_MUX_FUNC_S));                            \
	} while (0)

/* gpio.h: the ROM's GPIO routines */
typedef enum {
	GPIO_PIN_INTR_DISABLE = 0,
	GPIO_PIN_INTR_POSEDGE = 1,
	GPIO_PIN_INTR_NEGEDGE = 2,
	GPIO_PIN_INTR_ANYEDGE = 3,
	GPIO_PIN_INTR_LOLEVEL = 4,
	GPIO_PIN_INTR_HILEVEL = 5
} GPIO_INT_TYPE;

#define GPIO_ID_PIN0 0
#define GPIO_ID_PIN(n) (GPIO_ID_PIN0 + (n))

void gpio_output_set(uint32 set_mask, uint32 clear_mask, uint32 enable_mask, uint32 disable_mask);
uint32 gpio_input_get(void);
void gpio_pin_intr_state_set(uint32 i, GPIO_INT_TYPE intr_state);

#define GPIO_INPUT_GET(gpio_no) ((gpio_input_get() >> (gpio_no)) & BIT(0))

/* ets_sys.h: the ROM's interrupt table; GPIO is interrupt 4 */
typedef void (*ets_isr_t)(void *);

void ets_isr_attach(int i, ets_isr_t func, void *arg);
void ets_isr_mask(uint32 mask);
void ets_isr_unmask(uint32 unmask);

#define ETS_GPIO_INUM 4
#define ETS_GPIO_INTR_ATTACH(func, arg) ets_isr_attach(ETS_GPIO_INUM, (func), (void *)(arg))
#define ETS_GPIO_INTR_ENABLE() ets_isr_unmask(1 << ETS_GPIO_INUM)
#define ETS_GPIO_INTR_DISABLE() ets_isr_mask(1 << ETS_GPIO_INUM)

#endif /* ESPGEN_REAL_SDK */

/* NONOS has no attribute for IRAM: code goes to IRAM unless it is placed in flash, and eagle.app.v6.ld
 * gathers .text into iram1_0_seg. Spelled as the SDK's later headers spell it. */
#ifndef ICACHE_RAM_ATTR
#ifdef ICACHE_FLASH
#define ICACHE_RAM_ATTR __attribute__((section(".text")))
#else
#define ICACHE_RAM_ATTR
#endif
#endif

/* The task priority GPIO interrupts defer to (the runtime's own deferred work has USER_TASK_PRIO_1). */
#define ESPGEN_GPIO_TASK_PRIO USER_TASK_PRIO_0

#define ESPGEN_RTC_GPIO 16

/* A pin's direction and pull-up, set when its server starts (espgen_gpio.c). */
void espgen_gpio_output(uint8 pin);
void espgen_gpio_input(uint8 pin, bool pullup);

/* GPIO_INPUT_GET, or GPIO16's RTC input (gpio16.c: gpio16_input_get). An output reads back its pad. */
static inline __attribute__((always_inline)) bool espgen_gpio_read(uint8 pin)
{
	if (pin == ESPGEN_RTC_GPIO)
		return (READ_PERI_REG(RTC_GPIO_IN_DATA) & 1) != 0;
	return GPIO_INPUT_GET(pin) != 0;
}

/* gpio_output_set, or GPIO16's RTC output (gpio16.c: gpio16_output_set). */
static inline __attribute__((always_inline)) void espgen_gpio_write(uint8 pin, bool high)
{
	if (pin == ESPGEN_RTC_GPIO)
		WRITE_PERI_REG(RTC_GPIO_OUT, (READ_PERI_REG(RTC_GPIO_OUT) & 0xfffffffeu) | (high ? 1u : 0u));
	else if (high)
		gpio_output_set(BIT(pin), 0, 0, 0);
	else
		gpio_output_set(0, BIT(pin), 0, 0);
}

static inline __attribute__((always_inline)) void espgen_gpio_toggle(uint8 pin)
{
	espgen_gpio_write(pin, !espgen_gpio_read(pin));
}

#endif /* ESPGEN_GPIO_H */
