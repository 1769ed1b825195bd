/*
 * glue_heap.c - the chip's heap (mem.h: pvPortMalloc, pvPortZalloc, pvPortCalloc, pvPortRealloc, vPortFree),
 * which the firmware, espconn and lwIP share, with the chip's budget.
 *
 * On the chip libmain's heap serves them all (lwipopts.h: MEM_LIBC_MALLOC and MEMP_MEM_MALLOC route lwIP's
 * mem_malloc and memp_malloc to pvPortMalloc), so a firmware that queues much leaves lwIP no room for a
 * segment, and the reverse. Here every block is its own malloc, counted against one budget; a block the
 * budget cannot hold is refused (NULL), as the chip's heap refuses it. Blocks come filled with 0xA5 (the
 * chip's heap does not clear them; a fixed pattern keeps runs repeatable). The firmware's blocks are told
 * apart from the stack's by the file name: the firmware is compiled with MEMLEAK_DEBUG (mem.h then passes
 * __FILE__), the SDK's sources without (they pass ""). Counted: the bytes asked for; the chip's heap also
 * spends a header per block, which its closed source does not show.
 * Linux side: libc headers only.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

#define BLOCK_MAGIC 0x45535047u	/* "ESPG" */
#define FREED_MAGIC 0x46524545u	/* "FREE" */

struct block {
	uint32_t magic;
	uint32_t size;
	const char *file;
	unsigned line;
	struct block *prev;
	struct block *next;
	uint32_t pad[2];	/* keeps the payload 8-byte aligned */
};

static struct block *blocks;
static unsigned long long capacity = 1ULL << 30;	/* until glue_heap_set_free: lwip_init and espconn_init */
static unsigned long long used;
static unsigned long long lowest_free = 1ULL << 30;	/* since glue_heap_set_free */

/* ESPGEN_SDK_HEAP_PROFILE=1: what the heap held when it was fullest, by owner and block size (printed at exit) */
#define PROFILE_SIZES 48
static int profiling = -1;
static struct {
	unsigned long long fw_bytes, fw_count;
	unsigned size[PROFILE_SIZES], count[PROFILE_SIZES];
	unsigned other_bytes, other_count;
} at_lowest;

static void profile_now(void)
{
	memset(&at_lowest, 0, sizeof(at_lowest));
	for (struct block *b = blocks; b; b = b->next) {
		if (b->file[0]) {
			at_lowest.fw_bytes += b->size;
			at_lowest.fw_count++;
			continue;
		}
		int i;
		for (i = 0; i < PROFILE_SIZES && at_lowest.count[i] && at_lowest.size[i] != b->size; i++)
			;
		if (i == PROFILE_SIZES) {
			at_lowest.other_bytes += b->size;
			at_lowest.other_count++;
			continue;
		}
		at_lowest.size[i] = b->size;
		at_lowest.count[i]++;
	}
}

static struct block *header_of(void *p, const char *what, const char *file, unsigned line)
{
	struct block *b = (struct block *)p - 1;

	if (b->magic == FREED_MAGIC)
		glue_fatal("%s of a block freed before (%s:%u)", what, file, line);
	if (b->magic != BLOCK_MAGIC)
		glue_fatal("%s of %p, which pvPortMalloc did not return (%s:%u)", what, p, file, line);
	return b;
}

static unsigned long refused_fw, refused_stack;

static void *allocate(uint32_t size, const char *file, unsigned line, int zero)
{
	if (used + size > capacity) {
		if (file && file[0])
			refused_fw++;
		else
			refused_stack++;
		return NULL;
	}
	struct block *b = malloc(sizeof(struct block) + (size ? size : 1));
	if (b == NULL)
		glue_error("the host is out of memory");
	b->magic = BLOCK_MAGIC;
	b->size = size;
	b->file = file ? file : "";
	b->line = line;
	b->prev = NULL;
	b->next = blocks;
	if (blocks)
		blocks->prev = b;
	blocks = b;
	used += size;
	memset(b + 1, zero ? 0 : 0xA5, size);
	if (capacity - used < lowest_free) {
		lowest_free = capacity - used;
		if (profiling < 0) {
			const char *e = getenv("ESPGEN_SDK_HEAP_PROFILE");
			profiling = e && e[0] == '1';
		}
		if (profiling)
			profile_now();
	}
	return b + 1;
}

