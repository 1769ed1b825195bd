/*
 * host_espconn_send.c - espconn_send, writing sends to the socket, and releasing them once the peer
 * has acknowledged them, with the sent callback after the last.
 *
 * The pace is lwIP's: espconn_tcp.c: espconn_tcp_sent writes at most tcp_sndbuf (TCP_SND_BUF, 2 x MSS
 * in all) of a buffer and keeps a pointer to the rest, and every ACK writes more (espconn_tcp_finish ->
 * espconn_tcp_write), so no more than TCP_SND_BUF bytes are ever in flight, whatever the buffer's length;
 * the sent callback comes once the peer has acknowledged the whole buffer. The kernel's SIOCOUTQ
 * (unacknowledged plus unsent) stands for what lwIP has in flight.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sockios.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "host_espconn_internal.h"

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
		host_log("injected failure: espconn_send #%lu (%u bytes) returns ESPCONN_MEM", host_net.send_calls,
			 (unsigned)length);
		return ESPCONN_MEM;
	}
	copy = c->opts & ESPCONN_COPY;
	/* espconn.c: espconn_send takes up to 65535 bytes (a uint16); ESPCONN_COPY copies into the send
	 * buffer, so there one send is at most TCP_SND_BUF */
	if (!psent || !length || (copy && length > HOST_TCP_SND_BUF))
		return ESPCONN_ARG;

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
	s->sdk_buf = host_sdk_zalloc(HOST_SDK_ESPCONN_BUF, "espconn.c: espconn_send (espconn_buf)");
	if (!s->sdk_buf) {
		free(s);
		return ESPCONN_MEM;
	}
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

void host_seg_release(struct host_seg *s)
{
	vPortFree(s->sdk_buf, "espconn_tcp.c: espconn_tcp_finish", 0);
	free(s->copy);
	free(s);
}

/* Bytes the kernel holds for c, unacknowledged or unsent: lwIP's in flight. */
static unsigned in_flight(const struct host_client *c)
{
	int outq = 0;

	if (ioctl(c->fd, SIOCOUTQ, &outq) < 0 || outq < 0)
		return 0;
	return (unsigned)outq;
}

/*
 * Whether lwIP could not queue a FIN now: tcp_send_fin puts it on the last unsent segment, else in a segment of
 * its own, which needs a byte of send buffer (tcp_out.c: tcp_enqueue_flags returns ERR_MEM at snd_buf == 0). So a
 * FIN waits while TCP_SND_BUF bytes are in flight and none of them is still unsent (SIOCOUTQNSD).
 */
bool host_send_buffer_full(const struct host_client *c)
{
	int unsent = 0;

	if (in_flight(c) < HOST_TCP_SND_BUF)
		return false;
	return ioctl(c->fd, SIOCOUTQNSD, &unsent) == 0 && unsent == 0;
}

bool host_can_write(const struct host_client *c)
{
	return host_has_unwritten(c) && in_flight(c) < HOST_TCP_SND_BUF;
}

bool host_has_unwritten(const struct host_client *c)
{
	const struct host_seg *s;

	for (s = c->segs; s; s = s->next)
		if (s->written < s->len)
			return true;
	return false;
}

/* Writes what the stack may have in flight. Returns 0, or the errno that ended the connection. */
int host_write_some(struct host_client *c)
{
	struct host_seg *s;
	unsigned flight = in_flight(c);

	for (s = c->segs; s; s = s->next) {
		while (s->written < s->len && flight < HOST_TCP_SND_BUF) {
			size_t room = HOST_TCP_SND_BUF - flight;
			size_t want = (size_t)(s->len - s->written) < room ? (size_t)(s->len - s->written) : room;
			ssize_t n = send(c->fd, s->data + s->written, want, MSG_NOSIGNAL | MSG_DONTWAIT);

			if (n < 0) {
				if (errno == EINTR)
					continue;
				if (errno == EAGAIN || errno == EWOULDBLOCK)
					return 0;
				return errno;
			}
			s->written = (uint16)(s->written + n);
			c->written_total += (uint64_t)n;
			flight += (unsigned)n;
		}
	}
	return 0;
}

/* Before a graceful close: lwIP's tcp_close sends what it was given after the FIN is queued, so the
 * kernel takes everything left, past the in-flight limit. */
void host_flush_writes(struct host_client *c)
{
	struct host_seg *s;

	for (s = c->segs; s; s = s->next) {
		while (s->written < s->len) {
			ssize_t n = send(c->fd, s->data + s->written, s->len - s->written,
					 MSG_NOSIGNAL | MSG_DONTWAIT);

			if (n <= 0)
				return;
			s->written = (uint16)(s->written + n);
			c->written_total += (uint64_t)n;
		}
	}
}

/* Releases the acknowledged sends and writes more; when the last one goes, the sent callback runs.
 * Returns 0, or the errno that ended the connection. */
int host_check_acks(struct host_client *c)
{
	int outq = 0;
	uint64_t acked;
	bool released = false;
	struct host_ctx_save save;
	espconn_sent_callback cb;

	if (!c->segs || c->closing)
		return 0;
	if (ioctl(c->fd, SIOCOUTQ, &outq) < 0)
		return 0;
	acked = c->written_total - (uint64_t)outq;
	if (acked > c->acked_total) {
		/* an acknowledged send restarts the idle count (espconn_tcp.c: espconn_server_sent) */
		c->acked_total = acked;
		c->last_rx_ms = host_now_ms();
	}
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
		host_seg_release(s);
		released = true;
	}
	if (c->segs)
		return host_write_some(c);
	if (!released)
		return 0;
	c->pcb->state = ESPCONN_CONNECT;
	cb = c->pcb->sent_callback;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "sent callback");
		cb(c->pcb);
		host_ctx_leave(&save);
	}
	host_trace_client(c, "sent", -1);
	return 0;
}
