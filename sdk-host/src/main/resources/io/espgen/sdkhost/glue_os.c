/*
 * glue_os.c - the ROM's and libmain's small routines that espconn, lwIP and a firmware call (osapi.h,
 * user_interface.h), and the few variables and hooks the SDK's lwIP expects from its closed Wi-Fi layer.
 * Linux side: libc headers only. Signatures are the SDK's with its types spelled out (c_types.h: uint8 is
 * unsigned char, uint32 unsigned int, bool unsigned char, size_t unsigned int in a 32-bit process).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

/* osapi.h: the ROM's memory and string routines, which behave as libc's */
void ets_bzero(void *s, unsigned int n)
{
	memset(s, 0, n);
}

int ets_memcmp(const void *a, const void *b, unsigned int n)
{
	return memcmp(a, b, n);
}

void *ets_memcpy(void *dst, const void *src, unsigned int n)
{
	return memcpy(dst, src, n);
}

void *ets_memmove(void *dst, const void *src, unsigned int n)
{
	return memmove(dst, src, n);
}

void *ets_memset(void *s, int c, unsigned int n)
{
	return memset(s, c, n);
}

int ets_strcmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

char *ets_strcpy(char *dst, const char *src)
{
	return strcpy(dst, src);
}

int ets_strlen(const char *s)
{
	return (int)strlen(s);
}

int ets_strncmp(const char *a, const char *b, unsigned int n)
{
	return strncmp(a, b, n);
}

char *ets_strncpy(char *dst, const char *src, unsigned int n)
{
	return strncpy(dst, src, n);
}

char *ets_strstr(const char *haystack, const char *needle)
{
	return strstr(haystack, needle);
}

/* osapi.h: the ROM's printf family; os_printf goes to the UART, here stdout, flushed line by line */
int ets_sprintf(char *str, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	int n = vsprintf(str, format, ap);
	va_end(ap);
	return n;
}

int ets_snprintf(char *str, unsigned int size, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	int n = vsnprintf(str, size, format, ap);
	va_end(ap);
	return n;
}

int os_printf_plus(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	int n = vprintf(format, ap);
	va_end(ap);
	fflush(stdout);
	return n;
}

/* osapi.h: os_random and os_get_random (the chip's hardware RNG); igmp.h: r_rand (LWIP_RAND). lwIP takes
 * its local ports, DNS ids and DHCP transaction ids from them. A xorshift seeded from the clock. */
static uint32_t random_state;

static uint32_t next_random(void)
{
	if (random_state == 0)
		random_state = (uint32_t)(glue_now_us() * 2654435761u) | 1u;
	random_state ^= random_state << 13;
	random_state ^= random_state >> 17;
	random_state ^= random_state << 5;
	return random_state;
}

unsigned long os_random(void)
{
	return next_random();
}

int os_get_random(unsigned char *buf, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++)
		buf[i] = (unsigned char)next_random();
	return 0;
}

int r_rand(void)
{
	return (int)(next_random() & 0x7fffffff);
}

/* user_interface.h: system_get_time, microseconds since start-up in 32 bits, wrapping as on the chip */
unsigned int system_get_time(void)
{
	return (unsigned int)glue_now_us();
}

/* tcp.c reads its backoff tables through this (the chip's flash wants aligned loads): array[index] */
int system_get_data_of_array_8(const unsigned char *array, int index)
{
	return array[index];
}

/* timers.c: sys_check_timeouts divides FRC2 by 80 MHz / 256 when timer2_ms_flag is set (eagle_soc.h:
 * TIMER_CLK_FREQ, which sys_now uses too), by 80 MHz / 16 when not; libmain runs FRC2 at / 256. */
unsigned char timer2_ms_flag = 1;

/* espconn_udp.c: the interface broadcasts go out of (only read in station + soft-AP mode) */
unsigned char default_interface = 1;

/* tcp_in.c: tcp_input frees out-of-order segments when the Wi-Fi driver has fewer than 2 receive buffers
 * left (RxNodeNum). Received packets here live in buffers of their own (glue_stack.c), never scarce. */
char RxNodeNum(void)
{
	return 8;
}

/* pbuf.c: pbuf_free hands a freed PBUF_REF, PBUF_ROM or PBUF_ESF_RX pbuf's eb (the Wi-Fi driver's receive
 * buffer) back through system_pp_recycle_rx_pkt, also for the PBUF_ROM pbufs tcp_write makes for
 * uncopied sends, whose eb pbuf_alloc never set. So only buffers glue_stack.c handed out are freed;
 * anything else is ignored. */
struct rx_buffer {
	uint32_t magic;
	struct rx_buffer *next;
};
#define RX_MAGIC 0x52584255u	/* "RXBU" */
static struct rx_buffer *rx_live;

void *glue_rx_buffer_new(unsigned int len, unsigned char **data)
{
	struct rx_buffer *b = malloc(sizeof(struct rx_buffer) + len);
	if (b == NULL)
		glue_error("the host is out of memory");
	b->magic = RX_MAGIC;
	b->next = rx_live;
	rx_live = b;
	*data = (unsigned char *)(b + 1);
	return b;
}

int system_pp_recycle_rx_pkt(void *eb)
{
	for (struct rx_buffer **p = &rx_live; *p; p = &(*p)->next) {
		if (*p == eb) {
			*p = (*p)->next;
			((struct rx_buffer *)eb)->magic = 0;
			free(eb);
			return 1;
		}
	}
	return 0;
}
