/*
 * host_espconn.c - the espconn TCP server API on Linux sockets, with the SDK's documented behaviour.
 *
 * Objects and who owns them:
 *   struct host_listener  one per espconn_accept; points at the firmware's listening espconn, which the
 *                         firmware owns and must keep alive.
 *   struct host_client    one per accepted connection; owns the socket and the per-client espconn and
 *                         esp_tcp handed to the firmware as the callbacks' arg. Both are freed when the
 *                         connection ends, BEFORE the disconnect/reconnect callback runs (which gets
 *                         the listening espconn instead), exactly as the SDK does.
 *   struct host_seg       one espconn_send: the firmware's buffer (no copy) or an emulation-owned copy
 *                         (ESPCONN_COPY); released once the peer has acknowledged all of it.
 *   struct host_ev        an SDK event deferred to the loop: a queued close, a write-finish, a
 *                         disconnect/reconnect delivery.
 *
 * Clients are found by pointer in a registry, so a pointer the firmware passes back after it was freed
 * is recognised (the recently freed ones are remembered) and reported instead of dereferenced.
 * Clients are only ever freed by the loop, never inside a firmware callback, so a callback can never
 * pull a client out from under the code that called it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "host.h"

#define HOST_LISTEN_BACKLOG 8
#define HOST_ACCEPT_BATCH 16
#define HOST_FREED_RING 64
/* How often SIOCOUTQ is looked at while a send awaits its ack: nothing wakes the loop when the peer
 * acknowledges, and at 1 ms the next chunk left 0.5-0.8 ms late (bench/delayed-link measured 3-6 % of a
 * transfer); at 100 us it leaves as soon as a real stack would. */
#define HOST_ACK_POLL_US 100
#define HOST_OPTS_KNOWN (ESPCONN_REUSEADDR | ESPCONN_NODELAY | ESPCONN_COPY | ESPCONN_KEEPALIVE | \
			 ESPCONN_MANUALRECV)

struct host_listener {
	struct host_listener *next;
	uint64_t id;
	struct espconn *conn;	/* the firmware's; never freed here */
	int fd;
	int fw_port;
	int host_port;
	uint32 idle_s;		/* espconn_regist_time(listen, s, 0); 0 = never */
	uint8 max_allow;	/* espconn_tcp_set_max_con_allow; 0 = espconn_tcp_get_max_con() */
	unsigned live;		/* accepted clients not yet freed */
	unsigned undelivered;	/* freed clients whose disconnect/reconnect is still queued */
};

struct host_seg {
	struct host_seg *next;
	const uint8 *data;	/* the firmware's buffer, or copy */
	uint8 *copy;		/* owned: ESPCONN_COPY */
	uint16 len;
	uint16 written;
	uint64_t end;		/* stream offset just past this segment */
	uint32 sum;		/* checksum of a no-copy buffer when it was handed over */
};

struct host_client {
	struct host_client *next;
	uint64_t id;
	struct host_listener *srv;
	struct espconn *pcb;	/* owned; the firmware's view of this connection */
	esp_tcp *tcp;		/* owned; pcb->proto.tcp as allocated (the firmware may repoint it) */
	int fd;
	uint8 remote_ip[4];	/* copied at accept: what the listener gets at the end */
	int remote_port;
	uint8 opts;		/* espconn_set_opt */
	bool held;		/* espconn_recv_hold */
	unsigned hold_budget;	/* bytes still delivered while held: the window already advertised */
	bool closing;		/* espconn_disconnect/abort issued; the close is queued */
	bool copy_pending;	/* ESPCONN_COPY: write finish not delivered yet */
	uint32 idle_s;
	uint64_t last_rx_ms;
	struct host_seg *segs;
	struct host_seg **segs_tail;
	unsigned seg_bytes;	/* bytes queued, not yet acknowledged */
	unsigned seg_count;	/* MSS-sized segments those occupy */
	uint64_t written_total;	/* bytes handed to the socket so far */
	uint64_t queued_total;	/* bytes accepted by espconn_send so far */
};

enum host_ev_kind {
	HOST_EV_CLOSE,		/* espconn_disconnect or espconn_abort, carried out */
	HOST_EV_WRITE_FINISH,	/* ESPCONN_COPY: the copy is done */
	HOST_EV_END,		/* a client is gone: tell the listener */
};

struct host_ev {
	struct host_ev *next;
	enum host_ev_kind kind;
	uint64_t client_id;	/* CLOSE, WRITE_FINISH */
	bool abort;		/* CLOSE */
	/* END: what the SDK copies from the freed per-client espconn into the listening one */
	struct host_listener *srv;
	bool error;		/* reconnect callback instead of disconnect */
	sint8 err;
	uint8 remote_ip[4];
	int remote_port;
	void *reverse;
	espconn_recv_callback recv_cb;
	espconn_sent_callback sent_cb;
	espconn_connect_callback connect_cb;
	espconn_reconnect_callback reconnect_cb;
	espconn_connect_callback disconnect_cb;
};

