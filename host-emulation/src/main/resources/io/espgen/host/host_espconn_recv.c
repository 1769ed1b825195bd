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
	return !c->held || c->hold_budget > 0;
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
	if (n == 0) {
		/* The peer's FIN: the SDK closes its side and reports a disconnect. */
		host_client_end(c, false, ESPCONN_OK, false);
		return false;
	}
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
