/*
 * host_heap.c - the SDK heap (pvPortMalloc, pvPortZalloc, vPortFree) with the chip's budget.
 *
 * Every firmware block is a separate malloc() so AddressSanitizer sees overflows and use after free
 * in firmware code. A registry of live blocks (plain malloc, never counted) catches double and foreign
 * frees, counts live blocks and bytes, and remembers who allocated each one for the leak listing.
 *
 * The firmware gets HOST_HEAP_SIZE bytes in all, the free heap an idle echo app has on the chip; past
 * that os_malloc returns NULL, as the chip's would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define HOST_HEAP_BUCKETS 1024

struct host_block {
	struct host_block *next;
	void *ptr;
	size_t size;
	const char *file;	/* the firmware's __FILE__: a string literal, never freed */
	unsigned line;
};

static struct {
	struct host_block *buckets[HOST_HEAP_BUCKETS];
	size_t live_blocks;
	size_t live_bytes;
	size_t peak_bytes;	/* the most live_bytes has been */
	unsigned long calls;	/* firmware allocations so far, for ESPGEN_HOST_MALLOC_FAIL_AT */
	unsigned long fail_at;
} heap;

static size_t bucket_of(const void *p)
{
	uintptr_t v = (uintptr_t)p >> 4;

	return (size_t)((v * 0x9E3779B97F4A7C15ull) >> 54) % HOST_HEAP_BUCKETS;
}

void host_heap_setup(void)
{
	heap.fail_at = host_env_count("ESPGEN_HOST_MALLOC_FAIL_AT");
}

size_t host_heap_live_bytes(void)
{
	return heap.live_bytes;
}

static void *heap_alloc(size_t size, const char *file, unsigned line, int zero, const char *fn)
{
	struct host_block *b;
	void *p;

	heap.calls++;
	if (heap.fail_at && heap.calls == heap.fail_at) {
		host_log("injected failure: %s #%lu (%zu bytes at %s:%u) returns NULL", fn, heap.calls,
			 size, file ? file : "?", line);
		return NULL;
	}
	if (size > HOST_HEAP_SIZE - heap.live_bytes) {
		host_log("out of heap: %s(%zu) at %s:%u with %zu bytes free returns NULL", fn, size,
			 file ? file : "?", line, HOST_HEAP_SIZE - heap.live_bytes);
		return NULL;
	}
	p = zero ? calloc(1, size ? size : 1) : malloc(size ? size : 1);
	if (!p)
		host_fatal("out of memory (%zu bytes for the firmware)", size);
	b = host_xmalloc(sizeof(*b));
	b->ptr = p;
	b->size = size;
	b->file = file;
	b->line = line;
	b->next = heap.buckets[bucket_of(p)];
	heap.buckets[bucket_of(p)] = b;
	heap.live_blocks++;
	heap.live_bytes += size;
	if (heap.live_bytes > heap.peak_bytes)
		heap.peak_bytes = heap.live_bytes;
	host_espconn_note_firmware_block(p, size);
	return p;
}

void *pvPortMalloc(size_t size, const char *file, unsigned line, bool use_iram)
{
	(void)use_iram;
	return heap_alloc(size, file, line, 0, "os_malloc");
}

void *pvPortZalloc(size_t size, const char *file, unsigned line)
{
	return heap_alloc(size, file, line, 1, "os_zalloc");
}

void *host_sdk_zalloc(size_t size, const char *where)
{
	return heap_alloc(size, where, 0, 1, "os_zalloc");
}

void vPortFree(void *ptr, const char *file, unsigned line)
{
	struct host_block **pp, *b;

	if (!ptr)
		return;
	for (pp = &heap.buckets[bucket_of(ptr)]; *pp; pp = &(*pp)->next) {
		if ((*pp)->ptr == ptr)
			break;
	}
	if (!*pp)
		host_misuse("os_free(%p) at %s:%u: not a live heap block (freed twice, or not from "
			    "os_malloc/os_zalloc)", ptr, file ? file : "?", line);
	b = *pp;
	*pp = b->next;
	heap.live_blocks--;
	heap.live_bytes -= b->size;
	free(b);
	free(ptr);
}

/* The two lines a test reads (HostFirmware.HEAP_SUMMARY): free and peak, then what is live. */
void host_heap_report(void)
{
	printf(HOST_TAG "heap: %zu bytes free, peak %zu bytes\n", HOST_HEAP_SIZE - heap.live_bytes,
	       heap.peak_bytes);
	printf(HOST_TAG "heap: %zu live allocations, %zu bytes\n", heap.live_blocks, heap.live_bytes);
	fflush(stdout);
}

void host_heap_summary(void)
{
	size_t i, shown = 0;

	for (i = 0; i < HOST_HEAP_BUCKETS && shown < 20; i++) {
		struct host_block *b;

		for (b = heap.buckets[i]; b && shown < 20; b = b->next, shown++)
			host_log("heap: live block of %zu bytes from %s:%u", b->size,
				 b->file ? b->file : "?", b->line);
	}
	host_heap_report();
}