void *pvPortMalloc(unsigned int size, const char *file, unsigned line, unsigned char use_iram)
{
	(void)use_iram;
	return allocate(size, file, line, 0);
}

void *pvPortZalloc(unsigned int size, const char *file, unsigned line)
{
	return allocate(size, file, line, 1);
}

void *pvPortZallocIram(unsigned int size, const char *file, unsigned line)
{
	return allocate(size, file, line, 1);
}

void *pvPortCalloc(unsigned int count, unsigned int size, const char *file, unsigned line)
{
	unsigned long long total = (unsigned long long)count * size;
	if (total > 0xFFFFFFFFull)
		return NULL;
	return allocate((uint32_t)total, file, line, 1);
}

void *pvPortCallocIram(unsigned int count, unsigned int size, const char *file, unsigned line)
{
	return pvPortCalloc(count, size, file, line);
}

void vPortFree(void *p, const char *file, unsigned line)
{
	if (p == NULL)
		return;
	struct block *b = header_of(p, "vPortFree", file, line);
	if (b->prev)
		b->prev->next = b->next;
	else
		blocks = b->next;
	if (b->next)
		b->next->prev = b->prev;
	used -= b->size;
	b->magic = FREED_MAGIC;
	free(b);
}

void *pvPortRealloc(void *p, unsigned int size, const char *file, unsigned line)
{
	if (p == NULL)
		return pvPortMalloc(size, file, line, 0);
	struct block *b = header_of(p, "pvPortRealloc", file, line);
	void *q = allocate(size, file, line, 0);
	if (q == NULL)
		return NULL;
	memcpy(q, p, b->size < size ? b->size : size);
	vPortFree(p, file, line);
	return q;
}

void glue_heap_set_free(unsigned int free_bytes)
{
	capacity = used + free_bytes;
	lowest_free = free_bytes;
}

unsigned int glue_heap_free(void)
{
	return used >= capacity ? 0 : (unsigned int)(capacity - used);
}

/* user_interface.h: system_get_free_heap_size */
unsigned int system_get_free_heap_size(void)
{
	return glue_heap_free();
}

void glue_heap_report(void)
{
	unsigned long fw_count = 0, fw_bytes = 0, stack_count = 0, stack_bytes = 0;

	for (struct block *b = blocks; b; b = b->next) {
		if (b->file[0]) {
			fw_count++;
			fw_bytes += b->size;
			fprintf(stderr, "espgen-host: live block of %u bytes from %s:%u\n", (unsigned)b->size, b->file,
				b->line);
		} else {
			stack_count++;
			stack_bytes += b->size;
		}
	}
	fflush(stderr);
	printf("espgen-host: heap: %lu live allocations, %lu bytes\n", fw_count, fw_bytes);
	printf("espgen-sdk-host: stack heap: %lu live allocations, %lu bytes; the free heap was %llu bytes at its lowest;"
	       " %lu allocations refused (%lu of the firmware's, %lu of the stack's)\n",
	       stack_count, stack_bytes, lowest_free, refused_fw + refused_stack, refused_fw, refused_stack);
	if (profiling > 0) {
		printf("espgen-sdk-host: at the lowest: the firmware held %llu bytes in %llu blocks; the stack:",
		       at_lowest.fw_bytes, at_lowest.fw_count);
		for (int i = 0; i < PROFILE_SIZES && at_lowest.count[i]; i++)
			printf(" %u x %u", at_lowest.count[i], at_lowest.size[i]);
		if (at_lowest.other_count)
			printf(" and %u bytes in %u blocks of other sizes", at_lowest.other_bytes, at_lowest.other_count);
		printf(" bytes\n");
	}
	fflush(stdout);
}
