/*
 * espgen_txq.c - a connection's send queue.
 *
 * espconn_send does not copy: the buffer it is given must stay untouched until the sent callback. So the
 * queue owns a heap copy of every send, hands the SDK one chunk of the head buffer at a time, and frees a
 * buffer only when its last byte has been acknowledged.
 */
#include "espgen_runtime.h"

/* Appends a copy of data (from flash: see espgen_flash_read). The caller has checked the byte cap. */
bool ICACHE_FLASH_ATTR espgen_txq_push(struct espgen_txq *q, const void *data, uint16 len, bool from_flash)
{
	struct espgen_txbuf *b;

	b = (struct espgen_txbuf *)os_malloc(sizeof(*b) + len);
	if (b == NULL)
		return false;
	b->next = NULL;
	b->len = len;
	b->done = 0;
	if (from_flash)
		espgen_flash_read(b->data, data, len);
	else
		os_memcpy(b->data, data, len);

	if (q->tail != NULL)
		q->tail->next = b;
	else
		q->head = b;
	q->tail = b;
	q->queued += len;
	return true;
}

/* The next chunk to hand to espconn_send: at most chunk_size bytes of the head buffer. Returns its length
 * (0 when the queue is empty) and points *data at it. */
uint16 ICACHE_FLASH_ATTR espgen_txq_next_chunk(const struct espgen_txq *q, uint16 chunk_size,
					       uint8 **data)
{
	uint16 left;

	if (q->head == NULL)
		return 0;
	left = q->head->len - q->head->done;
	*data = q->head->data + q->head->done;
	return left < chunk_size ? left : chunk_size;
}

/* The chunk in flight was acknowledged: release it, and the head buffer if that was its end. */
void ICACHE_FLASH_ATTR espgen_txq_ack(struct espgen_txq *q)
{
	struct espgen_txbuf *b = q->head;

	if (b == NULL || q->in_flight == 0)
		return;
	b->done += q->in_flight;
	q->queued -= q->in_flight;
	q->in_flight = 0;
	if (b->done < b->len)
		return;
	q->head = b->next;
	if (q->head == NULL)
		q->tail = NULL;
	os_free(b);
}

/* Drops everything, in flight or not: the connection is gone. */
void ICACHE_FLASH_ATTR espgen_txq_clear(struct espgen_txq *q)
{
	struct espgen_txbuf *b = q->head;

	while (b != NULL) {
		struct espgen_txbuf *next = b->next;

		os_free(b);
		b = next;
	}
	q->head = NULL;
	q->tail = NULL;
	q->queued = 0;
	q->in_flight = 0;
}

void ICACHE_FLASH_ATTR espgen_flash_read(void *dst, const void *flash, uint16 n)
{
	const uint32 *word = (const uint32 *)flash;
	uint8 *out = (uint8 *)dst;

	while (n > 0) {
		uint32 w = *word++;
		uint8 k;

		for (k = 0; k < 4 && n > 0; k++, n--) {
			*out++ = (uint8)w; /* little-endian, as the ESP8266 */
			w >>= 8;
		}
	}
}
