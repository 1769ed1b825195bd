/*
 * espgen_server.c - a TCP server's connection table and its espconn callbacks.
 *
 * The SDK's rules this file is built around (the team's SDK notes, shared/docs/esp8266-sdk.md, section 1;
 * in the SDK's source: espconn.c: espconn_copy_partial, espconn_tcp.c: espconn_tcp_disconnect and
 * espconn_tcp_reconnect):
 *   - connect, recv and sent get the per-client espconn; disconnect and error get the LISTENING one,
 *     with the client's remote_ip/remote_port and reverse copied in (espconn_copy_partial). So the
 *     runtime tags each client's reverse at connect with its entry and a generation, every callback finds
 *     its entry by that tag (checked against the remote address), and an entry's pcb is dropped before
 *     the handlers of a disconnect or error run.
 *   - the SDK admits at most max_con_allow clients per server (espconn_tcp.c: espconn_tcp_accept returns
 *     ERR_ISCONN at link_cnt == max_con_allow and lwIP resets the client), and a client counts until its
 *     end callback has run (espconn_tcp.c: espconn_Task sets close_flag, then calls it), so the table, of
 *     exactly max_conns entries, always has room for a client the SDK connects.
 *   - espconn_disconnect may not be called from an espconn callback: closes are posted to a task.
 *   - a buffer handed to espconn_send stays the SDK's until the sent, disconnect or error callback; the
 *     queue is freed only in the latter two. Handlers only queue: the runtime hands the SDK what they
 *     queued when they return, so the sends of one handler merge (espgen_txq.c).
 *   - closing while receiving is held resets the connection (lwIP tcp.c: tcp_close_shutdown sends RST
 *     when the receive window is not fully credited), so a graceful close unholds first.
 *   - a connection that failed (espconn_send refused, or QueueFullPolicy.CLOSE) is reset with
 *     espconn_abort rather than closed: a FIN would tell the client its stream ended well, and a graceful
 *     close waits for a peer that may never read again, holding the stack's buffers meanwhile.
 */
#include "espgen_runtime.h"
#include "espgen_frame.h"

#define ESPGEN_SIG_DISCONNECT 1
#define ESPGEN_TASK_QUEUE_LEN 4

static struct espgen_server *espgen_servers; /* every started server, for the disconnect task */
static os_event_t espgen_task_queue[ESPGEN_TASK_QUEUE_LEN];
static bool espgen_task_registered;
static bool espgen_disconnect_posted; /* one event covers every pending disconnect */

/* The tag a client's reverse carries: its entry's index (plus one, so no tag is NULL) and generation. */
static void *ICACHE_FLASH_ATTR espgen_tag(const struct espgen_server *srv, const struct espgen_conn *c)
{
	return (void *)(uintptr_t)(((uint32)c->generation << 8) | (uint32)(c - srv->conns + 1));
}

/* The entry of the connection an espconn (a client's, or the listening one in an end callback) speaks of,
 * or NULL when that connection is no longer in the table. */
static struct espgen_conn *ICACHE_FLASH_ATTR espgen_find(struct espgen_server *srv, void *arg)
{
	const struct espconn *pcb = (const struct espconn *)arg;
	uint32 tag;
	struct espgen_conn *c;

	if (pcb == NULL || pcb->proto.tcp == NULL)
		return NULL;
	tag = (uint32)(uintptr_t)pcb->reverse;
	if ((tag & 0xFF) == 0 || (tag & 0xFF) > srv->max_conns)
		return NULL;
	c = &srv->conns[(tag & 0xFF) - 1];
	if (c->state == ESPGEN_CONN_FREE || c->generation != (uint16)(tag >> 8) ||
	    c->remote_port != (uint16)pcb->proto.tcp->remote_port ||
	    os_memcmp(c->remote_ip, pcb->proto.tcp->remote_ip, 4) != 0)
		return NULL;
	return c;
}

