/*
 * host_espconn_clients.c - the espconn emulation's state, its registries of listeners and clients,
 * and ending a client (see host_espconn_internal.h for the objects and who owns them).
 *
 * Clients are found by pointer in a registry, so a pointer the firmware passes back after it was freed
 * is recognised (the recently freed ones are remembered) and reported instead of dereferenced.
 * Clients are only ever freed by the loop, never inside a firmware callback, so a callback can never
 * pull a client out from under the code that called it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "host_espconn_internal.h"

struct host_net host_net = { .ev_tail = &host_net.ev_head, .next_id = 1, .max_con = HOST_DEFAULT_MAX_CON };

void host_espconn_setup(void)
{
	const char *trace = getenv("ESPGEN_HOST_TRACE");

	host_net.send_fail_at = host_env_count("ESPGEN_HOST_SEND_FAIL_AT");
	host_net.trace = trace && *trace && strcmp(trace, "0") != 0;
}

/* ---- registries ---- */

static struct host_client *client_of(const struct espconn *e)
{
	struct host_client *c;

	for (c = host_net.clients; c; c = c->next)
		if (c->pcb == e)
			return c;
	return NULL;
}

struct host_client *host_client_by_id(uint64_t id)
{
	struct host_client *c;

	for (c = host_net.clients; c; c = c->next)
		if (c->id == id)
			return c;
	return NULL;
}

struct host_listener *host_listener_of(const struct espconn *e)
{
	struct host_listener *l;

	for (l = host_net.listeners; l; l = l->next)
		if (l->conn == e)
			return l;
	return NULL;
}

struct host_listener *host_listener_by_id(uint64_t id)
{
	struct host_listener *l;

	for (l = host_net.listeners; l; l = l->next)
		if (l->id == id)
			return l;
	return NULL;
}

static bool recently_freed(const void *p)
{
	unsigned i;

	for (i = 0; i < HOST_FREED_RING; i++)
		if (host_net.freed[i] && host_net.freed[i] == p)
			return true;
	return false;
}

/* A firmware block or a new client now lives where a freed client was: the address is valid again. */
void host_forget_freed(const void *start, size_t size)
{
	const char *s = start;
	unsigned i;

	for (i = 0; i < HOST_FREED_RING; i++) {
		const char *f = host_net.freed[i];

		if (f && f >= s && f < s + (size ? size : 1))
			host_net.freed[i] = NULL;
	}
}

void host_espconn_note_firmware_block(const void *ptr, size_t size)
{
	host_forget_freed(ptr, size);
}

/* The live client behind e, or NULL for a pointer this file never handed out. A pointer to a freed
 * per-client espconn is misuse: on the chip it is a use after free. */
struct host_client *host_live_client(const struct espconn *e, const char *fn)
{
	struct host_client *c = client_of(e);

	if (!c && e && recently_freed(e))
		host_misuse("%s on a freed per-client espconn %p: it was freed before the "
			    "disconnect/reconnect callback; key connections by remote_ip/remote_port",
			    fn, (const void *)e);
	return c;
}

void host_post(struct host_ev *ev)
{
	ev->next = NULL;
	*host_net.ev_tail = ev;
	host_net.ev_tail = &ev->next;
}

/* ---- ending a client ---- */