static struct {
	struct host_listener *listeners;
	struct host_client *clients;
	struct host_ev *ev_head;
	struct host_ev **ev_tail;
	uint64_t next_id;
	uint8 max_con;
	unsigned live_total;
	const void *freed[HOST_FREED_RING];	/* per-client espconns freed recently */
	unsigned freed_next;
	unsigned long send_calls;
	unsigned long send_fail_at;
} net = { .ev_tail = &net.ev_head, .next_id = 1, .max_con = HOST_DEFAULT_MAX_CON };

void host_espconn_setup(void)
{
	net.send_fail_at = host_env_count("ESPGEN_HOST_SEND_FAIL_AT");
}

/* ---- registries ---- */

static struct host_client *client_of(const struct espconn *e)
{
	struct host_client *c;

	for (c = net.clients; c; c = c->next)
		if (c->pcb == e)
			return c;
	return NULL;
}

static struct host_client *client_by_id(uint64_t id)
{
	struct host_client *c;

	for (c = net.clients; c; c = c->next)
		if (c->id == id)
			return c;
	return NULL;
}

static struct host_listener *listener_of(const struct espconn *e)
{
	struct host_listener *l;

	for (l = net.listeners; l; l = l->next)
		if (l->conn == e)
			return l;
	return NULL;
}

static struct host_listener *listener_by_id(uint64_t id)
{
	struct host_listener *l;

	for (l = net.listeners; l; l = l->next)
		if (l->id == id)
			return l;
	return NULL;
}

static bool recently_freed(const void *p)
{
	unsigned i;

	for (i = 0; i < HOST_FREED_RING; i++)
		if (net.freed[i] && net.freed[i] == p)
			return true;
	return false;
}

/* A firmware block or a new client now lives where a freed client was: the address is valid again. */
static void forget_freed(const void *start, size_t size)
{
	const char *s = start;
	unsigned i;

	for (i = 0; i < HOST_FREED_RING; i++) {
		const char *f = net.freed[i];

		if (f && f >= s && f < s + (size ? size : 1))
			net.freed[i] = NULL;
	}
}

void host_espconn_note_firmware_block(const void *ptr, size_t size)
{
	forget_freed(ptr, size);
}

/* The live client behind e, or NULL for a pointer this file never handed out. A pointer to a freed
 * per-client espconn is misuse: on the chip it is a use after free. */
static struct host_client *live_client(const struct espconn *e, const char *fn)
{
	struct host_client *c = client_of(e);

	if (!c && e && recently_freed(e))
		host_misuse("%s on a freed per-client espconn %p: it was freed before the "
			    "disconnect/reconnect callback; key connections by remote_ip/remote_port",
			    fn, (const void *)e);
	return c;
}

static void post(struct host_ev *ev)
{
	ev->next = NULL;
	*net.ev_tail = ev;
	net.ev_tail = &ev->next;
}

/* ---- ending a client ---- */

static void seg_free_all(struct host_client *c)
{
	struct host_seg *s = c->segs;

	while (s) {
		struct host_seg *next = s->next;

		free(s->copy);
		free(s);
		s = next;
	}
	c->segs = NULL;
	c->segs_tail = &c->segs;
	c->seg_bytes = 0;
	c->seg_count = 0;
}

static void close_fd(struct host_client *c, bool reset)
{
	if (c->fd < 0)
		return;
	if (reset) {
		struct linger lg = { .l_onoff = 1, .l_linger = 0 };

		setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	}
	close(c->fd);
	c->fd = -1;
}

/*
 * The SDK's order: the per-client espconn is freed first, then the disconnect (or reconnect) callback
 * runs from a posted event with the listening espconn, into which the SDK has copied the client's
 * state, address, reverse and callbacks (its espconn_copy_partial). That copy is why callbacks
 * registered on the per-client espconn in the connect callback still fire, with the listener.
 */
