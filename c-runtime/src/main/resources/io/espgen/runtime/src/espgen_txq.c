/*
 * espgen_txq.c - a connection's send queue.
 *
 * espconn_send does not copy: the buffer it is given must stay untouched until the sent callback
 * (espconn_tcp.c: espconn_tcp_sent keeps a pointer to the unsent rest). So the queue owns heap copies of
 * what was sent, in blocks, hands the SDK one piece of the head block at a time, and frees a block only
 * when its last byte has been acknowledged. Appending behind the piece in flight is safe: the SDK reads
 * only the bytes it was given.
 */
#include "espgen_runtime.h"

/*
 * The size of the next block when rest bytes still need a place behind a tail block of prev bytes (0: the
 * queue is empty). Into an empty queue a send gets a block of its own size, so a lone reply costs no more
 * heap than it needs. Behind waiting data blocks double, up to what completes the tail block to a chunk,
 * so that two neighbours make one whole piece (espgen_txq_merge copies them into one block and frees
 * both), and at most a chunk. One rule for espgen_txq_cost and espgen_txq_push.
 */
static uint16 ICACHE_FLASH_ATTR espgen_txq_block_size(uint16 prev, uint16 rest, uint16 chunk_size)
{
	uint32 grow;
	uint16 complement;

	if (prev == 0)
		return rest;
	complement = prev >= chunk_size ? chunk_size : chunk_size - prev;
	grow = 2 * (uint32)prev;
	if (grow < rest)
		grow = rest;
	return grow < complement ? (uint16)grow : complement;
}

/* Undoes a push that ran out of heap halfway: frees the blocks after tail and gives tail back its length. */
static void ICACHE_FLASH_ATTR espgen_txq_truncate(struct espgen_txq *q, struct espgen_txbuf *tail, uint16 len)
{
	struct espgen_txbuf *b = tail != NULL ? tail->next : q->head;

	while (b != NULL) {
		struct espgen_txbuf *next = b->next;

		q->queued -= b->cap + ESPGEN_TXBUF_OVERHEAD;
		os_free(b);
		b = next;
	}
	if (tail != NULL) {
		tail->next = NULL;
		tail->len = len;
	} else {
		q->head = NULL;
	}
	q->tail = tail;
}

/* The heap a send of len bytes would add to the queue: the blocks it needs beyond the tail's room. */
uint32 ICACHE_FLASH_ATTR espgen_txq_cost(const struct espgen_txq *q, uint16 len, uint16 chunk_size)
{
	uint16 room = q->tail != NULL && !q->tail->sealed ? q->tail->cap - q->tail->len : 0;
	uint16 rest = len > room ? len - room : 0;
	uint16 prev = q->tail != NULL ? q->tail->cap : 0;
	uint32 cost = 0;

	while (rest > 0) { /* at most len / chunk_size + 1 blocks */
		uint16 cap = espgen_txq_block_size(prev, rest, chunk_size);

		cost += cap + ESPGEN_TXBUF_OVERHEAD;
		rest -= cap < rest ? cap : rest;
		prev = cap;
	}
	return cost;
}

/* Appends a copy of data (from flash: see espgen_flash_read), filling the tail block first. The caller has
 * checked the cap and the heap reserve against espgen_txq_cost. Returns false when the heap had no block
 * for it; what was already placed is taken back, so a failed send queues nothing. */
bool ICACHE_FLASH_ATTR espgen_txq_push(struct espgen_txq *q, const void *data, uint16 len, uint16 chunk_size,
				       bool from_flash)
{
	struct espgen_txbuf *old_tail = q->tail;
	uint16 old_len = old_tail != NULL ? old_tail->len : 0;
	uint16 placed = 0;

	while (placed < len) { /* at most len / chunk_size + 2 rounds */
		struct espgen_txbuf *b = q->tail;
		uint16 n;

		if (b == NULL || b->sealed || b->len == b->cap) {
			uint16 cap = espgen_txq_block_size(b != NULL ? b->cap : 0, len - placed, chunk_size);

			b = (struct espgen_txbuf *)os_malloc(sizeof(*b) + cap);
			if (b == NULL) {
				espgen_txq_truncate(q, old_tail, old_len);
				return false;
			}
			b->next = NULL;
			b->cap = cap;
			b->len = 0;
			b->done = 0;
			b->sealed = 0;
			if (q->tail != NULL)
				q->tail->next = b;
			else
				q->head = b;
			q->tail = b;
			q->queued += cap + ESPGEN_TXBUF_OVERHEAD;
		}
		n = b->cap - b->len < len - placed ? b->cap - b->len : len - placed;
		if (from_flash)
			espgen_flash_read(b->data + b->len, data, placed, n);
		else
			os_memcpy(b->data + b->len, (const uint8 *)data + placed, n);
		b->len += n;
		placed += n;
	}
	q->pending += len;
	return true;
}

