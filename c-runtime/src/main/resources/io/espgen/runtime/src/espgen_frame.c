/*
 * espgen_frame.c - a framed server's receive path: buffer what arrives, cut it into frames, hand each to
 * on_frame, and pause while the send queue is above its mark.
 *
 * Backpressure, end to end: while the queue holds more than pause_above, frames wait in the buffer and
 * receiving is held (espgen_flow); each sent callback delivers more (espgen_on_sent). espconn_recv_hold only
 * stops crediting the window (espconn_tcp.c: espconn_recv_hold, espconn_server_recv), so after the receive
 * that paused delivery up to one window (TCP_WND) still arrives: the buffer, io.espgen.dsl.Limits.
 * frameBufferBytes, has room for an incomplete frame, that receive and a window. Delivery is paused only with
 * a frame waiting, and when it is not paused less than one frame waits.
 */
#include "espgen_frame.h"

static struct espgen_framer *ICACHE_FLASH_ATTR espgen_framer(const struct espgen_server *srv,
							    const struct espgen_conn *c)
{
	return &srv->framing->framers[espgen_conn_index(srv, c)];
}

static uint8 *ICACHE_FLASH_ATTR espgen_frame_buf(const struct espgen_server *srv, const struct espgen_conn *c)
{
	return srv->framing->bufs + (uint32)espgen_conn_index(srv, c) * srv->framing->buf_size;
}

/* The offset of the first delimiter in buf[from, len), or len when there is none. */
static uint16 ICACHE_FLASH_ATTR espgen_find_delim(const struct espgen_framing *fr, const uint8 *buf, uint16 from,
						  uint16 len)
{
	uint16 i;

	for (i = from; i + fr->delim_len <= len; i++) /* at most buf_size rounds */
		if (buf[i] == fr->delim[0] && os_memcmp(buf + i, fr->delim, fr->delim_len) == 0)
			return i;
	return len;
}

static uint32 ICACHE_FLASH_ATTR espgen_prefix(const uint8 *p, uint8 n)
{
	uint32 v = 0;
	uint8 i;

	for (i = 0; i < n; i++)
		v = (v << 8) | p[i];
	return v;
}

/* A frame over max_frame: drop it (the caller skips its bytes) or close the connection. Returns whether
 * delivery goes on. */
static bool ICACHE_FLASH_ATTR espgen_oversize(struct espgen_server *srv, struct espgen_conn *c)
{
	if (srv->framing->discard)
		return true;
	ESPGEN_LOG_PEER(ESPGEN_LOG_WARN, srv, c->remote_ip, c->remote_port, "frame too long, closing");
	espgen_close(srv, c);
	return false;
}

static void ICACHE_FLASH_ATTR espgen_call_oversize(struct espgen_server *srv, struct espgen_conn *c)
{
	if (srv->handlers->on_oversize != NULL)
		srv->handlers->on_oversize(srv, c);
}

static void ICACHE_FLASH_ATTR espgen_frame_deliver(struct espgen_server *srv, struct espgen_conn *c)
{
	const struct espgen_framing *fr = srv->framing;
	struct espgen_framer *f = espgen_framer(srv, c);
	uint8 *buf = espgen_frame_buf(srv, c);
	uint16 pos = 0; /* bytes of buf consumed */
	uint16 i;

	f->paused = 0;
	/* every round consumes bytes or ends the loop: at most buf_size rounds */
	while (pos < f->len) {
		uint16 avail = f->len - pos;
		uint16 end;
		uint32 n;

		if (c->state != ESPGEN_CONN_OPEN) {
			pos = f->len; /* what arrives after close() is dropped */
			break;
		}
		if (f->skip > 0) {
			n = f->skip < avail ? f->skip : avail;
			pos += (uint16)n;
			f->skip -= n;
			if (f->skip == 0)
				espgen_call_oversize(srv, c);
			continue;
		}
		if (f->discarding) {
			end = espgen_find_delim(fr, buf, pos, f->len);
			if (end == f->len) {
				/* keep what may be the start of the delimiter */
				if (avail >= fr->delim_len)
					pos = f->len - (fr->delim_len - 1);
				break;
			}
			pos = end + fr->delim_len;
			f->discarding = 0;
			espgen_call_oversize(srv, c);
			continue;
		}
		if (c->txq.queued > fr->pause_above) {
			f->paused = 1;
			break;
		}
		switch (fr->kind) {
		case ESPGEN_FRAME_DELIMITED:
			end = espgen_find_delim(fr, buf, pos + f->scanned, f->len);
			if (end == f->len) {
				if (avail < fr->max_frame + fr->delim_len) {
					/* incomplete: next time the search starts where this one stopped */
					f->scanned = avail >= fr->delim_len ? avail - (fr->delim_len - 1) : 0;
					goto out;
				}
				/* no delimiter where one had to be */
				if (!espgen_oversize(srv, c))
					continue;
				f->discarding = 1;
				f->scanned = 0;
				pos = f->len - (fr->delim_len - 1);
				goto out;
			}
			f->scanned = 0;
			if (end - pos > fr->max_frame) {
				if (!espgen_oversize(srv, c))
					continue;
				pos = end + fr->delim_len;
				espgen_call_oversize(srv, c);
				continue;
			}
			srv->handlers->on_frame(srv, c, buf + pos, end - pos);
			pos = end + fr->delim_len;
			break;
		case ESPGEN_FRAME_PREFIXED:
			if (avail < fr->prefix_len)
				goto out;
			n = espgen_prefix(buf + pos, fr->prefix_len);
			if (n > fr->max_frame) {
				if (!espgen_oversize(srv, c))
					continue;
				pos += fr->prefix_len;
				f->skip = n;
				continue;
			}
			if (avail < fr->prefix_len + n)
				goto out;
			srv->handlers->on_frame(srv, c, buf + pos + fr->prefix_len, (uint16)n);
			pos += fr->prefix_len + (uint16)n;
			break;
		default: /* ESPGEN_FRAME_FIXED */
			if (avail < fr->max_frame)
				goto out;
			srv->handlers->on_frame(srv, c, buf + pos, fr->max_frame);
			pos += fr->max_frame;
			break;
		}
	}
out:
	/* what is left moves to the buffer's start; forward, byte by byte: the ranges overlap */
	for (i = 0; pos > 0 && i < f->len - pos; i++)
		buf[i] = buf[pos + i];
	f->len -= pos;
}

static bool ICACHE_FLASH_ATTR espgen_frame_input(struct espgen_server *srv, struct espgen_conn *c, const uint8 *data,
					  uint16 len)
{
	struct espgen_framer *f = espgen_framer(srv, c);

	if (len > srv->framing->buf_size - f->len)
		return false;
	os_memcpy(espgen_frame_buf(srv, c) + f->len, data, len);
	f->len += len;
	espgen_frame_deliver(srv, c);
	return true;
}

static bool ICACHE_FLASH_ATTR espgen_frames_waiting(const struct espgen_server *srv, const struct espgen_conn *c)
{
	return espgen_framer(srv, c)->paused;
}

static void ICACHE_FLASH_ATTR espgen_frame_reset(struct espgen_server *srv, const struct espgen_conn *c)
{
	os_memset(espgen_framer(srv, c), 0, sizeof(struct espgen_framer));
}

const struct espgen_frame_ops espgen_frame_ops ICACHE_RODATA_ATTR __attribute__((aligned(4))) = {
	.input = espgen_frame_input,
	.deliver = espgen_frame_deliver,
	.waiting = espgen_frames_waiting,
	.reset = espgen_frame_reset,
};