static void client_end(struct host_client *c, bool error, sint8 err, bool reset)
{
	struct host_client **pp;
	esp_tcp *tcp;
	struct host_ev *ev = host_xcalloc(1, sizeof(*ev));

	for (pp = &net.clients; *pp; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	ev->kind = HOST_EV_END;
	ev->srv = c->srv;
	ev->error = error;
	ev->err = err;
	memcpy(ev->remote_ip, c->remote_ip, 4);
	ev->remote_port = c->remote_port;
	ev->reverse = c->pcb->reverse;
	ev->recv_cb = c->pcb->recv_callback;
	ev->sent_cb = c->pcb->sent_callback;
	tcp = c->pcb->proto.tcp ? c->pcb->proto.tcp : c->tcp;
	ev->connect_cb = tcp->connect_callback;
	ev->reconnect_cb = tcp->reconnect_callback;
	ev->disconnect_cb = tcp->disconnect_callback;

	close_fd(c, reset);
	seg_free_all(c);
	net.freed[net.freed_next] = c->pcb;
	net.freed_next = (net.freed_next + 1) % HOST_FREED_RING;
	free(c->tcp);
	free(c->pcb);
	c->srv->live--;
	c->srv->undelivered++;
	c->srv->conn->link_cnt = (uint8)c->srv->live;
	net.live_total--;
	free(c);
	post(ev);
}

static sint8 errno_to_espconn(int e)
{
	switch (e) {
	case ECONNRESET:
	case EPIPE:
		return ESPCONN_RST;
	case ETIMEDOUT:
		return ESPCONN_TIMEOUT;
	case ECONNABORTED:
		return ESPCONN_ABRT;
	default:
		return ESPCONN_CONN;
	}
}

static void client_fail(struct host_client *c, int e)
{
	host_log("connection from %u.%u.%u.%u:%d to firmware port %d failed: %s", c->remote_ip[0],
		 c->remote_ip[1], c->remote_ip[2], c->remote_ip[3], c->remote_port, c->srv->fw_port,
		 strerror(e));
	client_end(c, true, errno_to_espconn(e), false);
}

/* ---- deferred SDK events ---- */

static void deliver_end(struct host_ev *ev)
{
	struct host_listener *srv = ev->srv;
	struct espconn *l = srv->conn;
	struct host_ctx_save save;

	srv->undelivered--;
	l->state = ESPCONN_CLOSE;
	l->proto.tcp->remote_port = ev->remote_port;
	memcpy(l->proto.tcp->remote_ip, ev->remote_ip, 4);
	l->proto.tcp->local_port = srv->fw_port;
	l->proto.tcp->local_ip[0] = 127;
	l->proto.tcp->local_ip[1] = 0;
	l->proto.tcp->local_ip[2] = 0;
	l->proto.tcp->local_ip[3] = 1;
	l->reverse = ev->reverse;
	l->recv_callback = ev->recv_cb;
	l->sent_callback = ev->sent_cb;
	l->proto.tcp->connect_callback = ev->connect_cb;
	l->proto.tcp->reconnect_callback = ev->reconnect_cb;
	l->proto.tcp->disconnect_callback = ev->disconnect_cb;
	/* srv may be deleted by the callback (espconn_delete): not touched after it. */
	if (ev->error) {
		espconn_reconnect_callback cb = l->proto.tcp->reconnect_callback;

		if (cb) {
			host_ctx_enter(&save, HOST_CTX_ESPCONN, "reconnect callback");
			cb(l, ev->err);
			host_ctx_leave(&save);
		}
	} else {
		espconn_connect_callback cb = l->proto.tcp->disconnect_callback;

		if (cb) {
			host_ctx_enter(&save, HOST_CTX_ESPCONN, "disconnect callback");
			cb(l);
			host_ctx_leave(&save);
		}
	}
}

static void flush_writes(struct host_client *c);

static void run_close(struct host_ev *ev)
{
	struct host_client *c = client_by_id(ev->client_id);

	if (!c)
		return;
	/* A graceful close still delivers what was handed to espconn_send, as lwIP's tcp_close does;
	 * an abort drops it and resets the connection. */
	if (!ev->abort)
		flush_writes(c);
	client_end(c, false, ESPCONN_OK, ev->abort);
}

static void run_write_finish(struct host_ev *ev)
{
	struct host_client *c = client_by_id(ev->client_id);
	struct host_ctx_save save;
	espconn_connect_callback cb;

	if (!c)
		return;
	c->copy_pending = false;
	if (c->closing || !c->pcb->proto.tcp)
		return;
	cb = c->pcb->proto.tcp->write_finish_fn;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "write finish callback");
		cb(c->pcb);
		host_ctx_leave(&save);
	}
}

int host_espconn_run_deferred(int budget)
{
	int n = 0;

	/* Events posted by these callbacks (a write finish that sends again) run in the same round, as
	 * the SDK's own higher-priority task drains its queue before a firmware task runs. */
	while (n < budget && net.ev_head) {
		struct host_ev *ev = net.ev_head;

		net.ev_head = ev->next;
		if (!net.ev_head)
			net.ev_tail = &net.ev_head;
		switch (ev->kind) {
		case HOST_EV_CLOSE:
			run_close(ev);
			break;
		case HOST_EV_WRITE_FINISH:
			run_write_finish(ev);
			break;
		case HOST_EV_END:
			deliver_end(ev);
			break;
		}
		free(ev);
		n++;
	}
	return n;
}

/* ---- listening ---- */

