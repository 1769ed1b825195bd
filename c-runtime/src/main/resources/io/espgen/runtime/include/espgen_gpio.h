/*
 * espgen_gpio.h - the chip's GPIO pins: the SDK's registers and ROM calls espgen uses, and the runtime's
 * pin helpers. Included only by servers that declare pins.
 *
 * Written by the espgen project from the documented register map and signatures; the SDK's
 * include/eagle_soc.h (register addresses, PIN_FUNC_SELECT), include/gpio.h (gpio_output_set,
 * gpio_input_get, gpio_pin_intr_state_set, GPIO_INT_TYPE), include/ets_sys.h (ETS_GPIO_INTR_ATTACH,
 * ETS_GPIO_INUM) and driver_lib/driver/gpio16.c (GPIO16 through the RTC registers) were followed, not
 * copied. As espgen_sdk.h: with ESPGEN_REAL_SDK the SDK's own headers are used; on the chip without it
 * the registers are read and written at their addresses; on the host the emulation keeps the registers
 * (host_reg_read, host_reg_write in host-emulation's host_gpio.c).
 *
 * The FreeRTOS target (ESPGEN_TARGET_RTOS, ESP8266_RTOS_SDK 3.x) keeps the generated code's NONOS words and
 * maps them onto that SDK's GPIO driver (components/esp8266/include/driver/gpio.h): the set-up on gpio_config
 * (espgen_gpio.c), an edge's type on gpio_set_intr_type, the one GPIO interrupt handler on gpio_isr_register,
 * its mask on the port's _xt_isr_mask/_xt_isr_unmask (as driver/gpio.c: gpio_isr_handler_add does). What runs
 * at interrupt time reads and writes the same registers as on NONOS, as that driver's own handler does
 * (driver/gpio.c: gpio_intr_service, GPIO.status, GPIO.status_w1tc): gpio_get_level and gpio_set_level are in
 * flash and log from flash on a bad pin, so an interrupt handler may not call them.
 *
 * Everything here that handler code reaches (espgen_gpio_read, _write, _toggle) is always inlined and
 * touches only registers and ROM: it lands in its caller, and is safe in an interrupt handler, which runs
 * from IRAM.
 */
#ifndef ESPGEN_GPIO_H
#define ESPGEN_GPIO_H

#include "espgen_sdk.h"

#if defined(ESPGEN_REAL_SDK) && defined(ESPGEN_TARGET_RTOS)

#include <driver/gpio.h> /* with esp8266/eagle_soc.h and esp8266/gpio_register.h: the registers */

#elif defined(ESPGEN_REAL_SDK)

#include <gpio.h>

#else /* the project's own declarations */

#define BIT(nr) (1UL << (nr))

/* eagle_soc.h: memory-mapped registers */
#if defined(ICACHE_FLASH) || (defined(ESPGEN_TARGET_RTOS) && !defined(ESPGEN_RTOS_HOST))
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

#ifdef ESPGEN_TARGET_RTOS

/* ESP8266_RTOS_SDK's driver/gpio.h: the calls and types espgen uses */
typedef enum { GPIO_NUM_0 = 0, GPIO_NUM_16 = 16, GPIO_NUM_MAX = 17 } gpio_num_t;
typedef enum {
	GPIO_INTR_DISABLE = 0,
	GPIO_INTR_POSEDGE = 1,
	GPIO_INTR_NEGEDGE = 2,
	GPIO_INTR_ANYEDGE = 3,
	GPIO_INTR_LOW_LEVEL = 4,
	GPIO_INTR_HIGH_LEVEL = 5,
	GPIO_INTR_MAX
} gpio_int_type_t;
typedef enum { GPIO_MODE_DISABLE = 0, GPIO_MODE_INPUT = 1, GPIO_MODE_OUTPUT = 2, GPIO_MODE_OUTPUT_OD = 6 } gpio_mode_t;
typedef enum { GPIO_PULLUP_DISABLE = 0, GPIO_PULLUP_ENABLE = 1 } gpio_pullup_t;
typedef enum { GPIO_PULLDOWN_DISABLE = 0, GPIO_PULLDOWN_ENABLE = 1 } gpio_pulldown_t;
typedef struct {
	uint32_t pin_bit_mask;
	gpio_mode_t mode;
	gpio_pullup_t pull_up_en;
	gpio_pulldown_t pull_down_en;
	gpio_int_type_t intr_type;
} gpio_config_t;
typedef void *gpio_isr_handle_t;

esp_err_t gpio_config(const gpio_config_t *gpio_cfg);
esp_err_t gpio_set_level(gpio_num_t gpio_num, uint32_t level);
esp_err_t gpio_set_intr_type(gpio_num_t gpio_num, gpio_int_type_t intr_type);
esp_err_t gpio_isr_register(void (*fn)(void *), void *arg, int no_use, gpio_isr_handle_t *handle_no_use);