static void ICACHE_FLASH_ATTR espgen_task(os_event_t *e)
{
	struct espgen_server *srv;

	if (e->sig != ESPGEN_SIG_DISCONNECT)
		return;
	espgen_disconnect_posted = false;
	for (srv = espgen_servers; srv != NULL; srv = srv->next) {
		uint8 i;

		for (i = 0; i < srv->max_conns; i++) {
			struct espgen_conn *c = &srv->conns[i];
			sint8 rc;

			if (!c->disconnect_posted || c->state == ESPGEN_CONN_FREE)
				continue;
			c->disconnect_posted = 0;
			c->state = ESPGEN_CONN_DISCONNECTING;
			if (c->recv_held && !c->abort) {
				/* credit the window, or tcp_close resets instead of sending FIN */
				if (espconn_recv_unhold(c->pcb) == ESPCONN_OK)
					c->recv_held = 0;
			}
			if (c->abort) {
				rc = espconn_abort(c->pcb);
				if (rc != ESPCONN_OK)
					ESPGEN_LOG_ERROR("%s: espconn_abort failed (%d)\n", srv->name, rc);
			} else {
				rc = espconn_disconnect(c->pcb);
				if (rc != ESPCONN_OK)
					ESPGEN_LOG_ERROR("%s: espconn_disconnect failed (%d)\n", srv->name, rc);
			}
		}
	}
}

/* Asks the task to disconnect c; the disconnect callback then frees the entry. */
static void ICACHE_FLASH_ATTR espgen_post_disconnect(struct espgen_server *srv, struct espgen_conn *c)
{
	c->disconnect_posted = 1;
	if (espgen_disconnect_posted)
		return;
	if (system_os_post(ESPGEN_TASK_PRIO, ESPGEN_SIG_DISCONNECT, 0))
		espgen_disconnect_posted = true;
	else
		ESPGEN_LOG_ERROR("%s: cannot post a disconnect\n", srv->name);
}

/* The connection cannot go on (what it queued can no longer all be delivered): no more sends, and the
 * task resets it. Its queue is freed by the disconnect or error callback that follows. */
/* Says why (a string literal, so it stays in flash with the format) and resets the connection. */
#define espgen_fail(srv, c, why)                                                               \
	do {                                                                                   \
		ESPGEN_LOG_PEER(ESPGEN_LOG_WARN, (srv), (c)->remote_ip, (c)->remote_port, why); \
		espgen_reset((srv), (c));                                                      \
	} while (0)

static void ICACHE_FLASH_ATTR espgen_reset(struct espgen_server *srv, struct espgen_conn *c)
{
	c->state = ESPGEN_CONN_DISCONNECTING;
	c->abort = 1;
	espgen_post_disconnect(srv, c);
}

/* Whether the SDK is done with the connection: no pcb, or one the SDK has closed and whose disconnect or
 * reconnect callback is still queued (espconn_tcp.c: espconn_server_close and espconn_server_err set
 * ESPCONN_CLOSE, then post the task that calls it). Another connection's handler can run in between, e.g. the
 * disconnect handler of a client that left in the same round: nothing may be sent or held on it then. */
static bool ICACHE_FLASH_ATTR espgen_sdk_closed(const struct espgen_conn *c)
{
	return c->pcb == NULL || c->pcb->state == ESPCONN_CLOSE;
}

/* Holds receiving while the queue has less than recv_reserve of room, and lets it go once the queue has
 * drained to half that mark. A framed server holds while its frames wait instead (espgen_frame.c): its
 * queue grows only as frames are delivered. */