sint8 espconn_accept(struct espconn *espconn)
{
	struct host_listener *l;
	struct sockaddr_in sa;
	socklen_t salen = sizeof(sa);
	int fd, one = 1, mss = HOST_TCP_MSS, port;

	if (!espconn || espconn->type != ESPCONN_TCP || !espconn->proto.tcp)
		return ESPCONN_ARG;
	if (listener_of(espconn))
		host_misuse("espconn_accept called a second time on the listening espconn %p (port %d)",
			    (void *)espconn, espconn->proto.tcp->local_port);
	if (live_client(espconn, "espconn_accept"))
		return ESPCONN_ARG;
	port = espconn->proto.tcp->local_port;
	if (port <= 0 || port > 65535)
		return ESPCONN_ARG;
	for (l = net.listeners; l; l = l->next)
		if (l->fw_port == port)
			return ESPCONN_ISCONN;

	fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		host_fatal("socket: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	/* The chip's MSS, inherited by accepted sockets: segments and ACKs look like the chip's. */
	setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof(mss));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((uint16_t)host_port_for(port));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		host_fatal("cannot listen on 127.0.0.1:%d for firmware port %d: %s",
			   host_port_for(port), port, strerror(errno));
	if (listen(fd, HOST_LISTEN_BACKLOG) < 0)
		host_fatal("listen: %s", strerror(errno));
	getsockname(fd, (struct sockaddr *)&sa, &salen);

	l = host_xcalloc(1, sizeof(*l));
	l->id = net.next_id++;
	l->conn = espconn;
	l->fd = fd;
	l->fw_port = port;
	l->host_port = ntohs(sa.sin_port);
	l->idle_s = HOST_DEFAULT_IDLE_S;
	l->next = net.listeners;
	net.listeners = l;
	espconn->state = ESPCONN_LISTEN;
	espconn->link_cnt = 0;
	printf(HOST_TAG "listening on 127.0.0.1:%d (firmware port %d)\n", l->host_port, port);
	fflush(stdout);
	return ESPCONN_OK;
}

sint8 espconn_delete(struct espconn *espconn)
{
	struct host_listener **pp, *l;

	if (!espconn)
		return ESPCONN_ARG;
	if (live_client(espconn, "espconn_delete"))
		return ESPCONN_ARG;
	for (pp = &net.listeners; *pp; pp = &(*pp)->next)
		if ((*pp)->conn == espconn)
			break;
	l = *pp;
	if (!l)
		return ESPCONN_ARG;
	/* As the SDK: every connection must be gone (its disconnect delivered) first. */
	if (l->live || l->undelivered)
		return ESPCONN_INPROGRESS;
	*pp = l->next;
	close(l->fd);
	espconn->state = ESPCONN_CLOSE;
	host_log("stopped listening on 127.0.0.1:%d (firmware port %d)", l->host_port, l->fw_port);
	free(l);
	return ESPCONN_OK;
}

static unsigned server_limit(const struct host_listener *l)
{
	return l->max_allow ? l->max_allow : net.max_con;
}

static void refuse(struct host_listener *l, int fd, const struct sockaddr_in *sa)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(fd);
	host_log("refused a connection from 127.0.0.1:%d to firmware port %d: %u of %u connections in "
		 "use on this server, %u of %u in all", ntohs(sa->sin_port), l->fw_port, l->live,
		 server_limit(l), net.live_total, (unsigned)net.max_con);
}

static void accept_one(struct host_listener *l, int fd, const struct sockaddr_in *sa)
{
	struct host_client *c;
	struct espconn *pcb;
	esp_tcp *tcp;
	int one = 1;
	uint32_t ip = ntohl(sa->sin_addr.s_addr);
	struct host_ctx_save save;
	espconn_connect_callback cb;

	c = host_xcalloc(1, sizeof(*c));
	/* Two allocations, as the SDK's, so ASan tells which one a stale pointer hit. */
	pcb = host_xcalloc(1, sizeof(*pcb));
	tcp = host_xcalloc(1, sizeof(*tcp));
	forget_freed(pcb, sizeof(*pcb));
	forget_freed(tcp, sizeof(*tcp));

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));	/* Nagle is off on the chip */
	c->id = net.next_id++;
	c->srv = l;
	c->pcb = pcb;
	c->tcp = tcp;
	c->fd = fd;
	c->remote_ip[0] = (uint8)(ip >> 24);
	c->remote_ip[1] = (uint8)(ip >> 16);
	c->remote_ip[2] = (uint8)(ip >> 8);
	c->remote_ip[3] = (uint8)ip;
	c->remote_port = ntohs(sa->sin_port);
	c->idle_s = l->idle_s;
	c->last_rx_ms = host_now_ms();
	c->segs_tail = &c->segs;

	tcp->remote_port = c->remote_port;
	tcp->local_port = l->fw_port;
	memcpy(tcp->remote_ip, c->remote_ip, 4);
	tcp->local_ip[0] = 127;
	tcp->local_ip[3] = 1;
	tcp->connect_callback = l->conn->proto.tcp->connect_callback;
	tcp->reconnect_callback = l->conn->proto.tcp->reconnect_callback;
	tcp->disconnect_callback = l->conn->proto.tcp->disconnect_callback;
	tcp->write_finish_fn = l->conn->proto.tcp->write_finish_fn;
	pcb->type = ESPCONN_TCP;
	pcb->state = ESPCONN_CONNECT;
	pcb->proto.tcp = tcp;
	pcb->recv_callback = l->conn->recv_callback;
	pcb->sent_callback = l->conn->sent_callback;
	pcb->reverse = l->conn->reverse;

	c->next = net.clients;
	net.clients = c;
	l->live++;
	net.live_total++;
	pcb->link_cnt = (uint8)l->live;
	l->conn->link_cnt = (uint8)l->live;

	cb = tcp->connect_callback;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "connect callback");
		cb(pcb);
		host_ctx_leave(&save);
	}
}

