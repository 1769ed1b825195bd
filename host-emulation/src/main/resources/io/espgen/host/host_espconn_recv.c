/*
 * host_espconn_recv.c - reading from a client's socket and handing what was read to the recv callback.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "host_espconn_internal.h"

/* ---- receiving ---- */

/* Whether the loop should read from c: a held connection still takes what its window let in. */
bool host_wants_input(const struct host_client *c)
{
	return !c->fin_received && (!c->held || c->hold_budget > 0);
}

/*
 * The peer's FIN: espconn_tcp.c: espconn_server_recv closes at once (espconn_server_close: tcp_close, then
 * tcp_sent(pcb, NULL)): lwIP sends what it holds, then its FIN, and the rest of what the firmware queued is never
 * sent; the disconnect callback follows. With receive held and bytes not credited that close is a reset
 * (host_client_end). But tcp_close fails with ERR_MEM when lwIP cannot queue its FIN (host_send_buffer_full), and
 * espconn_server_close then leaves the connection as it was: sends and sent callbacks go on, and
 * espconn_server_poll, once a second, closes again (a connection no longer ESTABLISHED). Returns false when c
 * ended.
 */
bool host_peer_fin(struct host_client *c)
{
	if (!(c->held && c->held_len > 0) && host_send_buffer_full(c)) {
		if (!c->fin_received)
			host_log("the peer of 127.0.0.1:%d on firmware port %d ended its stream; lwIP cannot queue its "
				 "own FIN (send buffer full): closing again in 1 s (espconn_tcp.c: espconn_server_close, "
				 "espconn_server_poll)", c->remote_port, c->srv->fw_port);
		c->fin_received = true;
		c->fin_retry_ms = host_now_ms() + HOST_POLL_MS;
		return true;
	}
	host_client_end(c, false, ESPCONN_OK, false);
	return false;
}

/* Reads one segment's worth and hands it to the firmware. Returns false when the client ended. */
bool host_read_one(struct host_client *c)
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
		host_client_fail(c, errno);
		return false;
	}
	if (n == 0)
		return host_peer_fin(c);
	c->last_rx_ms = host_now_ms();
	c->received_total += (uint64_t)n;
	/* espconn_tcp.c: espconn_server_recv credits the window at once (tcp_recved) unless receive is held,
	 * when it counts what it would have credited (recv_holded_buf_Len) */
	if (c->held) {
		c->hold_budget -= (unsigned)n;
		c->held_len += (unsigned)n;
	}
	/* The SDK's copy, from the firmware's heap: len + 1 bytes, NUL-terminated, freed as soon as the
	 * callback returns. Without heap the data is lost, its window already credited. */
	pdata = host_sdk_zalloc((size_t)n + 1, "espconn_tcp.c: espconn_server_recv");
	if (!pdata) {
		host_log("no heap to copy %zd received bytes from 127.0.0.1:%d: dropped, as the SDK drops them "
			 "(espconn_tcp.c: espconn_server_recv)", n, c->remote_port);
		host_trace_client(c, "dropped", (long)n);
		return true;
	}
	memcpy(pdata, buf, (size_t)n);
	c->pcb->state = ESPCONN_READ;
	cb = c->pcb->recv_callback;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "recv callback");
		cb(c->pcb, pdata, (unsigned short)n);
		host_ctx_leave(&save);
	}
	vPortFree(pdata, "espconn_tcp.c: espconn_server_recv", 0);
	if (!c->closing && c->pcb->state == ESPCONN_READ)
		c->pcb->state = c->segs ? ESPCONN_WRITE : ESPCONN_CONNECT;
	host_trace_client(c, "recv", (long)n);
	return true;
}
