/*
 * espgen_runtime.h - the connection table and send queue every generated server uses.
 *
 * Ownership, in one place:
 *   - struct espgen_server and its table (max_conns entries) are static storage of the generated
 *     server file; the runtime never allocates them.
 *   - An entry's pcb is the SDK's per-client espconn. The SDK owns and frees it; it is valid from the
 *     connect callback until the disconnect or error callback, which get the listening espconn instead.
 *     Entries are therefore found by a tag the runtime stores in the client's `reverse` at connect,
 *     which the SDK copies into the listening espconn before those callbacks (espconn.c:
 *     espconn_copy_partial): the entry's index and a generation, so a late end event never finds a
 *     newer connection. The remote address must match too. Never by pointer.
 *   - The send queue owns heap copies of everything queued (struct espgen_txbuf, os_malloc'd by
 *     espgen_send, os_free'd when acknowledged or when the connection ends).
 */
#ifndef ESPGEN_RUNTIME_H
#define ESPGEN_RUNTIME_H

#include <stdint.h>

#include "espgen_sdk.h"


/* The task priority the runtime posts its deferred disconnects to (espconn_disconnect may not be
 * called from inside an espconn callback). */
#ifndef ESPGEN_TASK_PRIO
#define ESPGEN_TASK_PRIO USER_TASK_PRIO_1
#endif

/* Free heap a send never takes: the SDK needs heap to receive (espconn_tcp.c: espconn_server_recv copies
 * each receive, up to one window, into a fresh block; the pbufs it copies from are heap too) and to accept
 * a connection (an espconn_msg, an espconn, an esp_tcp and lwIP's tcp_pcb). Below this, sends are refused as
 * if the queue were full, so the stack itself never runs dry because of them. */
#ifndef ESPGEN_HEAP_RESERVE
#define ESPGEN_HEAP_RESERVE (2 * ESPGEN_TCP_WND + 1024)
#endif

/* One block of queued bytes: a heap copy of one or more sends. */
struct espgen_txbuf {
	struct espgen_txbuf *next;
	uint16 cap;  /* bytes data[] can hold */
	uint16 len;  /* bytes in data[] */
	uint16 done; /* bytes of data[] already acknowledged */
	uint8 sealed; /* a piece of it went to espconn_send: it takes no more bytes, so later sends leave
		       * together in the next block rather than split behind the piece in flight */
	uint8 data[];
};

/* What one block costs against a queue's cap beyond its data: its header (12 bytes on the chip) and the
 * SDK allocator's own (an estimate: that code is closed). The same number on every build, so a send fits
 * on the host exactly when it fits on the chip (io.espgen.dsl.Limits.SEND_BLOCK_OVERHEAD). */
#define ESPGEN_TXBUF_OVERHEAD 16
_Static_assert(sizeof(struct espgen_txbuf) <= ESPGEN_TXBUF_OVERHEAD, "a block's header is part of its cost");

/*
 * A connection's send queue: at most one espconn_send in flight, the next one from the sent callback. The
 * SDK writes two segments of a buffer at a time and refills on every ACK (espconn_tcp.c: espconn_tcp_sent,
 * espconn_tcp_write), so each espconn_send gets up to chunk_size bytes, 2 x MSS by default, from one
 * block. A send into an idle queue gets a block of its own size; sends made while the queue holds data
 * are merged into blocks of chunk_size, so many small sends leave as few full pieces.
 */
struct espgen_txq {
	struct espgen_txbuf *head;
	struct espgen_txbuf *tail;
	uint32 queued;    /* heap the queue holds: each block's cap plus ESPGEN_TXBUF_OVERHEAD */
	uint32 pending;   /* bytes queued and not yet acknowledged */
	uint16 in_flight; /* bytes of head handed to espconn_send and not yet reported sent; 0 = idle */
};

enum espgen_conn_state {
	ESPGEN_CONN_FREE = 0,
	ESPGEN_CONN_OPEN,	/* connected; handlers may send */
	ESPGEN_CONN_CLOSING,	/* close() called: drain the queue, then disconnect */
	ESPGEN_CONN_DISCONNECTING /* espconn_disconnect issued; waiting for the disconnect callback */
};

/* One entry of a server's connection table. */
struct espgen_conn {
	uint8 remote_ip[4];
	uint16 remote_port;
	uint8 state; /* enum espgen_conn_state */
	uint8 disconnect_posted;
	uint8 abort; /* the connection failed: the task resets it (espconn_abort) rather than closing it */
	uint8 recv_held; /* espconn_recv_hold is in force */
	uint16 generation; /* counts the entry's connections; with its index, the tag in the SDK's reverse */
	struct espconn *pcb; /* SDK-owned; see the ownership note above */
	struct espgen_txq txq;
};

