/*
 * host_os.c - the ROM's string and memory routines, the SDK's printf, and the system_* calls, which have
 * nothing to drive on a Linux host and only log (Wi-Fi: host_wifi.c).
 *
 * The ROM's printf family has no floating point: a format with %f, %e, %g or %a prints nothing useful
 * on the chip, so it is reported as misuse here rather than quietly formatted.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "host.h"

void ets_memcpy(void *dst, const void *src, size_t n)
{
	memcpy(dst, src, n);
}

void ets_memset(void *s, int c, size_t n)
{
	memset(s, c, n);
}

int ets_memcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}

size_t ets_strlen(const char *s)
{
	return strlen(s);
}

int ets_strcmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

int ets_strncmp(const char *a, const char *b, size_t n)
{
	return strncmp(a, b, n);
}

static void check_format(const char *fn, const char *format)
{
	const char *p;

	for (p = format; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		/* flags, width, precision, length */
		while (*p && strchr("-+ #0123456789.*hlLqjzt'", *p))
			p++;
		if (!*p)
			break;
		if (strchr("fFeEgGaA", *p))
			host_misuse("%s(\"%s\"): the ROM printf has no floating point (%%%c)", fn, format,
				    *p);
	}
}

/* -fsanitize=undefined checks format against NULL before the vsnprintf calls, and gcc 12 then warns
 * about the NULL format on the branch it made up itself. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
int ets_sprintf(char *str, const char *format, ...)
{
	va_list ap;
	char probe;
	int n;

	check_format("os_sprintf", format);
	/* The ROM routine has no size either: measure first so the write below is exactly what the
	 * chip would write, and ASan sees an overflow of str for what it is. */
	va_start(ap, format);
	n = vsnprintf(&probe, 1, format, ap);
	va_end(ap);
	if (n < 0)
		return n;
	va_start(ap, format);
	n = vsnprintf(str, (size_t)n + 1, format, ap);
	va_end(ap);
	return n;
}
#pragma GCC diagnostic pop

int os_printf_plus(const char *format, ...)
{
	va_list ap;
	int n;

	check_format("os_printf", format);
	va_start(ap, format);
	n = vprintf(format, ap);
	va_end(ap);
	fflush(stdout);
	return n;
}

uint32 system_get_time(void)
{
	return (uint32)host_now_us();
}

uint32 system_get_free_heap_size(void)
{
	return (uint32)(HOST_HEAP_SIZE - host_heap_live_bytes());
}

/* ---- the partition table user_pre_init must register ---- */

static int partition_table_ok;

/* Flash size in bytes per SPI_FLASH_SIZE_MAP value; 0 = not a map the NONOS SDK 3.x accepts. */
static uint32 flash_size_of_map(uint32 map)
{
	static const uint32 sizes[] = {
		[0] = 512u << 10, [1] = 256u << 10, [2] = 1u << 20, [3] = 2u << 20,
		[4] = 4u << 20,   [5] = 2u << 20,   [6] = 4u << 20, [8] = 8u << 20,
		[9] = 16u << 20,
	};

	return map < sizeof(sizes) / sizeof(sizes[0]) ? sizes[map] : 0;
}

static const partition_item_t *find_partition(const partition_item_t *t, uint32 n,
					      partition_type_t type)
{
	uint32 i;

	for (i = 0; i < n; i++)
		if (t[i].type == type)
			return &t[i];
	return NULL;
}

bool system_partition_table_regist(const partition_item_t *partition_table, uint32 partition_num,
				   uint32 map)
{
	static const struct {
		partition_type_t type;
		const char *name;
		uint32 min_size;
	} required[] = {
		{ SYSTEM_PARTITION_RF_CAL, "RF_CAL", 0x1000 },
		{ SYSTEM_PARTITION_PHY_DATA, "PHY_DATA", 0x1000 },
		{ SYSTEM_PARTITION_SYSTEM_PARAMETER, "SYSTEM_PARAMETER", 0x3000 },
	};
	uint32 flash = flash_size_of_map(map);
	uint32 i, j;

	if (!partition_table || !partition_num) {
		host_log("system_partition_table_regist: empty table");
		return false;
	}
	if (!flash) {
		host_log("system_partition_table_regist: SPI_FLASH_SIZE_MAP %u is not a valid map", map);
		return false;
	}
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		const partition_item_t *p = find_partition(partition_table, partition_num,
							   required[i].type);

		if (!p) {
			host_log("system_partition_table_regist: no %s partition", required[i].name);
			return false;
		}
		if (p->size < required[i].min_size) {
			host_log("system_partition_table_regist: %s partition is 0x%x bytes, needs 0x%x",
				 required[i].name, p->size, required[i].min_size);
			return false;
		}
	}
	for (i = 0; i < partition_num; i++) {
		const partition_item_t *a = &partition_table[i];

		if ((uint64_t)a->addr + a->size > flash) {
			host_log("system_partition_table_regist: partition %u (type %d) at 0x%x+0x%x is "
				 "beyond the 0x%x-byte flash of map %u", i, (int)a->type, a->addr, a->size,
				 flash, map);
			return false;
		}
		for (j = i + 1; j < partition_num; j++) {
			const partition_item_t *b = &partition_table[j];

			if (a->size && b->size && a->addr < b->addr + b->size &&
			    b->addr < a->addr + a->size) {
				host_log("system_partition_table_regist: partitions %u and %u overlap", i, j);
				return false;
			}
		}
	}
	partition_table_ok = 1;
	return true;
}

int host_partition_table_ok(void)
{
	return partition_table_ok;
}