static void ICACHE_FLASH_ATTR espgen_flow(struct espgen_server *srv, struct espgen_conn *c)
{
	uint32 mark = srv->queue_cap > srv->recv_reserve ? srv->queue_cap - srv->recv_reserve : 0;

	if (espgen_sdk_closed(c) || c->state != ESPGEN_CONN_OPEN)
		return;
	if (srv->framing != NULL) {
		bool wait = srv->framing->ops->waiting(srv, c);

		if (wait && !c->recv_held && espconn_recv_hold(c->pcb) == ESPCONN_OK)
			c->recv_held = 1;
		else if (!wait && c->recv_held && espconn_recv_unhold(c->pcb) == ESPCONN_OK)
			c->recv_held = 0;
		return;
	}
	if (!c->recv_held && c->txq.queued > mark) {
		if (espconn_recv_hold(c->pcb) == ESPCONN_OK)
			c->recv_held = 1;
	} else if (c->recv_held && c->txq.queued <= mark / 2) {
		if (espconn_recv_unhold(c->pcb) == ESPCONN_OK)
			c->recv_held = 0;
	}
}

/* Hands the next piece to the SDK unless one is in flight. */
static void ICACHE_FLASH_ATTR espgen_kick(struct espgen_server *srv, struct espgen_conn *c)
{
	uint8 *data;
	uint16 len;
	sint8 rc;

	if (c->txq.in_flight != 0 || espgen_sdk_closed(c) ||
	    (c->state != ESPGEN_CONN_OPEN && c->state != ESPGEN_CONN_CLOSING))
		return;
	espgen_txq_merge(&c->txq, srv->chunk_size);
	len = espgen_txq_next_chunk(&c->txq, srv->chunk_size, &data);
	if (len == 0)
		return;
	rc = espconn_send(c->pcb, data, len);
	if (rc == ESPCONN_OK) {
		espgen_txq_sent(&c->txq, len);
		return;
	}
	ESPGEN_LOG_ERROR("%s: espconn_send failed (%d)\n", srv->name, rc);
	espgen_fail(srv, c, "send failed, aborting");
}

/* After a handler: hands the SDK what any handler queued, on every connection of the server (a handler may
 * send to others than its own), then holds or lets go of receiving. At most max_conns rounds. */
static void ICACHE_FLASH_ATTR espgen_flush(struct espgen_server *srv)
{
	uint8 i;

	for (i = 0; i < srv->max_conns; i++) {
		struct espgen_conn *c = &srv->conns[i];

		if (c->state == ESPGEN_CONN_FREE)
			continue;
		espgen_kick(srv, c);
		espgen_flow(srv, c);
	}
}

/*
 * The connection is over: run the handlers, free the queue and the entry. One the runtime reset itself
 * (espgen_fail) gets @OnDisconnect only, whichever callback the SDK reports that end with: @OnError is
 * for what the peer or the network did, and the handler learnt of this end from a send returning false.
 */
static void ICACHE_FLASH_ATTR espgen_release(struct espgen_server *srv, struct espgen_conn *c, bool failed,
					     sint8 err)
{
	uint16 generation = c->generation;

	if (c->abort)
		failed = false;
	c->pcb = NULL; /* already freed by the SDK */
	c->state = ESPGEN_CONN_DISCONNECTING; /* handlers below can no longer send to it */
	if (failed && srv->handlers->on_error != NULL)
		srv->handlers->on_error(srv, c, err);
	if (srv->handlers->on_disconnect != NULL)
		srv->handlers->on_disconnect(srv, c);
	espgen_txq_clear(&c->txq);
	if (srv->framing != NULL)
		srv->framing->ops->reset(srv, c);
	os_memset(c, 0, sizeof(*c));
	c->generation = generation; /* a late event for this connection must not match the next one */
	espgen_flush(srv);
}

