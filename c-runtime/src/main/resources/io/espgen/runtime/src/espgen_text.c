/*
 * espgen_text.c - the text helpers handlers call; see espgen_text.h. The Java reference of each is in
 * io.espgen.dsl.Text and the JVM's Bytes: a change here is a change there.
 */
#include "espgen_text.h"

static int ICACHE_FLASH_ATTR espgen_clamp(int i, int n)
{
	return i < 0 ? 0 : i > n ? n : i;
}

bool ICACHE_FLASH_ATTR espgen_text_equals(const uint8 *a, int n, int from, int to, const char *text,
					  uint16 text_len)
{
	int f = espgen_clamp(from, n);
	int e = espgen_clamp(to, n);

	return e - f == text_len && os_memcmp(a + f, text, text_len) == 0;
}

bool ICACHE_FLASH_ATTR espgen_text_starts_with(const uint8 *a, int n, int from, int to, const char *prefix,
					       uint16 prefix_len)
{
	int f = espgen_clamp(from, n);
	int e = espgen_clamp(to, n);

	return e - f >= prefix_len && os_memcmp(a + f, prefix, prefix_len) == 0;
}

int ICACHE_FLASH_ATTR espgen_text_index_of(const uint8 *a, int n, int from, int to, int value)
{
	int e = espgen_clamp(to, n);
	int i;

	for (i = espgen_clamp(from, n); i < e; i++) {
		if (a[i] == (uint8)value)
			return i;
	}
	return -1;
}

int ICACHE_FLASH_ATTR espgen_text_parse_int(const uint8 *a, int n, int from, int to, int failure)
{
	int i = espgen_clamp(from, n);
	int e = espgen_clamp(to, n);
	bool negative = false;
	uint32 value = 0;

	if (i < e && (a[i] == '-' || a[i] == '+')) {
		negative = a[i] == '-';
		i++;
	}
	if (i >= e)
		return failure;
	for (; i < e; i++) {
		uint32 d = (uint32)a[i] - '0';

		if (d > 9)
			return failure;
		if (value > (2147483648u - d) / 10)
			return failure; /* over 2^31: fits no int, with either sign */
		value = value * 10 + d;
	}
	if (negative)
		return (int)(0u - value);
	return value > 2147483647u ? failure : (int)value;
}

int ICACHE_FLASH_ATTR espgen_text_append(sint8 *dst, int n, int len, const char *text, uint16 text_len)
{
	int at = espgen_clamp(len, n);
	int count = n - at < text_len ? n - at : text_len;

	os_memcpy(dst + at, text, count);
	return at + count;
}

int ICACHE_FLASH_ATTR espgen_text_append_int(sint8 *dst, int n, int len, int value)
{
	char digits[12]; /* "-2147483648" */
	uint32 u = value < 0 ? 0u - (uint32)value : (uint32)value;
	int i = sizeof(digits);

	do {
		digits[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (value < 0)
		digits[--i] = '-';
	return espgen_text_append(dst, n, len, digits + i, (uint16)(sizeof(digits) - i));
}

int ICACHE_FLASH_ATTR espgen_text_append_byte(sint8 *dst, int n, int len, int value)
{
	int at = espgen_clamp(len, n);

	if (at < n)
		dst[at++] = (sint8)value;
	return at;
}

int ICACHE_FLASH_ATTR espgen_text_copy(const uint8 *src, int n, int from, int to, sint8 *dst, int dst_n,
				       int dst_off)
{
	int f = espgen_clamp(from, n);
	int e = espgen_clamp(to, n);
	int count;

	if (dst_off < 0 || dst_off >= dst_n || e <= f)
		return 0;
	count = e - f < dst_n - dst_off ? e - f : dst_n - dst_off;
	os_memcpy(dst + dst_off, src + f, count);
	return count;
}

bool ICACHE_FLASH_ATTR espgen_send_range(struct espgen_server *srv, struct espgen_conn *c, const sint8 *a,
					 int n, int off, int len)
{
	int f = espgen_clamp(off, n);
	int e = len < 0 ? f : espgen_clamp(f + (len < n ? len : n), n);

	return espgen_send(srv, c, a + f, (uint16)(e - f));
}

/* Java's c.sendDecimal(value): Integer.toString(value), formatted on the stack, then queued as a send. */
bool ICACHE_FLASH_ATTR espgen_send_decimal(struct espgen_server *srv, struct espgen_conn *c, int value)
{
	sint8 text[11]; /* "-2147483648" */
	int len = espgen_text_append_int(text, sizeof(text), 0, value);

	return espgen_send(srv, c, text, (uint16)len);
}

/* Java's c.sendHex(value): Integer.toHexString(value), the value unsigned, lowercase, no leading zeros. */
bool ICACHE_FLASH_ATTR espgen_send_hex(struct espgen_server *srv, struct espgen_conn *c, int value)
{
	static const char hex[] = "0123456789abcdef";
	char digits[8];
	uint32 u = (uint32)value;
	int i = sizeof(digits);

	do {
		digits[--i] = hex[u & 15];
		u >>= 4;
	} while (u != 0);
	return espgen_send(srv, c, digits + i, (uint16)(sizeof(digits) - i));
}
