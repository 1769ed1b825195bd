/*
 * glue_regs.c - the chip's register page, where the SDK's lwIP keeps settings and reads the time.
 *
 * The SDK's lwipopts.h reads five settings from memory-mapped registers (MEMP_NUM_TCP_PCB at 0x600011FC,
 * TCP_WND 0x600011F0, TCP_MAXRTX 0x600011E8, TCP_SYNMAXRTX 0x600011E4, DHCP_MAXRTX 0x600011E0), and lwIP's
 * timeouts and sys_now() read the FRC2 counter at 0x60000624 (eagle_soc.h: NOW() is
 * RTC_REG_READ(FRC2_COUNT_ADDRESS), PERIPHS_TIMER_BASEDDR 0x60000600 + 0x24). In a 32-bit process the page
 * 0x60000000..0x60001FFF is mapped at that very address, so the SDK's sources run unmodified.
 * Linux side: libc and Linux headers only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "glue.h"

#define REG_PAGE_BASE 0x60000000u
#define REG_PAGE_SIZE 0x2000u

#define REG_FRC2_COUNT 0x60000624u	/* eagle_soc.h: PERIPHS_TIMER_BASEDDR + FRC2_COUNT_ADDRESS */
#define REG_MEMP_NUM_TCP_PCB 0x600011FCu /* lwipopts.h */
#define REG_TCP_WND 0x600011F0u		/* lwipopts.h */
#define REG_TCP_MAXRTX 0x600011E8u	/* lwipopts.h */
#define REG_TCP_SYNMAXRTX 0x600011E4u	/* lwipopts.h */
#define REG_DHCP_MAXRTX 0x600011E0u	/* lwipopts.h */

static struct timespec start_time;

static volatile uint32_t *reg(uint32_t address)
{
	return (volatile uint32_t *)(uintptr_t)address;
}

void glue_regs_map(void)
{
	_Static_assert(sizeof(void *) == 4, "the SDK's sources are right only in a 32-bit process (gcc -m32)");
	void *page = mmap((void *)(uintptr_t)REG_PAGE_BASE, REG_PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (page == MAP_FAILED || page != (void *)(uintptr_t)REG_PAGE_BASE)
		glue_error("cannot map the register page at 0x%08x: %s", REG_PAGE_BASE,
			   page == MAP_FAILED ? strerror(errno) : "mapped elsewhere");
	clock_gettime(CLOCK_MONOTONIC, &start_time);
	/* The values lwip_init writes as the chip starts (init.c: lwip_init), so they hold even before it. */
	*reg(REG_MEMP_NUM_TCP_PCB) = 5;
	*reg(REG_TCP_WND) = 4 * 1460;
	*reg(REG_TCP_MAXRTX) = 12;
	*reg(REG_TCP_SYNMAXRTX) = 6;
	*reg(REG_DHCP_MAXRTX) = 0;
	glue_regs_refresh();
}

unsigned long long glue_now_us(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	long long ns = (long long)(now.tv_sec - start_time.tv_sec) * 1000000000LL + (now.tv_nsec - start_time.tv_nsec);
	return (unsigned long long)(ns / 1000);
}

void glue_regs_refresh(void)
{
	/* FRC2 runs at 80 MHz / 256 (eagle_soc.h: TIMER_CLK_FREQ; timers.c reads it so when timer2_ms_flag is
	 * set) and wraps at 32 bits, as on the chip. */
	*reg(REG_FRC2_COUNT) = (uint32_t)(glue_now_us() * GLUE_FRC2_HZ / 1000000ULL);
}