void ICACHE_FLASH_ATTR espgen_on_connect(struct espgen_server *srv, void *arg)
{
	struct espconn *pcb = (struct espconn *)arg;
	struct espgen_conn *c = NULL;
	uint8 i;

	for (i = 0; i < srv->max_conns; i++) {
		if (srv->conns[i].state == ESPGEN_CONN_FREE) {
			c = &srv->conns[i];
			break;
		}
	}
	if (c == NULL) {
		/* the SDK admits no more than max_con_allow = max_conns clients (see the top of this file): this
		 * client is not the runtime's; its data is dropped and the SDK's idle timeout ends it */
		pcb->reverse = NULL;
		ESPGEN_LOG_PEER(ESPGEN_LOG_WARN, srv, pcb->proto.tcp->remote_ip, pcb->proto.tcp->remote_port,
				"connected beyond the table (the SDK admitted more than max_con_allow)");
		return;
	}
	c->state = ESPGEN_CONN_OPEN;
	c->generation++;
	os_memcpy(c->remote_ip, pcb->proto.tcp->remote_ip, 4);
	c->remote_port = (uint16)pcb->proto.tcp->remote_port;
	c->pcb = pcb;
	pcb->reverse = espgen_tag(srv, c);
	if (srv->handlers->on_connect != NULL)
		srv->handlers->on_connect(srv, c);
	espgen_flush(srv);
}

void ICACHE_FLASH_ATTR espgen_on_receive(struct espgen_server *srv, void *arg, char *data, unsigned short len)
{
	struct espgen_conn *c = espgen_find(srv, arg);

	/* data after close() is dropped */
	if (c == NULL || c->state != ESPGEN_CONN_OPEN)
		return;
	if (srv->framing != NULL) {
		if (!srv->framing->ops->input(srv, c, (const uint8 *)data, len))
			espgen_fail(srv, c, "receive buffer overflow (more than the window after a hold), aborting");
	} else if (srv->handlers->on_receive != NULL) {
		srv->handlers->on_receive(srv, c, (const uint8 *)data, len);
	}
	espgen_flush(srv);
}

/*
 * Whether an acknowledgement that took the queue from before to after pending bytes calls @OnSent: when it
 * empties the queue, or takes it down across the low-water mark, half of queue_cap. The mark lets a
 * producer refill while two pieces still wait, so the stream never ends in a short piece alone in flight,
 * which a delayed-ACK peer holds its ACK for (bench/delayed-link). Mirrored by the JVM reference.
 */
static bool ICACHE_FLASH_ATTR espgen_room_event(const struct espgen_server *srv, uint32 before, uint32 after)
{
	uint32 low = srv->queue_cap / 2u;

	return after < before && (after == 0 || (before > low && after <= low));
}

void ICACHE_FLASH_ATTR espgen_on_sent(struct espgen_server *srv, void *arg)
{
	struct espgen_conn *c = espgen_find(srv, arg);
	uint32 before;

	if (c == NULL)
		return;
	before = c->txq.pending;
	espgen_txq_ack(&c->txq);
	/* being reset (failed) or disconnected: nothing more is sent */
	if (c->state == ESPGEN_CONN_DISCONNECTING)
		return;
	/* the queue drained a piece: frames that waited for it go on */
	if (srv->framing != NULL)
		srv->framing->ops->deliver(srv, c);
	if (c->txq.head == NULL && c->state == ESPGEN_CONN_CLOSING)
		espgen_post_disconnect(srv, c);
	else if (c->state == ESPGEN_CONN_OPEN && srv->handlers->on_sent != NULL &&
		 espgen_room_event(srv, before, c->txq.pending))
		srv->handlers->on_sent(srv, c);
	espgen_flush(srv);
}

void ICACHE_FLASH_ATTR espgen_on_timer(struct espgen_server *srv,
					void (*handler)(struct espgen_server *srv, struct espgen_conn *c))
{
	/* the handler's Connection is the server's view: an entry that is never open (espgen_conn_by_id) */
	handler(srv, espgen_conn_by_id(srv, 0));
	espgen_flush(srv);
}

void ICACHE_FLASH_ATTR espgen_servers_wifi_event(bool up)
{
	struct espgen_server *srv;

	for (srv = espgen_servers; srv != NULL; srv = srv->next) {
		void (*handler)(struct espgen_server *, struct espgen_conn *) =
			up ? srv->handlers->on_wifi_up : srv->handlers->on_wifi_down;

		if (handler != NULL)
			espgen_on_timer(srv, handler);
	}
}