static void accept_ready(struct host_listener *l)
{
	int i;

	for (i = 0; i < HOST_ACCEPT_BATCH; i++) {
		struct sockaddr_in sa;
		socklen_t salen = sizeof(sa);
		int fd = accept4(l->fd, (struct sockaddr *)&sa, &salen, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				host_log("accept on firmware port %d: %s", l->fw_port, strerror(errno));
			return;
		}
		/* The stack refuses what is over the limit; the firmware never hears of it. */
		if (l->live >= server_limit(l) || net.live_total >= net.max_con) {
			refuse(l, fd, &sa);
			continue;
		}
		/* l outlives the connect callback: espconn_delete(l) refuses while a client is alive. */
		accept_one(l, fd, &sa);
	}
}

/* ---- closing ---- */

static struct host_client *closable(struct espconn *espconn, const char *fn)
{
	struct host_client *c;

	if (!espconn)
		return NULL;
	c = live_client(espconn, fn);
	if (!c && listener_of(espconn))
		host_misuse("%s on the listening espconn %p: pass the per-client espconn (to stop "
			    "listening, use espconn_delete)", fn, (void *)espconn);
	return c;
}

static void queue_close(struct host_client *c, bool abort)
{
	struct host_ev *ev = host_xcalloc(1, sizeof(*ev));

	c->closing = true;
	c->pcb->state = ESPCONN_CLOSE;
	ev->kind = HOST_EV_CLOSE;
	ev->client_id = c->id;
	ev->abort = abort;
	post(ev);
}

sint8 espconn_disconnect(struct espconn *espconn)
{
	const char *what;
	struct host_client *c;

	if (host_ctx_now(&what) == HOST_CTX_ESPCONN)
		host_misuse("espconn_disconnect called from inside the %s (post a task with "
			    "system_os_post and disconnect from there)", what);
	c = closable(espconn, "espconn_disconnect");
	if (!c)
		return ESPCONN_ARG;
	if (c->closing)
		return ESPCONN_INPROGRESS;
	queue_close(c, false);
	return ESPCONN_OK;
}

sint8 espconn_abort(struct espconn *espconn)
{
	struct host_client *c = closable(espconn, "espconn_abort");

	if (!c)
		return ESPCONN_ARG;
	if (c->closing)
		return ESPCONN_INPROGRESS;
	queue_close(c, true);
	return ESPCONN_OK;
}

/* ---- sending ---- */

