/*
 * espgen_gpio.c - setting a pin up when its server starts: its pin-mux function, pull-up and direction.
 * All of it in flash: nothing here runs at interrupt time (the helpers an interrupt handler reaches are the
 * inline ones of espgen_gpio.h).
 */
#include "espgen_gpio.h"

#ifdef ESPGEN_TARGET_RTOS

/* ESP8266_RTOS_SDK: the driver sets the pad up (driver/gpio.c: gpio_config selects its GPIO function, its
 * direction and pull-up; GPIO16 through the RTC registers, as gpio16.c does on NONOS). */
static void espgen_gpio_conf(uint8 pin, gpio_mode_t mode, bool pullup)
{
	gpio_config_t conf = {
		.pin_bit_mask = BIT(pin),
		.mode = mode,
		.pull_up_en = pullup ? GPIO_PULLUP_ENABLE : GPIO_PULLUP_DISABLE,
		.pull_down_en = GPIO_PULLDOWN_DISABLE,
		.intr_type = GPIO_INTR_DISABLE,
	};

	gpio_config(&conf);
}

void espgen_gpio_output(uint8 pin)
{
	/* low first, then enabled: the pin never drives a stale level */
	gpio_set_level((gpio_num_t)pin, 0);
	espgen_gpio_conf(pin, GPIO_MODE_OUTPUT, false);
}

void espgen_gpio_input(uint8 pin, bool pullup)
{
	espgen_gpio_conf(pin, GPIO_MODE_INPUT, pullup);
}

void espgen_gpio_attach(void (*isr)(void *), void *arg)
{
	gpio_isr_register(isr, arg, 0, NULL);
	espgen_rtos_isr_attached();
}

#else /* NONOS: the pin mux and the ROM's routines */

/* Each pin's pad: its mux register's offset from PERIPHS_IO_MUX, and its GPIO function shifted by 8
 * (eagle_soc.h: PERIPHS_IO_MUX_*_U, FUNC_GPIOn); 0 for a pin without one here (6 to 11 hold the flash,
 * which the generator refuses). In flash, read as whole words. */
#define ESPGEN_PAD(reg, func) ((uint32)((reg) - PERIPHS_IO_MUX) | (uint32)(func) << 8)

static const uint32 espgen_gpio_pads[16] ICACHE_RODATA_ATTR __attribute__((aligned(4))) = {
	[0] = ESPGEN_PAD(PERIPHS_IO_MUX_GPIO0_U, FUNC_GPIO0),
	[1] = ESPGEN_PAD(PERIPHS_IO_MUX_U0TXD_U, FUNC_GPIO1),
	[2] = ESPGEN_PAD(PERIPHS_IO_MUX_GPIO2_U, FUNC_GPIO2),
	[3] = ESPGEN_PAD(PERIPHS_IO_MUX_U0RXD_U, FUNC_GPIO3),
	[4] = ESPGEN_PAD(PERIPHS_IO_MUX_GPIO4_U, FUNC_GPIO4),
	[5] = ESPGEN_PAD(PERIPHS_IO_MUX_GPIO5_U, FUNC_GPIO5),
	[12] = ESPGEN_PAD(PERIPHS_IO_MUX_MTDI_U, FUNC_GPIO12),
	[13] = ESPGEN_PAD(PERIPHS_IO_MUX_MTCK_U, FUNC_GPIO13),
	[14] = ESPGEN_PAD(PERIPHS_IO_MUX_MTMS_U, FUNC_GPIO14),
	[15] = ESPGEN_PAD(PERIPHS_IO_MUX_MTDO_U, FUNC_GPIO15),
};

/* Selects the pad's GPIO function (PIN_FUNC_SELECT); returns its mux register, or 0 for no pad. */
static uint32 ICACHE_FLASH_ATTR espgen_gpio_mux(uint8 pin)
{
	uint32 pad = pin < 16 ? espgen_gpio_pads[pin] : 0;
	uint32 reg = PERIPHS_IO_MUX + (pad & 0xffu);

	if (pad == 0)
		return 0;
	PIN_FUNC_SELECT(reg, pad >> 8);
	return reg;
}

/* gpio16.c: gpio16_output_conf / gpio16_input_conf: XPD_DCDC muxed to rtc_gpio0, its output enabled or not. */
static void ICACHE_FLASH_ATTR espgen_gpio16_conf(bool output)
{
	WRITE_PERI_REG(PAD_XPD_DCDC_CONF, (READ_PERI_REG(PAD_XPD_DCDC_CONF) & 0xffffffbcu) | 0x1u);
	WRITE_PERI_REG(RTC_GPIO_CONF, READ_PERI_REG(RTC_GPIO_CONF) & 0xfffffffeu);
	WRITE_PERI_REG(RTC_GPIO_ENABLE, (READ_PERI_REG(RTC_GPIO_ENABLE) & 0xfffffffeu) | (output ? 1u : 0u));
}

void ICACHE_FLASH_ATTR espgen_gpio_output(uint8 pin)
{
	uint32 reg;

	if (pin == ESPGEN_RTC_GPIO) {
		espgen_gpio_write(pin, false);
		espgen_gpio16_conf(true);
		return;
	}
	reg = espgen_gpio_mux(pin);
	if (reg == 0)
		return;
	PIN_PULLUP_DIS(reg);
	/* low first, then enabled: the pin never drives a stale level */
	gpio_output_set(0, BIT(pin), BIT(pin), 0);
}

void ICACHE_FLASH_ATTR espgen_gpio_input(uint8 pin, bool pullup)
{
	uint32 reg;

	if (pin == ESPGEN_RTC_GPIO) {
		espgen_gpio16_conf(false);
		return;
	}
	reg = espgen_gpio_mux(pin);
	if (reg == 0)
		return;
	if (pullup)
		PIN_PULLUP_EN(reg);
	else
		PIN_PULLUP_DIS(reg);
	gpio_output_set(0, 0, 0, BIT(pin));
}

#endif /* ESPGEN_TARGET_RTOS */