/* freertos/portmacro.h: the interrupt mask; rom/ets_sys.h: GPIO is interrupt 4 */
void _xt_isr_mask(uint32_t mask);
void _xt_isr_unmask(uint32_t unmask);
#define ETS_GPIO_INUM 4

#else /* NONOS */

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

#endif /* ESPGEN_TARGET_RTOS, or NONOS */

#endif /* ESPGEN_REAL_SDK */

#ifdef ESPGEN_TARGET_RTOS

/* The NONOS words of the generated start-up and interrupt handler, on the driver. Its interrupt types have
 * NONOS's numbers (gpio_int_type_t as GPIO_INT_TYPE). The handler, one for all pins, goes to the driver's
 * gpio_isr_register, which attaches it to ETS_GPIO_INUM as it is: it reads and acknowledges GPIO_STATUS
 * itself, as on NONOS. espgen_gpio_attach (espgen_gpio.c) also tells the loop (espgen_rtos_net.c:
 * espgen_rtos_isr_attached), which then sees what the handler posts within ESPGEN_RTOS_ISR_POLL_MS. */
#define GPIO_PIN_INTR_DISABLE GPIO_INTR_DISABLE
#define GPIO_PIN_INTR_POSEDGE GPIO_INTR_POSEDGE
#define GPIO_PIN_INTR_NEGEDGE GPIO_INTR_NEGEDGE
#define GPIO_PIN_INTR_ANYEDGE GPIO_INTR_ANYEDGE
#ifndef GPIO_ID_PIN
#define GPIO_ID_PIN(n) (n)
#endif
#define gpio_pin_intr_state_set(i, type) ((void)gpio_set_intr_type((gpio_num_t)(i), (type)))
void espgen_gpio_attach(void (*isr)(void *), void *arg);
#define ETS_GPIO_INTR_ATTACH(func, arg) espgen_gpio_attach((func), (void *)(arg))
#define ETS_GPIO_INTR_ENABLE() _xt_isr_unmask(1 << ETS_GPIO_INUM)
#define ETS_GPIO_INTR_DISABLE() _xt_isr_mask(1 << ETS_GPIO_INUM)
#define ICACHE_RAM_ATTR IRAM_ATTR

/* A pin's level, as gpio_get_level and gpio_set_level read and write it (GPIO.in, GPIO.out_w1ts, GPIO.out_w1tc;
 * esp8266/gpio_register.h: GPIO_IN_ADDRESS, GPIO_OUT_W1TS_ADDRESS, GPIO_OUT_W1TC_ADDRESS), inline. */
#define ESPGEN_GPIO_IN() GPIO_REG_READ(0x18)
#define ESPGEN_GPIO_HIGH(mask) GPIO_REG_WRITE(0x04, (mask))
#define ESPGEN_GPIO_LOW(mask) GPIO_REG_WRITE(0x08, (mask))

#else /* NONOS: the ROM's routines */

#define ESPGEN_GPIO_IN() gpio_input_get()
#define ESPGEN_GPIO_HIGH(mask) gpio_output_set((mask), 0, 0, 0)
#define ESPGEN_GPIO_LOW(mask) gpio_output_set(0, (mask), 0, 0)

#endif /* ESPGEN_TARGET_RTOS */

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

/* GPIO_INPUT_GET (gpio_get_level on FreeRTOS), or GPIO16's RTC input (gpio16.c: gpio16_input_get). An output
 * reads back its pad. */
static inline __attribute__((always_inline)) bool espgen_gpio_read(uint8 pin)
{
	if (pin == ESPGEN_RTC_GPIO)
		return (READ_PERI_REG(RTC_GPIO_IN_DATA) & 1) != 0;
	return ((ESPGEN_GPIO_IN() >> pin) & 1) != 0;
}

/* gpio_output_set (gpio_set_level on FreeRTOS), or GPIO16's RTC output (gpio16.c: gpio16_output_set). */
static inline __attribute__((always_inline)) void espgen_gpio_write(uint8 pin, bool high)
{
	if (pin == ESPGEN_RTC_GPIO)
		WRITE_PERI_REG(RTC_GPIO_OUT, (READ_PERI_REG(RTC_GPIO_OUT) & 0xfffffffeu) | (high ? 1u : 0u));
	else if (high)
		ESPGEN_GPIO_HIGH(BIT(pin));
	else
		ESPGEN_GPIO_LOW(BIT(pin));
}

static inline __attribute__((always_inline)) void espgen_gpio_toggle(uint8 pin)
{
	espgen_gpio_write(pin, !espgen_gpio_read(pin));
}

#endif /* ESPGEN_GPIO_H */
