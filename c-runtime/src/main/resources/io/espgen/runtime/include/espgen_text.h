/*
 * espgen_text.h - the text helpers handlers call (io.espgen.dsl.Bytes and io.espgen.dsl.Text).
 *
 * Each mirrors its Java reference exactly: ranges are clamped to the array, appends stop at the end of
 * the buffer, parses return the caller's failure value; nothing reads or writes out of bounds.
 * Arrays are a state class's: sint8 elements, their length n known at compile time.
 */
#ifndef ESPGEN_TEXT_H
#define ESPGEN_TEXT_H

#include "espgen_runtime.h"

bool espgen_text_equals(const uint8 *a, int n, int from, int to, const char *text, uint16 text_len);
bool espgen_text_starts_with(const uint8 *a, int n, int from, int to, const char *prefix, uint16 prefix_len);
int espgen_text_index_of(const uint8 *a, int n, int from, int to, int value);
int espgen_text_parse_int(const uint8 *a, int n, int from, int to, int failure);
int espgen_text_append(sint8 *dst, int n, int len, const char *text, uint16 text_len);
int espgen_text_append_int(sint8 *dst, int n, int len, int value);
int espgen_text_append_byte(sint8 *dst, int n, int len, int value);
int espgen_text_copy(const uint8 *src, int n, int from, int to, sint8 *dst, int dst_n, int dst_off);

/* Sends a[off, off + len) of an array of n bytes, the range clamped to the array. */
bool espgen_send_range(struct espgen_server *srv, struct espgen_conn *c, const sint8 *a, int n, int off,
		       int len);

/* Sends a number as text, with no buffer of the caller's: in decimal (Integer.toString), in hexadecimal
 * (Integer.toHexString: unsigned, lowercase). The same result as espgen_send. */
bool espgen_send_decimal(struct espgen_server *srv, struct espgen_conn *c, int value);
bool espgen_send_hex(struct espgen_server *srv, struct espgen_conn *c, int value);

/* Bounds-checked element access for state arrays: out of range reads 0 and writes nothing. */
#define ESPGEN_IN_RANGE(i, n) ((unsigned int)(i) < (unsigned int)(n))

#endif /* ESPGEN_TEXT_H */