void ICACHE_FLASH_ATTR espgen_timer_start(os_timer_t *t, os_timer_func_t *fn, int millis)
{
	if (millis < ESPGEN_TIMER_MIN_MS)
		millis = ESPGEN_TIMER_MIN_MS;
	if (millis > ESPGEN_TIMER_MAX_MS)
		millis = ESPGEN_TIMER_MAX_MS;
	/* a running timer is disarmed before it is set and armed again, as the SDK's API reference requires
	 * (os_timer_arm on an armed timer corrupts the timer list) */
	os_timer_disarm(t);
	os_timer_setfn(t, fn, NULL);
	os_timer_arm(t, (uint32)millis, 0);
}

void ICACHE_FLASH_ATTR espgen_on_disconnect(struct espgen_server *srv, void *arg)
{
	struct espgen_conn *c = espgen_find(srv, arg);

	if (c != NULL)
		espgen_release(srv, c, false, 0);
}

void ICACHE_FLASH_ATTR espgen_on_error(struct espgen_server *srv, void *arg, sint8 err)
{
	struct espgen_conn *c = espgen_find(srv, arg);

	if (c == NULL)
		return;
	ESPGEN_LOG_PEER(ESPGEN_LOG_WARN, srv, c->remote_ip, c->remote_port, "failed");
	espgen_release(srv, c, true, err);
}

static bool ICACHE_FLASH_ATTR espgen_queue(struct espgen_server *srv, struct espgen_conn *c, const void *data,
					   uint16 len, bool from_flash)
{
	uint32 cost;

	if (c->state != ESPGEN_CONN_OPEN)
		return false;
	if (len == 0)
		return true;
	cost = espgen_txq_cost(&c->txq, len, srv->chunk_size);
	if (c->txq.queued + cost > srv->queue_cap) {
		if (srv->queue_full == ESPGEN_QUEUE_FULL_CLOSE)
			espgen_fail(srv, c, "send queue full, aborting");
		return false;
	}
	/* the heap is where the queue lives: under CLOSE, no room there is a full queue too */
	if ((cost > 0 && system_get_free_heap_size() < cost + ESPGEN_HEAP_RESERVE) ||
	    !espgen_txq_push(&c->txq, data, len, srv->chunk_size, from_flash)) {
		if (srv->queue_full == ESPGEN_QUEUE_FULL_CLOSE)
			espgen_fail(srv, c, "out of memory for a send, aborting");
		else
			ESPGEN_LOG_PEER(ESPGEN_LOG_WARN, srv, c->remote_ip, c->remote_port, "out of memory for a send");
		return false;
	}
	return true;
}

bool ICACHE_FLASH_ATTR espgen_can_send(const struct espgen_server *srv, const struct espgen_conn *c, int len)
{
	uint32 cost;

	if (c->state != ESPGEN_CONN_OPEN || len < 0 || len > 0xFFFF)
		return false;
	cost = espgen_txq_cost(&c->txq, (uint16)len, srv->chunk_size);
	return c->txq.queued + cost <= srv->queue_cap &&
	       (cost == 0 || system_get_free_heap_size() >= cost + ESPGEN_HEAP_RESERVE);
}

bool ICACHE_FLASH_ATTR espgen_send(struct espgen_server *srv, struct espgen_conn *c, const void *data,
				   uint16 len)
{
	return espgen_queue(srv, c, data, len, false);
}

bool ICACHE_FLASH_ATTR espgen_send_flash(struct espgen_server *srv, struct espgen_conn *c, const void *flash,
					 uint16 len)
{
	return espgen_queue(srv, c, flash, len, true);
}

bool ICACHE_FLASH_ATTR espgen_send_str(struct espgen_server *srv, struct espgen_conn *c, const char *text)
{
	size_t len = os_strlen(text);

	if (len > 0xFFFF)
		return false;
	return espgen_send(srv, c, text, (uint16)len);
}

