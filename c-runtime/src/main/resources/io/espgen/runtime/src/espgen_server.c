/*
 * espgen_server.c - a TCP server's connection table and its espconn callbacks.
 *
 * The SDK's rules this file is built around (the team's SDK notes, shared/docs/esp8266-sdk.md, section 1;
 * in the SDK's source: espconn.c: espconn_copy_partial, espconn_tcp.c: espconn_tcp_disconnect and
 * espconn_tcp_reconnect):
 *   - connect, recv and sent get the per-client espconn; disconnect and error get the LISTENING one,
 *     with the client's remote_ip/remote_port copied in, after the per-client one was freed. So every
 *     callback finds its entry by (remote_ip, remote_port), and an entry's pcb is dropped before the
 *     handlers of a disconnect or error run.
 *   - espconn_disconnect may not be called from an espconn callback: closes are posted to a task.
 *   - a buffer handed to espconn_send stays the SDK's until the sent, disconnect or error callback; the
 *     queue is freed only in the latter two.
 *   - a connection that failed (espconn_send refused, or QueueFullPolicy.CLOSE) is reset with
 *     espconn_abort rather than closed: a FIN would tell the client its stream ended well, and a graceful
 *     close waits for a peer that may never read again, holding the stack's buffers meanwhile.
 */
#include "espgen_runtime.h"

#define ESPGEN_SIG_DISCONNECT 1
#define ESPGEN_TASK_QUEUE_LEN 4

static struct espgen_server *espgen_servers; /* every started server, for the disconnect task */
static os_event_t espgen_task_queue[ESPGEN_TASK_QUEUE_LEN];
static bool espgen_task_registered;
static bool espgen_disconnect_posted; /* one event covers every pending disconnect */

static struct espgen_conn *ICACHE_FLASH_ATTR espgen_find(struct espgen_server *srv, const esp_tcp *tcp)
{
	uint8 i;

	for (i = 0; i <= srv->max_conns; i++) {
		struct espgen_conn *c = &srv->conns[i];

		if (c->state != ESPGEN_CONN_FREE && c->remote_port == (uint16)tcp->remote_port &&
		    os_memcmp(c->remote_ip, tcp->remote_ip, 4) == 0)
			return c;
	}
	return NULL;
}

static struct espgen_conn *ICACHE_FLASH_ATTR espgen_find_arg(struct espgen_server *srv, void *arg)
{
	const struct espconn *pcb = (const struct espconn *)arg;

	if (pcb == NULL || pcb->proto.tcp == NULL)
		return NULL;
	return espgen_find(srv, pcb->proto.tcp);
}

static void ICACHE_FLASH_ATTR espgen_log_addr(const struct espgen_server *srv, const uint8 *ip, int port,
					      const char *what)
{
	os_printf("%s: %d.%d.%d.%d:%d %s\n", srv->name, ip[0], ip[1], ip[2], ip[3], port, what);
}

static void ICACHE_FLASH_ATTR espgen_log_peer(const struct espgen_server *srv, const struct espgen_conn *c,
					      const char *what)
{
	espgen_log_addr(srv, c->remote_ip, c->remote_port, what);
}