enum espgen_queue_full { ESPGEN_QUEUE_FULL_REFUSE, ESPGEN_QUEUE_FULL_CLOSE };

struct espgen_server;

/* What the generated code supplies: its handlers (any may be NULL) and their per-entry state. */
/* Only function pointers, so a generated server keeps its table in flash (ICACHE_RODATA_ATTR): the chip
 * reads flash a whole aligned word at a time, which is how a pointer is read. Keep it that way. */
struct espgen_handlers {
	void (*on_connect)(struct espgen_server *srv, struct espgen_conn *c);
	void (*on_receive)(struct espgen_server *srv, struct espgen_conn *c, const uint8 *data, uint16 len);
	void (*on_sent)(struct espgen_server *srv, struct espgen_conn *c);
	void (*on_error)(struct espgen_server *srv, struct espgen_conn *c, sint8 err);
	void (*on_disconnect)(struct espgen_server *srv, struct espgen_conn *c);
	/* a framed server's (espgen_frame.c): one complete frame; a frame dropped for its size */
	void (*on_frame)(struct espgen_server *srv, struct espgen_conn *c, const uint8 *data, uint16 len);
	void (*on_oversize)(struct espgen_server *srv, struct espgen_conn *c);
	void (*on_wifi_up)(struct espgen_server *srv, struct espgen_conn *c);   /* the station got an address */
	void (*on_wifi_down)(struct espgen_server *srv, struct espgen_conn *c); /* the station lost its network */
};

struct espgen_framing;

struct espgen_server {
	const char *name; /* for log lines */
	uint16 port;
	uint8 max_conns;
	uint16 idle_timeout_s;
	uint16 chunk_size;  /* at most ESPGEN_TCP_SND_BUF */
	uint16 queue_cap;   /* bytes per connection */
	uint16 recv_reserve; /* room kept before receiving is held: what the SDK still delivers after a hold,
			      * answered in blocks (the generator computes it, io.espgen.dsl.Limits) */
	uint8 queue_full;   /* enum espgen_queue_full */
	struct espgen_conn *conns; /* max_conns entries */
	const struct espgen_handlers *handlers;
	const struct espgen_framing *framing; /* NULL: every receive goes to on_receive as it came */
	struct espgen_server *next; /* the runtime's list of started servers */
	/* the listening espconn; lives as long as the firmware */
	struct espconn listen;
	esp_tcp listen_tcp;
};

/* Starts listening. Call from user_init. Returns ESPCONN_OK or the SDK's error. */
sint8 espgen_server_start(struct espgen_server *srv, espconn_connect_callback connect_cb,
			  espconn_recv_callback recv_cb, espconn_sent_callback sent_cb,
			  espconn_connect_callback disconnect_cb, espconn_reconnect_callback error_cb);

/* The SDK callbacks; a generated server's callbacks pass their server to these. */
void espgen_on_connect(struct espgen_server *srv, void *arg);
void espgen_on_receive(struct espgen_server *srv, void *arg, char *data, unsigned short len);
void espgen_on_sent(struct espgen_server *srv, void *arg);
/* A timer handler's run: the handler with the server's never-open entry, then what it queued to the SDK. */
void espgen_on_timer(struct espgen_server *srv, void (*handler)(struct espgen_server *srv, struct espgen_conn *c));

/* A one-shot timer's delay bounds (io.espgen.dsl.Limits: the SDK's 5 ms minimum, os_timer_arm's maximum). */
#define ESPGEN_TIMER_MIN_MS 5
#define ESPGEN_TIMER_MAX_MS 0x68D7A3
/* Java's Timers.start: (re-)arms a one-shot timer for millis, clamped into the bounds above. */
void espgen_timer_start(os_timer_t *t, os_timer_func_t *fn, int millis);
void espgen_on_disconnect(struct espgen_server *srv, void *arg);
void espgen_on_error(struct espgen_server *srv, void *arg, sint8 err);

/* Received data as handlers see it: valid only during the receive callback. */
struct espgen_bytes {
	const uint8 *data;
	uint16 len;
};

/* Java's data.get(i): a byte, or 0 when i is out of range. */
static inline sint8 ICACHE_FLASH_ATTR espgen_bytes_get(struct espgen_bytes b, int i)
{
	return i >= 0 && i < b.len ? (sint8)b.data[i] : 0;
}

/* Java's arithmetic helpers: always inlined, so they land in whatever calls them, flash or IRAM (an
 * interrupt handler uses them too, and may not call into flash). */