/*
 * Before a piece leaves: when the head block has less than a chunk unsent and more blocks follow, their
 * unsent bytes are copied into one new block of up to a chunk, so that while more data follows every piece
 * is two full segments and only the last is shorter (the peer acknowledges two full segments at once; a
 * lone short one waits for its delayed ACK). Nothing is with the SDK then (one piece in flight at a time),
 * so bytes may move. Without heap to spare, the head block leaves as it is.
 */
void ICACHE_FLASH_ATTR espgen_txq_merge(struct espgen_txq *q, uint16 chunk_size)
{
	struct espgen_txbuf *b = q->head;
	struct espgen_txbuf *m;
	uint32 total = 0;
	uint16 want;

	if (b == NULL || b->next == NULL || q->in_flight != 0 || b->len - b->done >= chunk_size)
		return;
	for (; b != NULL && total < chunk_size; b = b->next) /* at most chunk_size blocks */
		total += (uint32)(b->len - b->done);
	want = total < chunk_size ? (uint16)total : chunk_size;
	if (system_get_free_heap_size() < (uint32)want + ESPGEN_TXBUF_OVERHEAD + ESPGEN_HEAP_RESERVE)
		return;
	m = (struct espgen_txbuf *)os_malloc(sizeof(*m) + want);
	if (m == NULL)
		return;
	m->cap = want;
	m->len = 0;
	m->done = 0;
	m->sealed = 0;
	while (m->len < want) { /* want is at most what the blocks hold: at most chunk_size rounds */
		uint16 n;

		b = q->head;
		n = b->len - b->done < want - m->len ? b->len - b->done : want - m->len;
		os_memcpy(m->data + m->len, b->data + b->done, n);
		m->len += n;
		b->done += n; /* moved: consumed as if acknowledged, the bytes still pending in m */
		if (b->done == b->len) {
			q->head = b->next;
			q->queued -= b->cap + ESPGEN_TXBUF_OVERHEAD;
			os_free(b);
		}
	}
	m->next = q->head;
	if (q->head == NULL)
		q->tail = m;
	q->head = m;
	q->queued += want + ESPGEN_TXBUF_OVERHEAD;
}

/* The next piece to hand to espconn_send: at most chunk_size unsent bytes of the head block. Returns its
 * length (0 when nothing waits) and points *data at it. */
uint16 ICACHE_FLASH_ATTR espgen_txq_next_chunk(const struct espgen_txq *q, uint16 chunk_size, uint8 **data)
{
	uint16 left;

	if (q->head == NULL)
		return 0;
	left = q->head->len - q->head->done;
	*data = q->head->data + q->head->done;
	return left < chunk_size ? left : chunk_size;
}

/* The piece next_chunk gave is with the SDK now: its block takes no more bytes. */
void ICACHE_FLASH_ATTR espgen_txq_sent(struct espgen_txq *q, uint16 len)
{
	q->in_flight = len;
	q->head->sealed = 1;
}

/* The piece in flight was acknowledged: release it, and the head block once all of it is. */
void ICACHE_FLASH_ATTR espgen_txq_ack(struct espgen_txq *q)
{
	struct espgen_txbuf *b = q->head;

	if (b == NULL || q->in_flight == 0)
		return;
	b->done += q->in_flight;
	q->pending -= q->in_flight;
	q->in_flight = 0;
	if (b->done < b->len)
		return;
	q->head = b->next;
	if (q->head == NULL)
		q->tail = NULL;
	q->queued -= b->cap + ESPGEN_TXBUF_OVERHEAD;
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
	q->pending = 0;
	q->in_flight = 0;
}

void ICACHE_FLASH_ATTR espgen_flash_read(void *dst, const void *flash, uint16 offset, uint16 n)
{
	const uint32 *word = (const uint32 *)flash + offset / 4;
	uint8 *out = (uint8 *)dst;
	uint8 k = offset % 4;

	while (n > 0) {
		uint32 w = *word++ >> (8 * k);

		for (; k < 4 && n > 0; k++, n--) {
			*out++ = (uint8)w; /* little-endian, as the ESP8266 */
			w >>= 8;
		}
		k = 0;
	}
}
