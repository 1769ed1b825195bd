/*
 * echo.c - a hand-written espconn echo server, the reference espgen's generated echo sample is measured
 * against (bench/run: footprint). It does what samples/echo-server does, with the same safety, written the
 * way a careful embedded engineer writes it for the NONOS SDK:
 *
 *   - port 7777, at most 4 clients (espconn_tcp_set_max_con_allow), 300 s idle timeout (espconn_regist_time);
 *   - a connection table keyed by the remote address: the struct espconn a callback gets is not always the
 *     one the connect callback got (espconn.c: espconn_find_connection), the remote ip:port is;
 *   - an owned send queue per client: espconn_send does not copy (espconn_tcp.c: espconn_tcp_sent keeps a
 *     pointer to the rest), so each send is a heap copy, chained, one in flight, freed in the sent callback;
 *     at most 12288 bytes of heap per client; a send that does not fit aborts the client (no byte is
 *     dropped silently); a heap reserve of 4 KB is never given to a queue.
 */
#include "espgen_sdk.h"

#define ECHO_PORT 7777
#define ECHO_MAX_CLIENTS 4
#define ECHO_IDLE_S 300
#define ECHO_QUEUE_BYTES 12288
#define ECHO_HEAP_RESERVE 4096

/* In flash, read a word at a time: padded to whole words so the last read stays inside the array. */
#define GREETING_LEN 9
static const char greeting[(GREETING_LEN + 4) & ~3] ICACHE_RODATA_ATTR __attribute__((aligned(4))) = "welcome\r\n";

struct txbuf {
	struct txbuf *next;
	uint16 len;
	uint8 data[];
};

struct client {
	struct espconn *conn;	/* NULL: the entry is free */
	uint8 ip[4];
	int port;
	struct txbuf *head;	/* head is in flight when busy */
	struct txbuf *tail;
	uint32 queued;		/* heap the queue holds, headers included */
	bool busy;
	uint32 echoed;
};

static struct client clients[ECHO_MAX_CLIENTS];
static struct espconn listener;
static esp_tcp listener_tcp;

static struct client *ICACHE_FLASH_ATTR client_of(const struct espconn *conn)
{
	const esp_tcp *t = conn->proto.tcp;
	int i;

	for (i = 0; i < ECHO_MAX_CLIENTS; i++) {
		struct client *c = &clients[i];

		if (c->conn != NULL && c->port == t->remote_port && os_memcmp(c->ip, t->remote_ip, 4) == 0)
			return c;
	}
	return NULL;
}

static void ICACHE_FLASH_ATTR client_free(struct client *c)
{
	struct txbuf *b = c->head;

	while (b != NULL) { /* at most ECHO_QUEUE_BYTES / (sizeof *b + 1) blocks */
		struct txbuf *next = b->next;

		os_free(b);
		b = next;
	}
	os_memset(c, 0, sizeof(*c));
}

/* Hands the SDK the head block when nothing is in flight. */
static void ICACHE_FLASH_ATTR client_kick(struct client *c)
{
	if (c->busy || c->head == NULL)
		return;
	if (espconn_send(c->conn, c->head->data, c->head->len) == ESPCONN_OK)
		c->busy = true;
	else
		espconn_abort(c->conn); /* the SDK refused it: the bytes cannot leave, say so by resetting */
}

/* Queues a copy of len bytes; false when it does not fit (the caller ends the client). */
static bool ICACHE_FLASH_ATTR client_send(struct client *c, const void *data, uint16 len, bool from_flash)
{
	uint32 cost = sizeof(struct txbuf) + len;
	struct txbuf *b;

	if (c->queued + cost > ECHO_QUEUE_BYTES || system_get_free_heap_size() < cost + ECHO_HEAP_RESERVE)
		return false;
	b = os_malloc(cost);
	if (b == NULL)
		return false;
	b->next = NULL;
	b->len = len;
	if (from_flash) {
		/* flash reads must be whole aligned words */
		uint32 i;

		for (i = 0; i < len; i += 4) {
			uint32 w = ((const uint32 *)data)[i / 4];

			os_memcpy(b->data + i, &w, len - i < 4 ? len - i : 4);
		}
	} else {
		os_memcpy(b->data, data, len);
	}
	if (c->tail != NULL)
		c->tail->next = b;
	else
		c->head = b;
	c->tail = b;
	c->queued += cost;
	client_kick(c);
	return true;
}

static void ICACHE_FLASH_ATTR echo_recv(void *arg, char *data, unsigned short len)
{
	struct espconn *conn = arg;
	struct client *c = client_of(conn);

	if (c == NULL)
		return;
	c->echoed += len;
	if (!client_send(c, data, len, false))
		espconn_abort(conn);
}

static void ICACHE_FLASH_ATTR echo_sent(void *arg)
{
	struct client *c = client_of(arg);
	struct txbuf *done;

	if (c == NULL || c->head == NULL)
		return;
	done = c->head;
	c->head = done->next;
	if (c->head == NULL)
		c->tail = NULL;
	c->queued -= sizeof(*done) + done->len;
	os_free(done);
	c->busy = false;
	client_kick(c);
}

static void ICACHE_FLASH_ATTR echo_gone(struct client *c)
{
	os_printf("echo: bye, echoed %u bytes\n", (unsigned)c->echoed);
	client_free(c);
}

static void ICACHE_FLASH_ATTR echo_disconnected(void *arg)
{
	struct client *c = client_of(arg);

	if (c != NULL)
		echo_gone(c);
}

static void ICACHE_FLASH_ATTR echo_error(void *arg, sint8 err)
{
	struct client *c = client_of(arg);

	(void)err;
	if (c != NULL)
		echo_gone(c);
}

static void ICACHE_FLASH_ATTR echo_connected(void *arg)
{
	struct espconn *conn = arg;
	struct client *c = NULL;
	int i;

	for (i = 0; i < ECHO_MAX_CLIENTS && c == NULL; i++)
		if (clients[i].conn == NULL)
			c = &clients[i];
	if (c == NULL) { /* cannot happen with max_con_allow, but never index past the table */
		espconn_abort(conn);
		return;
	}
	c->conn = conn;
	os_memcpy(c->ip, conn->proto.tcp->remote_ip, 4);
	c->port = conn->proto.tcp->remote_port;
	espconn_regist_recvcb(conn, echo_recv);
	espconn_regist_sentcb(conn, echo_sent);
	espconn_regist_disconcb(conn, echo_disconnected);
	espconn_regist_reconcb(conn, echo_error);
	if (!client_send(c, greeting, GREETING_LEN, true))
		espconn_abort(conn);
}

void ICACHE_FLASH_ATTR echo_start(void)
{
	listener.type = ESPCONN_TCP;
	listener.state = ESPCONN_NONE;
	listener.proto.tcp = &listener_tcp;
	listener_tcp.local_port = ECHO_PORT;
	espconn_regist_connectcb(&listener, echo_connected);
	if (espconn_accept(&listener) != ESPCONN_OK) {
		os_printf("echo: cannot listen on %d\n", ECHO_PORT);
		return;
	}
	espconn_tcp_set_max_con_allow(&listener, ECHO_MAX_CLIENTS);
	espconn_regist_time(&listener, ECHO_IDLE_S, 0);
}