#define ESPGEN_ARITH __attribute__((always_inline))

/* Java's int division and remainder, defined where C's are not: a zero divisor gives 0, and
 * INT_MIN / -1 wraps as in Java (in C it traps). */
static inline ESPGEN_ARITH int espgen_idiv(int a, int b)
{
	if (b == 0)
		return 0;
	if (b == -1)
		return (int)(0u - (unsigned int)a);
	return a / b;
}

static inline ESPGEN_ARITH int espgen_irem(int a, int b)
{
	if (b == 0 || b == -1)
		return 0;
	return a % b;
}

/* Java's Math.min, max and abs; abs(MIN_VALUE) is MIN_VALUE, as in Java. */
static inline ESPGEN_ARITH int espgen_imin(int a, int b)
{
	return a < b ? a : b;
}

static inline ESPGEN_ARITH int espgen_imax(int a, int b)
{
	return a > b ? a : b;
}

static inline ESPGEN_ARITH int espgen_iabs(int a)
{
	return a < 0 ? (int)(0u - (unsigned int)a) : a;
}

static inline ESPGEN_ARITH sint64 espgen_lmin(sint64 a, sint64 b)
{
	return a < b ? a : b;
}

static inline ESPGEN_ARITH sint64 espgen_lmax(sint64 a, sint64 b)
{
	return a > b ? a : b;
}

static inline ESPGEN_ARITH sint64 espgen_labs(sint64 a)
{
	return a < 0 ? (sint64)(0u - (uint64)a) : a;
}

/* Java's long division and remainder, with the same defined results as espgen_idiv and espgen_irem. */
static inline ESPGEN_ARITH sint64 espgen_ldiv(sint64 a, sint64 b)
{
	if (b == 0)
		return 0;
	if (b == -1)
		return (sint64)(0u - (uint64)a);
	return a / b;
}

static inline ESPGEN_ARITH sint64 espgen_lrem(sint64 a, sint64 b)
{
	if (b == 0 || b == -1)
		return 0;
	return a % b;
}

/* The table index of an entry: the index of its per-connection state in the generated arrays. */
static inline uint8 ICACHE_FLASH_ATTR espgen_conn_index(const struct espgen_server *srv, const struct espgen_conn *c)
{
	return (uint8)(c - srv->conns);
}

/* Queues a copy of len bytes; the runtime hands the queue to the SDK when the handler returns, so sends
 * of one handler leave together. Returns false when nothing was queued (queue full, heap below
 * ESPGEN_HEAP_RESERVE, the connection closing or gone); with ESPGEN_QUEUE_FULL_CLOSE a send that cannot be
 * queued, for want of queue room or of heap, also aborts the connection, so its stream never has a hole. */
bool espgen_send(struct espgen_server *srv, struct espgen_conn *c, const void *data, uint16 len);
bool espgen_send_str(struct espgen_server *srv, struct espgen_conn *c, const char *text);

/* Queues a copy of len bytes of a constant in flash (ICACHE_RODATA_ATTR), which can only be read with
 * aligned 32-bit loads: it must be 4-aligned and padded to a whole number of words. */
bool espgen_send_flash(struct espgen_server *srv, struct espgen_conn *c, const void *flash, uint16 len);

/* Copies n bytes from offset on of a 4-aligned, word-padded constant in flash, with aligned 32-bit loads. */
void espgen_flash_read(void *dst, const void *flash, uint16 offset, uint16 n);

/* Java's canSend(len): whether a send of len bytes would be queued now, by the same checks as espgen_send
 * (room under queue_cap with its blocks' headers, the heap reserve). */
bool espgen_can_send(const struct espgen_server *srv, const struct espgen_conn *c, int len);

/* Element i of a constant table in flash (ICACHE_RODATA_ATTR, 4-aligned, padded to whole words). Flash
 * takes only aligned 32-bit loads, so a byte or a half-word comes out of its word; the volatile read keeps
 * the compiler from narrowing the load. The caller has checked i against the table's length. */
static inline uint32 ICACHE_FLASH_ATTR espgen_flash_word(const void *table, int word)
{
	return ((const volatile uint32 *)table)[word];
}

static inline uint8 ICACHE_FLASH_ATTR espgen_flash_u8(const void *table, int i)
{
	return (uint8)(espgen_flash_word(table, i >> 2) >> ((i & 3) * 8));
}

static inline uint16 ICACHE_FLASH_ATTR espgen_flash_u16(const void *table, int i)
{
	return (uint16)(espgen_flash_word(table, i >> 1) >> ((i & 1) * 16));
}