static uint32 checksum(const uint8 *p, uint16 len)
{
	uint32 h = 2166136261u;
	uint16 i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static unsigned segments_for(uint16 len)
{
	return ((unsigned)len + (HOST_TCP_MSS - 1)) / HOST_TCP_MSS;
}

sint8 espconn_send(struct espconn *espconn, uint8 *psent, uint16 length)
{
	struct host_client *c;
	struct host_seg *s;
	bool copy;

	if (!espconn)
		return ESPCONN_ARG;
	c = live_client(espconn, "espconn_send");
	if (!c) {
		if (listener_of(espconn))
			host_misuse("espconn_send on the listening espconn %p: pass the per-client "
				    "espconn of the connect/recv/sent callback", (void *)espconn);
		host_misuse("espconn_send on an unknown espconn %p (never handed out by the SDK)",
			    (void *)espconn);
	}
	if (c->closing)
		host_misuse("espconn_send on a closed espconn %p (espconn_disconnect/abort was already "
			    "called on it)", (void *)espconn);
	net.send_calls++;
	if (net.send_fail_at && net.send_calls == net.send_fail_at) {
		host_log("injected failure: espconn_send #%lu returns ESPCONN_MEM", net.send_calls);
		return ESPCONN_MEM;
	}
	if (!psent || !length || length > HOST_TCP_SND_BUF)
		return ESPCONN_ARG;

	copy = c->opts & ESPCONN_COPY;
	if (!copy) {
		/* One send in flight: the next one only from (or after) the sent callback. */
		if (c->segs)
			return ESPCONN_MAXNUM;
	} else {
		if (c->copy_pending)
			return ESPCONN_ARG;
		if (c->seg_bytes + length > HOST_TCP_SND_BUF ||
		    c->seg_count + segments_for(length) > HOST_COPY_SEGMENTS)
			return ESPCONN_MAXNUM;
	}

	s = host_xcalloc(1, sizeof(*s));
	s->len = length;
	if (copy) {
		s->copy = host_xmalloc(length);
		memcpy(s->copy, psent, length);
		s->data = s->copy;
	} else {
		/* No copy: the bytes are read from the firmware's buffer when the socket takes them, and
		 * checked again when acknowledged, so a buffer freed or reused early is caught. */
		s->data = psent;
		s->sum = checksum(psent, length);
	}
	c->queued_total += length;
	s->end = c->queued_total;
	*c->segs_tail = s;
	c->segs_tail = &s->next;
	c->seg_bytes += length;
	c->seg_count += segments_for(length);
	espconn->state = ESPCONN_WRITE;

	if (copy) {
		struct host_ev *ev = host_xcalloc(1, sizeof(*ev));

		c->copy_pending = true;
		ev->kind = HOST_EV_WRITE_FINISH;
		ev->client_id = c->id;
		post(ev);
	}
	return ESPCONN_OK;
}

static bool has_unwritten(const struct host_client *c)
{
	const struct host_seg *s;

	for (s = c->segs; s; s = s->next)
		if (s->written < s->len)
			return true;
	return false;
}

/* Writes what the socket takes. Returns 0, or the errno that ended the connection. */
static int write_some(struct host_client *c)
{
	struct host_seg *s;

	for (s = c->segs; s; s = s->next) {
		while (s->written < s->len) {
			ssize_t n = send(c->fd, s->data + s->written, s->len - s->written,
					 MSG_NOSIGNAL | MSG_DONTWAIT);

			if (n < 0) {
				if (errno == EINTR)
					continue;
				if (errno == EAGAIN || errno == EWOULDBLOCK)
					return 0;
				return errno;
			}
			s->written = (uint16)(s->written + n);
			c->written_total += (uint64_t)n;
		}
	}
	return 0;
}

/* Best effort before a graceful close: the kernel buffer takes everything but the pathological. */
static void flush_writes(struct host_client *c)
{
	write_some(c);
}

/* Releases the acknowledged sends; when the last one goes, the sent callback runs. */
static void check_acks(struct host_client *c)
{
	int outq = 0;
	uint64_t acked;
	bool released = false;
	struct host_ctx_save save;
	espconn_sent_callback cb;

	if (!c->segs || c->closing)
		return;
	if (ioctl(c->fd, SIOCOUTQ, &outq) < 0)
		return;
	acked = c->written_total - (uint64_t)outq;
	while (c->segs && c->segs->written == c->segs->len && c->segs->end <= acked) {
		struct host_seg *s = c->segs;

		if (!s->copy && checksum(s->data, s->len) != s->sum)
			host_misuse("the buffer passed to espconn_send(%p, %p, %u) changed before the sent "
				    "callback; espconn_send does not copy (keep the buffer until the sent "
				    "callback, or set ESPCONN_COPY)", (void *)c->pcb, (const void *)s->data,
				    s->len);
		c->segs = s->next;
		if (!c->segs)
			c->segs_tail = &c->segs;
		c->seg_bytes -= s->len;
		c->seg_count -= segments_for(s->len);
		free(s->copy);
		free(s);
		released = true;
	}
	if (!released || c->segs)
		return;
	c->pcb->state = ESPCONN_CONNECT;
	cb = c->pcb->sent_callback;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "sent callback");
		cb(c->pcb);
		host_ctx_leave(&save);
	}
}

/* ---- receiving ---- */

/* Whether the loop should read from c: a held connection still takes what its window let in. */
static bool wants_input(const struct host_client *c)
{
	return !c->held || c->hold_budget > 0;
}

/* Reads one segment's worth and hands it to the firmware. Returns false when the client ended. */
static bool read_one(struct host_client *c)
{
	uint8 buf[HOST_TCP_MSS];
	size_t want = sizeof(buf);
	ssize_t n;
	char *pdata;
	struct host_ctx_save save;
	espconn_recv_callback cb;

	if (c->held && c->hold_budget < want)
		want = c->hold_budget;
	do
		n = recv(c->fd, buf, want, MSG_DONTWAIT);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return true;
		client_fail(c, errno);
		return false;
	}
	if (n == 0) {
		/* The peer's FIN: the SDK closes its side and reports a disconnect. */
		client_end(c, false, ESPCONN_OK, false);
		return false;
	}
	c->last_rx_ms = host_now_ms();
	if (c->held)
		c->hold_budget -= (unsigned)n;
	/* Exactly len + 1 bytes, freed as soon as the callback returns, as the SDK's pbuf copy. */
	pdata = host_xmalloc((size_t)n + 1);
	memcpy(pdata, buf, (size_t)n);
	pdata[n] = '\0';
	c->pcb->state = ESPCONN_READ;
	cb = c->pcb->recv_callback;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "recv callback");
		cb(c->pcb, pdata, (unsigned short)n);
		host_ctx_leave(&save);
	}
	free(pdata);
	if (!c->closing && c->pcb->state == ESPCONN_READ)
		c->pcb->state = c->segs ? ESPCONN_WRITE : ESPCONN_CONNECT;
	return true;
}

/* ---- options, timeouts, limits, flow control ---- */