void ICACHE_FLASH_ATTR espgen_close(struct espgen_server *srv, struct espgen_conn *c)
{
	if (c->state != ESPGEN_CONN_OPEN)
		return;
	c->state = ESPGEN_CONN_CLOSING;
	if (c->txq.head == NULL)
		espgen_post_disconnect(srv, c);
}

/* What espgen_conn_by_id returns when it finds none: zeroed, so FREE, and nothing ever changes it (a send or
 * a close needs an open entry). */
static struct espgen_conn espgen_nobody;

struct espgen_conn *ICACHE_FLASH_ATTR espgen_conn_next(struct espgen_server *srv, const struct espgen_conn *prev)
{
	uint8 i = prev == NULL ? 0 : espgen_conn_index(srv, prev) + 1;

	for (; i < srv->max_conns; i++) {
		if (espgen_conn_open(&srv->conns[i]))
			return &srv->conns[i];
	}
	return NULL;
}

int ICACHE_FLASH_ATTR espgen_conn_count(const struct espgen_server *srv)
{
	int n = 0;
	uint8 i;

	for (i = 0; i < srv->max_conns; i++)
		n += espgen_conn_open(&srv->conns[i]);
	return n;
}

struct espgen_conn *ICACHE_FLASH_ATTR espgen_conn_by_id(struct espgen_server *srv, int id)
{
	uint32 index = ((uint32)id & 0xFF) - 1;

	if (id > 0 && index < srv->max_conns && espgen_conn_open(&srv->conns[index]) &&
	    espgen_conn_id(srv, &srv->conns[index]) == id)
		return &srv->conns[index];
	return &espgen_nobody;
}

sint8 ICACHE_FLASH_ATTR espgen_server_start(struct espgen_server *srv, espconn_connect_callback connect_cb,
					    espconn_recv_callback recv_cb, espconn_sent_callback sent_cb,
					    espconn_connect_callback disconnect_cb,
					    espconn_reconnect_callback error_cb)
{
	struct espgen_server *s;
	uint32 total = srv->max_conns;
	sint8 rc;

	if (!espgen_task_registered) {
		system_os_task(espgen_task, ESPGEN_TASK_PRIO, espgen_task_queue, ESPGEN_TASK_QUEUE_LEN);
		espgen_task_registered = true;
	}
	/* the stack-wide limit must cover every server's own */
	for (s = espgen_servers; s != NULL; s = s->next)
		total += s->max_conns;
	if (total > ESPGEN_MAX_CON)
		total = ESPGEN_MAX_CON;
	if (total > espconn_tcp_get_max_con())
		espconn_tcp_set_max_con((uint8)total);

	srv->listen.type = ESPCONN_TCP;
	srv->listen.state = ESPCONN_NONE;
	srv->listen.proto.tcp = &srv->listen_tcp;
	srv->listen_tcp.local_port = srv->port;
	/* the SDK copies these into every client's espconn */
	espconn_regist_connectcb(&srv->listen, connect_cb);
	espconn_regist_recvcb(&srv->listen, recv_cb);
	espconn_regist_sentcb(&srv->listen, sent_cb);
	espconn_regist_disconcb(&srv->listen, disconnect_cb);
	espconn_regist_reconcb(&srv->listen, error_cb);

	rc = espconn_accept(&srv->listen);
	if (rc != ESPCONN_OK) {
		ESPGEN_LOG_ERROR("%s: cannot listen on port %d (%d)\n", srv->name, srv->port, rc);
		return rc;
	}
	espconn_tcp_set_max_con_allow(&srv->listen, srv->max_conns);
	espconn_regist_time(&srv->listen, srv->idle_timeout_s, 0);
	srv->next = espgen_servers;
	espgen_servers = srv;
	ESPGEN_LOG_INFO("%s: listening on port %d\n", srv->name, srv->port);
	return ESPCONN_OK;
}