static inline uint32 ICACHE_FLASH_ATTR espgen_flash_u32(const void *table, int i)
{
	return espgen_flash_word(table, i);
}

/* Closes once the queue has drained. */
void espgen_close(struct espgen_server *srv, struct espgen_conn *c);

/* Java's queuedBytes(): bytes queued and not yet acknowledged; none once the connection is failing or
 * ending (its queue will not be sent, although the SDK may still hold a piece of it). */
static inline int ICACHE_FLASH_ATTR espgen_queued_bytes(const struct espgen_conn *c)
{
	return c->state == ESPGEN_CONN_OPEN || c->state == ESPGEN_CONN_CLOSING ? (int)c->txq.pending : 0;
}

/* The client's IPv4 address, most significant byte first. */
static inline uint32 ICACHE_FLASH_ATTR espgen_remote_ip(const struct espgen_conn *c)
{
	return ((uint32)c->remote_ip[0] << 24) | ((uint32)c->remote_ip[1] << 16) |
	       ((uint32)c->remote_ip[2] << 8) | c->remote_ip[3];
}

/*
 * How the firmware joins a network (the Java @WiFi, and the build's credentials from espgen_secrets.h):
 * user_main.c's constant, read by espgen_wifi_policy.c for the firmware's whole life.
 */
struct espgen_wifi_config {
	uint8 access_point;    /* 1: an access point of its own; 0: a station, with the access point as fallback */
	uint8 ap_channel;      /* 1 to 13 */
	uint8 ap_max_stations; /* 1 to 4 */
	uint16 fallback_ap_s;  /* seconds a station goes without an IP before the access point opens; 0 = never */
	uint8 static_ip[4];    /* all 0: DHCP */
	uint8 netmask[4];
	uint8 gateway[4];
	const char *hostname;    /* NULL: the SDK's (ESP_xxxxxx) */
	const char *ssid;        /* the network to join, or the access point's name; NULL: none given */
	const char *password;    /* NULL or "": an open network */
	const char *ap_name;     /* the fallback access point's name: the project's */
	const char *ap_password; /* the fallback access point's; NULL or "": open */
};

/* The station got an address (up) or lost its network: every started server's handler, as a timer's runs. */
void espgen_servers_wifi_event(bool up);

/* From user_init: sets the radio up; events and timers do the rest. */
void espgen_wifi_start(const struct espgen_wifi_config *cfg);

/*
 * The Wi-Fi policy both targets share (espgen_wifi_policy.c): each target's Wi-Fi file (espgen_wifi.c, or
 * rtos/espgen_rtos_wifi.c) starts it from espgen_wifi_start, tells it the SDK's events, and makes the SDK calls
 * it decides on (espgen_wifi_port_*).
 */
void espgen_wifi_policy_start(const struct espgen_wifi_config *cfg);
void espgen_wifi_policy_got_ip(uint32 ip); /* network byte order */
void espgen_wifi_policy_dropped(uint32 reason);
uint8 espgen_wifi_copy(uint8 *dst, size_t size, const char *src);
uint32 espgen_wifi_addr(const uint8 *octets);

enum espgen_wifi_mode {
	ESPGEN_WIFI_STATION,
	ESPGEN_WIFI_AP,
	ESPGEN_WIFI_STATION_AP,
};

/* The radio's mode. */
void espgen_wifi_port_mode(enum espgen_wifi_mode mode);
/* The SDK reconnects no station by itself: the policy does, after its back-off. */
void espgen_wifi_port_own_reconnects(void);
/* The access point's settings: open when password is NULL or "", else WPA2; false when refused. */
bool espgen_wifi_port_ap(const char *name, const char *password, uint8 channel, uint8 max_stations);
/* The station's host name, and its static address (ip, netmask, gateway in network byte order). */
bool espgen_wifi_port_hostname(const char *name);
bool espgen_wifi_port_static_ip(uint32 ip, uint32 netmask, uint32 gateway);
/* The network to join (password NULL or "": open); the target's first connect follows. */
void espgen_wifi_port_station(const char *ssid, const char *password);
/* Joins again, after a back-off; logs when the SDK refuses. */
void espgen_wifi_port_connect(void);

/*
 * The log levels of Java's Log.error/warn/info/debug. The build's esp.logLevel sets ESPGEN_LOG_LEVEL: 0 (none),
 * 1 (error), 2 (warn), 3 (info, the default), 4 (debug). A call above the level compiles to a format check
 * alone: no format in flash, no code, and its arguments (which the translator keeps free of effects) are not
 * evaluated.
 */
#ifndef ESPGEN_LOG_LEVEL
#define ESPGEN_LOG_LEVEL 3
#endif