sint8 espconn_set_opt(struct espconn *espconn, uint8 opt)
{
	struct host_client *c;
	int on = 1;

	if (!espconn)
		return ESPCONN_ARG;
	c = live_client(espconn, "espconn_set_opt");
	if (!c || (opt & ~HOST_OPTS_KNOWN))
		return ESPCONN_ARG;
	if ((opt & ESPCONN_MANUALRECV) && !(c->opts & ESPCONN_MANUALRECV))
		host_log("espconn_set_opt(ESPCONN_MANUALRECV): on the chip the window then re-opens only "
			 "through espconn_recv, which espgen_sdk.h does not declare; ignored here");
	c->opts |= opt;
	if (opt & ESPCONN_NODELAY)
		setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
	if (opt & ESPCONN_KEEPALIVE)
		setsockopt(c->fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on));
	return ESPCONN_OK;
}

sint8 espconn_regist_time(struct espconn *espconn, uint32 interval, uint8 type_flag)
{
	struct host_client *c;
	struct host_listener *l;

	if (!espconn || type_flag > 1 || interval > HOST_MAX_IDLE_S)
		return ESPCONN_ARG;
	if (type_flag == 1) {
		/* One connection. */
		c = live_client(espconn, "espconn_regist_time");
		if (!c)
			return ESPCONN_ARG;
		c->idle_s = interval;
		return ESPCONN_OK;
	}
	live_client(espconn, "espconn_regist_time");
	/* All connections of a server; the SDK only knows the server after espconn_accept. */
	l = listener_of(espconn);
	if (!l)
		return ESPCONN_ARG;
	l->idle_s = interval;
	for (c = net.clients; c; c = c->next)
		if (c->srv == l)
			c->idle_s = interval;
	return ESPCONN_OK;
}

uint8 espconn_tcp_get_max_con(void)
{
	return net.max_con;
}

sint8 espconn_tcp_set_max_con(uint8 num)
{
	if (num < 1 || num > HOST_MAX_MAX_CON)
		return ESPCONN_ARG;
	net.max_con = num;
	return ESPCONN_OK;
}

sint8 espconn_tcp_set_max_con_allow(struct espconn *espconn, uint8 num)
{
	struct host_listener *l;

	if (!espconn || num < 1 || num > net.max_con)
		return ESPCONN_ARG;
	live_client(espconn, "espconn_tcp_set_max_con_allow");
	l = listener_of(espconn);
	if (!l)
		return ESPCONN_ARG;
	l->max_allow = num;
	return ESPCONN_OK;
}

/*
 * The SDK's hold only stops re-opening the TCP window: what the window already admits (up to TCP_WND,
 * which is why Espressif recommends keeping 5 x 1460 bytes in reserve) still reaches the recv callback.
 * The emulation delivers that worst case, a whole window, before it stops reading.
 */
static sint8 hold(struct espconn *espconn, bool on, const char *fn)
{
	struct host_client *c;

	if (!espconn)
		return ESPCONN_ARG;
	c = live_client(espconn, fn);
	if (!c)
		return ESPCONN_ARG;
	if (on && !c->held)
		c->hold_budget = HOST_TCP_WND;
	c->held = on;
	return ESPCONN_OK;
}

sint8 espconn_recv_hold(struct espconn *pespconn)
{
	return hold(pespconn, true, "espconn_recv_hold");
}

sint8 espconn_recv_unhold(struct espconn *pespconn)
{
	return hold(pespconn, false, "espconn_recv_unhold");
}

/* ---- callback registration: plain stores into the struct, as the SDK's ---- */

static esp_tcp *tcp_of(struct espconn *espconn, const char *fn)
{
	live_client(espconn, fn);
	if (!espconn->proto.tcp)
		host_misuse("%s on espconn %p whose proto.tcp is NULL", fn, (void *)espconn);
	return espconn->proto.tcp;
}

