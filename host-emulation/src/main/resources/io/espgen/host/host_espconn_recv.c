/*
 * host_espconn_recv.c - reading from a client's socket and handing what was read to the recv callback.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "host_espconn.h"

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