static inline void ICACHE_FLASH_ATTR __attribute__((format(printf, 1, 2))) espgen_log_check(const char *fmt, ...)
{
	(void)fmt;
}

#define ESPGEN_LOG_OFF(...)                              \
	do {                                             \
		if (0)                                   \
			espgen_log_check(__VA_ARGS__);   \
	} while (0)

#if ESPGEN_LOG_LEVEL >= 1
#define ESPGEN_LOG_ERROR(...) os_printf(__VA_ARGS__)
#else
#define ESPGEN_LOG_ERROR(...) ESPGEN_LOG_OFF(__VA_ARGS__)
#endif
#if ESPGEN_LOG_LEVEL >= 2
#define ESPGEN_LOG_WARN(...) os_printf(__VA_ARGS__)
#else
#define ESPGEN_LOG_WARN(...) ESPGEN_LOG_OFF(__VA_ARGS__)
#endif
#if ESPGEN_LOG_LEVEL >= 3
#define ESPGEN_LOG_INFO(...) os_printf(__VA_ARGS__)
#else
#define ESPGEN_LOG_INFO(...) ESPGEN_LOG_OFF(__VA_ARGS__)
#endif
#if ESPGEN_LOG_LEVEL >= 4
#define ESPGEN_LOG_DEBUG(...) os_printf(__VA_ARGS__)
#else
#define ESPGEN_LOG_DEBUG(...) ESPGEN_LOG_OFF(__VA_ARGS__)
#endif

/* One line about a client, "<server>: a.b.c.d:port what", at level LOG (ESPGEN_LOG_WARN, ...). what is a
 * string literal: it joins the format, so it stays in flash and goes with the level. */
#define ESPGEN_LOG_PEER(LOG, srv, ip, port, what) \
	LOG("%s: %d.%d.%d.%d:%d " what "\n", (srv)->name, (ip)[0], (ip)[1], (ip)[2], (ip)[3], (port))

/* Other connections, as handlers reach them (Connection.connections(), connectionById(), id(), state()). */

/* Java's c.isOpen(): connected and not closing, so sends are taken. */
static inline bool ICACHE_FLASH_ATTR espgen_conn_open(const struct espgen_conn *c)
{
	return c->state == ESPGEN_CONN_OPEN;
}

/* Java's c.id(): the entry's tag (its index plus one, the entry's generation above it); 0 for an empty
 * entry, such as the one espgen_conn_by_id returns when it finds none. */
static inline int ICACHE_FLASH_ATTR espgen_conn_id(const struct espgen_server *srv, const struct espgen_conn *c)
{
	if (c->state == ESPGEN_CONN_FREE)
		return 0;
	return (int)(((uint32)c->generation << 8) | (uint32)(c - srv->conns + 1));
}

/* The index of c's per-connection state: its entry's, or max_conns, the spare state, for the empty entry
 * espgen_conn_by_id returns when it finds none (a handler never holds another free entry). */
static inline uint8 ICACHE_FLASH_ATTR espgen_state_index(const struct espgen_server *srv,
							  const struct espgen_conn *c)
{
	return c->state == ESPGEN_CONN_FREE ? srv->max_conns : espgen_conn_index(srv, c);
}

/* The first open entry after prev (from the start for NULL), or NULL: for (c = next(NULL); c; c = next(c))
 * visits the open connections in table order, each checked when reached; at most max_conns steps in all. */
struct espgen_conn *espgen_conn_next(struct espgen_server *srv, const struct espgen_conn *prev);

/* How many connections are open. */
int espgen_conn_count(const struct espgen_server *srv);

/* The open connection with this id, or an empty entry that is never open (sends refused, close ignored,
 * id 0), so the result is always safe to use. */
struct espgen_conn *espgen_conn_by_id(struct espgen_server *srv, int id);

/* Send queue internals, shared by espgen_server.c and espgen_txq.c. */
uint32 espgen_txq_cost(const struct espgen_txq *q, uint16 len, uint16 chunk_size);
bool espgen_txq_push(struct espgen_txq *q, const void *data, uint16 len, uint16 chunk_size, bool from_flash);
void espgen_txq_merge(struct espgen_txq *q, uint16 chunk_size);
uint16 espgen_txq_next_chunk(const struct espgen_txq *q, uint16 chunk_size, uint8 **data);
void espgen_txq_sent(struct espgen_txq *q, uint16 len);
void espgen_txq_ack(struct espgen_txq *q);
void espgen_txq_clear(struct espgen_txq *q);

#endif /* ESPGEN_RUNTIME_H */