static void ICACHE_FLASH_ATTR espgen_task(os_event_t *e)
{
	struct espgen_server *srv;

	if (e->sig != ESPGEN_SIG_DISCONNECT)
		return;
	espgen_disconnect_posted = false;
	for (srv = espgen_servers; srv != NULL; srv = srv->next) {
		uint8 i;

		for (i = 0; i <= srv->max_conns; i++) {
			struct espgen_conn *c = &srv->conns[i];
			sint8 rc;

			if (!c->disconnect_posted || c->state == ESPGEN_CONN_FREE)
				continue;
			c->disconnect_posted = 0;
			if (c->state != ESPGEN_CONN_REFUSED)
				c->state = ESPGEN_CONN_DISCONNECTING;
			if (c->abort) {
				rc = espconn_abort(c->pcb);
				if (rc != ESPCONN_OK)
					os_printf("%s: espconn_abort failed (%d)\n", srv->name, rc);
			} else {
				rc = espconn_disconnect(c->pcb);
				if (rc != ESPCONN_OK)
					os_printf("%s: espconn_disconnect failed (%d)\n", srv->name, rc);
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
		os_printf("%s: cannot post a disconnect\n", srv->name);
}

/* The connection cannot go on (what it queued can no longer all be delivered): no more sends, and the
 * task resets it. Its queue is freed by the disconnect or error callback that follows. */
static void ICACHE_FLASH_ATTR espgen_fail(struct espgen_server *srv, struct espgen_conn *c, const char *why)
{
	espgen_log_peer(srv, c, why);
	c->state = ESPGEN_CONN_DISCONNECTING;
	c->abort = 1;
	espgen_post_disconnect(srv, c);
}

/* Holds receiving while the queue has less than ESPGEN_RECV_RESERVE of room, and lets it go once the
 * queue has drained to half that mark. */
static void ICACHE_FLASH_ATTR espgen_flow(struct espgen_server *srv, struct espgen_conn *c)
{
	uint32 mark = srv->queue_cap > ESPGEN_RECV_RESERVE ? srv->queue_cap - ESPGEN_RECV_RESERVE : 0;

	if (c->pcb == NULL || c->state != ESPGEN_CONN_OPEN)
		return;
	if (!c->recv_held && c->txq.queued > mark) {
		if (espconn_recv_hold(c->pcb) == ESPCONN_OK)
			c->recv_held = 1;
	} else if (c->recv_held && c->txq.queued <= mark / 2) {
		if (espconn_recv_unhold(c->pcb) == ESPCONN_OK)
			c->recv_held = 0;
	}
}

/* Hands the next chunk to the SDK unless one is in flight. */
static void ICACHE_FLASH_ATTR espgen_kick(struct espgen_server *srv, struct espgen_conn *c)
{
	uint8 *data;
	uint16 len;
	sint8 rc;

	if (c->txq.in_flight != 0 || c->pcb == NULL)
		return;
	len = espgen_txq_next_chunk(&c->txq, srv->chunk_size, &data);
	if (len == 0)
		return;
	rc = espconn_send(c->pcb, data, len);
	if (rc == ESPCONN_OK) {
		c->txq.in_flight = len;
		return;
	}
	os_printf("%s: espconn_send failed (%d)\n", srv->name, rc);
	espgen_fail(srv, c, "send failed, aborting");
}

/*
 * The connection is over: run the handlers, free the queue and the entry. One the runtime reset itself
 * (espgen_fail) gets @OnDisconnect only, whichever callback the SDK reports that end with: @OnError is
 * for what the peer or the network did, and the handler learnt of this end from a send returning false.
 */
static void ICACHE_FLASH_ATTR espgen_release(struct espgen_server *srv, struct espgen_conn *c, bool failed,
					     sint8 err)
{
	bool refused = c->state == ESPGEN_CONN_REFUSED;

	if (c->abort)
		failed = false;
	c->pcb = NULL; /* already freed by the SDK */
	c->state = ESPGEN_CONN_DISCONNECTING; /* handlers below can no longer send */
	if (!refused) {
		if (failed && srv->handlers->on_error != NULL)
			srv->handlers->on_error(srv, c, err);
		if (srv->handlers->on_disconnect != NULL)
			srv->handlers->on_disconnect(srv, c);
	}
	espgen_txq_clear(&c->txq);
	os_memset(c, 0, sizeof(*c));
}

/*
 * A client beyond the table while the spare entry is still refusing another one (several entries were
 * closing at once). It gets no entry: nothing would remember its espconn for the task should it vanish
 * first, and espconn_disconnect may not be called here. So it is left to the stack, which closes it
 * after one second: its receiving is held, so that what it sends cannot restart the count. The runtime
 * then hears of it once more, in a disconnect callback that finds no entry and is ignored.
 */
static void ICACHE_FLASH_ATTR espgen_refuse_untracked(struct espgen_server *srv, struct espconn *pcb)
{
	espgen_log_addr(srv, pcb->proto.tcp->remote_ip, pcb->proto.tcp->remote_port,
			"refused: connection table full (closed by the stack after 1 s)");
	espconn_recv_hold(pcb);
	if (espconn_regist_time(pcb, 1, 1) != ESPCONN_OK)
		os_printf("%s: cannot time out a refused client\n", srv->name);
}

void ICACHE_FLASH_ATTR espgen_on_connect(struct espgen_server *srv, void *arg)
{
	struct espconn *pcb = (struct espconn *)arg;
	struct espgen_conn *c;
	uint8 i;

	c = espgen_find(srv, pcb->proto.tcp);
	if (c != NULL) {
		/* the stack reused the address before we heard the old connection end */
		espgen_log_peer(srv, c, "reconnected before its disconnect; dropping the old entry");
		espgen_release(srv, c, false, 0);
	}
	c = NULL;
	for (i = 0; i < srv->max_conns; i++) {
		if (srv->conns[i].state == ESPGEN_CONN_FREE) {
			c = &srv->conns[i];
			break;
		}
	}
	if (c == NULL) {
		/* the stack admits max_conns; this is the rare race around a closing entry */
		c = &srv->conns[srv->max_conns];
		if (c->state != ESPGEN_CONN_FREE) {
			espgen_refuse_untracked(srv, pcb);
			return;
		}
		c->state = ESPGEN_CONN_REFUSED;
	} else {
		c->state = ESPGEN_CONN_OPEN;
	}
	os_memcpy(c->remote_ip, pcb->proto.tcp->remote_ip, 4);
	c->remote_port = (uint16)pcb->proto.tcp->remote_port;
	c->pcb = pcb;
	if (c->state == ESPGEN_CONN_REFUSED) {
		espgen_log_peer(srv, c, "refused: connection table full");
		espgen_post_disconnect(srv, c);
		return;
	}
	if (srv->handlers->on_connect != NULL)
		srv->handlers->on_connect(srv, c);
}

void ICACHE_FLASH_ATTR espgen_on_receive(struct espgen_server *srv, void *arg, char *data, unsigned short len)
{
	struct espgen_conn *c = espgen_find_arg(srv, arg);

	/* data after close() is dropped, as is data of a refused client */
	if (c == NULL || c->state != ESPGEN_CONN_OPEN || srv->handlers->on_receive == NULL)
		return;
	srv->handlers->on_receive(srv, c, (const uint8 *)data, len);
	espgen_flow(srv, c);
}

void ICACHE_FLASH_ATTR espgen_on_sent(struct espgen_server *srv, void *arg)
{
	struct espgen_conn *c = espgen_find_arg(srv, arg);

	if (c == NULL)
		return;
	espgen_txq_ack(&c->txq);
	/* being reset (failed) or disconnected: nothing more is sent */
	if (c->state == ESPGEN_CONN_DISCONNECTING)
		return;
	espgen_flow(srv, c);
	if (c->txq.head != NULL) {
		espgen_kick(srv, c);
		return;
	}
	if (c->state == ESPGEN_CONN_CLOSING)
		espgen_post_disconnect(srv, c);
	else if (c->state == ESPGEN_CONN_OPEN && srv->handlers->on_sent != NULL)
		srv->handlers->on_sent(srv, c);
}

void ICACHE_FLASH_ATTR espgen_on_disconnect(struct espgen_server *srv, void *arg)
{
	struct espgen_conn *c = espgen_find_arg(srv, arg);

	if (c != NULL)
		espgen_release(srv, c, false, 0);
}

void ICACHE_FLASH_ATTR espgen_on_error(struct espgen_server *srv, void *arg, sint8 err)
{
	struct espgen_conn *c = espgen_find_arg(srv, arg);

	if (c == NULL)
		return;
	espgen_log_peer(srv, c, "failed");
	espgen_release(srv, c, true, err);
}

static bool ICACHE_FLASH_ATTR espgen_queue(struct espgen_server *srv, struct espgen_conn *c, const void *data,
				    uint16 len, bool from_flash)
{
	if (c->state != ESPGEN_CONN_OPEN)
		return false;
	if (len == 0)
		return true;
	if (c->txq.queued + len > srv->queue_cap) {
		if (srv->queue_full == ESPGEN_QUEUE_FULL_CLOSE)
			espgen_fail(srv, c, "send queue full, aborting");
		return false;
	}
	if (!espgen_txq_push(&c->txq, data, len, from_flash)) {
		/* the heap is where the queue lives: under CLOSE, no room there is a full queue too */
		if (srv->queue_full == ESPGEN_QUEUE_FULL_CLOSE)
			espgen_fail(srv, c, "out of memory for a send, aborting");
		else
			espgen_log_peer(srv, c, "out of memory for a send");
		return false;
	}
	espgen_kick(srv, c);
	/* false when espconn_send refused the first chunk: the connection is failing, nothing will go */
	return c->state == ESPGEN_CONN_OPEN;
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
	if (c->txq.queued == 0)
		espgen_post_disconnect(srv, c);
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
		os_printf("%s: cannot listen on port %d (%d)\n", srv->name, srv->port, rc);
		return rc;
	}
	espconn_tcp_set_max_con_allow(&srv->listen, srv->max_conns);
	espconn_regist_time(&srv->listen, srv->idle_timeout_s, 0);
	srv->next = espgen_servers;
	espgen_servers = srv;
	os_printf("%s: listening on port %d\n", srv->name, srv->port);
	return ESPCONN_OK;
}