static void seg_free_all(struct host_client *c)
{
	struct host_seg *s = c->segs;

	while (s) {
		struct host_seg *next = s->next;

		host_seg_release(s);
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
 * The SDK's order (espconn_tcp.c: espconn_Task, espconn_tcp_disconnect_successful, espconn_tcp_reconnect):
 * the pending send buffers are freed, the disconnect (or reconnect) callback runs from a posted event with
 * the listening espconn, into which the SDK has copied the client's state, address, reverse and
 * callbacks (espconn.c: espconn_copy_partial), and then the per-client espconn is freed. That copy is why
 * callbacks registered on the per-client espconn in the connect callback still fire, with the listener.
 *
 * A close with received bytes not yet credited (receive held) is a reset: lwIP's tcp_close_shutdown sends
 * RST and purges unsent and unacknowledged data when the receive window is not whole (core/tcp.c). That
 * holds for every close of the SDK's: espconn_disconnect, the peer's FIN (espconn_server_recv closes) and
 * the idle timeout (espconn_server_poll closes).
 */
void host_client_end(struct host_client *c, bool error, sint8 err, bool reset)
{
	struct host_client **pp;
	struct host_ev *ev = host_xcalloc(1, sizeof(*ev));
	int i;

	if (!reset && !error && c->held && c->held_len > 0) {
		host_log("closing 127.0.0.1:%d on firmware port %d with %u received bytes not credited "
			 "(receive held): lwIP resets it (tcp.c: tcp_close_shutdown)", c->remote_port,
			 c->srv->fw_port, c->held_len);
		reset = true;
	}

	for (pp = &host_net.clients; *pp; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	/* as espconn_tcp.c: espconn_server_close and espconn_server_err do before posting the end */
	c->pcb->state = ESPCONN_CLOSE;
	ev->kind = HOST_EV_END;
	ev->srv = c->srv;
	ev->error = error;
	ev->err = err;
	memcpy(ev->remote_ip, c->remote_ip, 4);
	ev->remote_port = c->remote_port;
	ev->pcb = c->pcb;
	ev->tcp = c->tcp;
	for (i = 0; i < HOST_SDK_CONN_BLOCKS; i++)
		ev->sdk_blocks[i] = c->sdk_blocks[i];

	close_fd(c, reset);
	seg_free_all(c);
	/* the client still counts against the limits until its end is delivered (espconn_Task sets
	 * close_flag right before the callback; espconn.c: espconn_get_connection_info counts the rest) */
	c->srv->live--;
	c->srv->undelivered++;
	host_net.live_total--;
	free(c);
	host_post(ev);
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

void host_client_fail(struct host_client *c, int e)
{
	host_log("connection from %u.%u.%u.%u:%d to firmware port %d failed: %s", c->remote_ip[0],
		 c->remote_ip[1], c->remote_ip[2], c->remote_ip[3], c->remote_port, c->srv->fw_port,
		 strerror(e));
	host_client_end(c, true, errno_to_espconn(e), false);
}

/* ---- the trace (ESPGEN_HOST_TRACE) ----
 *
 * Lines on stdout, in order with the firmware's os_printf lines, for a test that must know what the
 * firmware has done instead of guessing it from the time that passed (README.md, "Running").
 */

void host_trace_client(const struct host_client *c, const char *event, long n)
{
	char what[32];

	if (!host_net.trace)
		return;
	if (n >= 0)
		snprintf(what, sizeof(what), "%s %ld", event, n);
	else
		snprintf(what, sizeof(what), "%s", event);
	printf(HOST_TAG "trace %u.%u.%u.%u:%d on %d %s: received %llu, sent %llu, unacked %u\n",
	       c->remote_ip[0], c->remote_ip[1], c->remote_ip[2], c->remote_ip[3], c->remote_port,
	       c->srv->host_port, what, (unsigned long long)c->received_total,
	       (unsigned long long)c->queued_total, c->seg_bytes);
	fflush(stdout);
	host_net.traced = true;
}

/* how: "end" after the disconnect/reconnect callback, "refused" for a client over a limit. */
void host_trace_end(const uint8 *remote_ip, int remote_port, int host_port, const char *how)
{
	if (!host_net.trace)
		return;
	printf(HOST_TAG "trace %u.%u.%u.%u:%d on %d %s\n", remote_ip[0], remote_ip[1], remote_ip[2],
	       remote_ip[3], remote_port, host_port, how);
	fflush(stdout);
	host_net.traced = true;
}

void host_trace_idle(void)
{
	if (!host_net.traced)
		return;
	printf(HOST_TAG "trace idle\n");
	fflush(stdout);
	host_net.traced = false;
}