sint8 espconn_regist_connectcb(struct espconn *espconn, espconn_connect_callback connect_cb)
{
	if (!espconn)
		return ESPCONN_ARG;
	tcp_of(espconn, "espconn_regist_connectcb")->connect_callback = connect_cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_reconcb(struct espconn *espconn, espconn_reconnect_callback recon_cb)
{
	if (!espconn)
		return ESPCONN_ARG;
	tcp_of(espconn, "espconn_regist_reconcb")->reconnect_callback = recon_cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_disconcb(struct espconn *espconn, espconn_connect_callback discon_cb)
{
	if (!espconn)
		return ESPCONN_ARG;
	tcp_of(espconn, "espconn_regist_disconcb")->disconnect_callback = discon_cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_write_finish(struct espconn *espconn, espconn_connect_callback write_finish_fn)
{
	if (!espconn)
		return ESPCONN_ARG;
	tcp_of(espconn, "espconn_regist_write_finish")->write_finish_fn = write_finish_fn;
	return ESPCONN_OK;
}

sint8 espconn_regist_recvcb(struct espconn *espconn, espconn_recv_callback recv_cb)
{
	if (!espconn)
		return ESPCONN_ARG;
	live_client(espconn, "espconn_regist_recvcb");
	espconn->recv_callback = recv_cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_sentcb(struct espconn *espconn, espconn_sent_callback sent_cb)
{
	if (!espconn)
		return ESPCONN_ARG;
	live_client(espconn, "espconn_regist_sentcb");
	espconn->sent_callback = sent_cb;
	return ESPCONN_OK;
}

/* ---- the loop's part: poll every socket, dispatch, check acks and idle timers ---- */

enum host_pfd_kind { HOST_PFD_LISTENER, HOST_PFD_CLIENT };

struct host_pfd {
	enum host_pfd_kind kind;
	uint64_t id;
};

static void check_idle(uint64_t now)
{
	struct host_client *c = net.clients;

	while (c) {
		struct host_client *next = c->next;

		if (!c->closing && c->idle_s &&
		    now >= c->last_rx_ms + (uint64_t)c->idle_s * 1000u) {
			host_log("idle timeout (%u s): closing 127.0.0.1:%d on firmware port %d", c->idle_s,
				 c->remote_port, c->srv->fw_port);
			client_end(c, false, ESPCONN_OK, false);
		}
		c = next;
	}
}

/* How long the loop may sleep as far as the connections are concerned, -1 = forever; sets *ack_wait
 * when a send awaits its ack (the loop then looks again after HOST_ACK_POLL_US). */
static int own_timeout(uint64_t now, bool *ack_wait)
{
	struct host_client *c;
	int t = -1;

	if (net.ev_head)
		return 0;
	for (c = net.clients; c; c = c->next) {
		int d;

		if (c->closing)
			continue;
		if (c->segs && !has_unwritten(c)) {
			*ack_wait = true;
			continue;
		}
		if (c->idle_s) {
			uint64_t due = c->last_rx_ms + (uint64_t)c->idle_s * 1000u;

			d = due > now ? (int)(due - now) : 0;
		} else {
			continue;
		}
		if (t < 0 || d < t)
			t = d;
	}
	return t;
}

int host_espconn_poll(int timeout_ms, const sigset_t *poll_mask)
{
	struct host_listener *l;
	struct host_client *c;
	struct pollfd *fds;
	struct host_pfd *who;
	struct timespec ts, *tsp = NULL;
	unsigned n = 0, cap = 0, i;
	int own, rc;
	bool ack_wait = false;

	own = own_timeout(host_now_ms(), &ack_wait);
	if (own >= 0 && (timeout_ms < 0 || own < timeout_ms))
		timeout_ms = own;

	for (l = net.listeners; l; l = l->next)
		cap++;
	for (c = net.clients; c; c = c->next)
		cap++;
	fds = host_xcalloc(cap, sizeof(*fds));
	who = host_xcalloc(cap, sizeof(*who));
	for (l = net.listeners; l; l = l->next) {
		fds[n].fd = l->fd;
		fds[n].events = POLLIN;
		who[n].kind = HOST_PFD_LISTENER;
		who[n].id = l->id;
		n++;
	}
	for (c = net.clients; c; c = c->next) {
		if (c->closing)
			continue;
		fds[n].fd = c->fd;
		fds[n].events = (short)((wants_input(c) ? POLLIN : 0) | (has_unwritten(c) ? POLLOUT : 0));
		who[n].kind = HOST_PFD_CLIENT;
		who[n].id = c->id;
		n++;
	}
	if (ack_wait && timeout_ms != 0) {
		ts.tv_sec = 0;
		ts.tv_nsec = HOST_ACK_POLL_US * 1000L;
		tsp = &ts;
	} else if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
		tsp = &ts;
	}
	rc = ppoll(fds, n, tsp, poll_mask);
	if (rc < 0 && errno != EINTR)
		host_fatal("ppoll: %s", strerror(errno));

	/* Everything is looked up again by id: a callback may have changed the lists. */
	for (i = 0; rc > 0 && i < n; i++) {
		short re = fds[i].revents;

		if (!re)
			continue;
		if (who[i].kind == HOST_PFD_LISTENER) {
			l = listener_by_id(who[i].id);
			if (l)
				accept_ready(l);
			continue;
		}
		c = client_by_id(who[i].id);
		if (!c || c->closing)
			continue;
		if (re & POLLOUT) {
			int e = write_some(c);

			if (e) {
				client_fail(c, e);
				continue;
			}
		}
		if (re & (POLLIN | POLLERR | POLLHUP)) {
			if (!wants_input(c)) {
				int e = 0;
				socklen_t elen = sizeof(e);

				/* Held: only an error or a full hang-up can end it now. */
				getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &e, &elen);
				if (e)
					client_fail(c, e);
				else if (re & POLLHUP)
					client_end(c, false, ESPCONN_OK, false);
				continue;
			}
			if (!read_one(c))
				continue;
		}
	}
	free(fds);
	free(who);

	/* Acks arrive without waking poll: look at every client with a send outstanding. */
	c = net.clients;
	while (c) {
		uint64_t id = c->id;

		check_acks(c);
		/* The sent callback may not free c (clients are freed only by the loop), but keep the
		 * walk honest anyway. */
		c = client_by_id(id);
		c = c ? c->next : NULL;
	}
	check_idle(host_now_ms());
	return rc;
}
