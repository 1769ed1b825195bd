/*
 * host_espconn_send.c - espconn_send, writing sends to the socket, and releasing them once the peer
 * has acknowledged them, with the sent callback after the last.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sockios.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "host_espconn.h"

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
	c = host_live_client(espconn, "espconn_send");
	if (!c) {
		if (host_listener_of(espconn))
			host_misuse("espconn_send on the listening espconn %p: pass the per-client "
				    "espconn of the connect/recv/sent callback", (void *)espconn);
		host_misuse("espconn_send on an unknown espconn %p (never handed out by the SDK)",
			    (void *)espconn);
	}
	if (c->closing)
		host_misuse("espconn_send on a closed espconn %p (espconn_disconnect/abort was already "
			    "called on it)", (void *)espconn);
	host_net.send_calls++;
	if (host_net.send_fail_at && host_net.send_calls == host_net.send_fail_at) {
		host_log("injected failure: espconn_send #%lu returns ESPCONN_MEM", host_net.send_calls);
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
		host_post(ev);
	}
	return ESPCONN_OK;
}

bool host_has_unwritten(const struct host_client *c)
{
	const struct host_seg *s;

	for (s = c->segs; s; s = s->next)
		if (s->written < s->len)
			return true;
	return false;
}

/* Writes what the socket takes. Returns 0, or the errno that ended the connection. */
int host_write_some(struct host_client *c)
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
void host_flush_writes(struct host_client *c)
{
	host_write_some(c);
}

/* Releases the acknowledged sends; when the last one goes, the sent callback runs. */
void host_check_acks(struct host_client *c)
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
