/*
 * send_fw.c - sending, on two servers.
 *
 * Port 7200, the default mode (no copy): on connect it sends "hello\n" and at once tries a second send
 * (which must be refused with ESPCONN_MAXNUM). "bulk N" then streams N chunks of 2920 bytes, each sent
 * from the sent callback of the one before, and prints the acknowledged total at every sent callback.
 *
 * Port 7201, ESPCONN_COPY: "copy TOTAL CHUNK" streams TOTAL bytes in sends of CHUNK bytes, the next
 * one from the write-finish callback, until the write buffer is full (ESPCONN_MAXNUM), then resumes
 * from the sent callback. The source buffer is scribbled over after every send, to prove the copy.
 *
 * Both streams carry byte (offset % 251) at every offset, for the client to check.
 */
#include "fw_common.h"

#define CHUNK 2920

static struct espconn nocopy_listen, copy_listen;
static esp_tcp nocopy_tcp, copy_tcp;
static uint8 hello[] = "hello\n";
static uint8 chunk[CHUNK];

static struct {
	struct espconn *pcb;
	int active;
	unsigned left;		/* chunks still to send */
	unsigned total;		/* bytes acknowledged */
	unsigned inflight;
} bulk;

static struct {
	struct espconn *pcb;
	unsigned total;
	unsigned size;		/* bytes per send */
	unsigned off;		/* bytes accepted by espconn_send */
	unsigned acked_off;	/* off at the last sent callback */
	unsigned write_finish;
	unsigned sends;
	unsigned fulls;
	unsigned sent_cbs;
	int stalled;
	int done;
} cp;

static void fill(uint8 *buf, unsigned off, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		buf[i] = (uint8)((off + i) % 251);
}

static unsigned parse_uint(const char **s)
{
	unsigned v = 0;

	while (**s == ' ')
		(*s)++;
	while (**s >= '0' && **s <= '9')
		v = v * 10 + (unsigned)(*(*s)++ - '0');
	return v;
}

/* ---- port 7200: no copy ---- */

static void nocopy_connect(void *arg)
{
	sint8 r1, r2;

	bulk.pcb = arg;
	bulk.active = 0;
	r1 = espconn_send(arg, hello, 6);
	r2 = espconn_send(arg, hello, 6);
	os_printf("hello ret=%d second ret=%d\n", r1, r2);
}

static void bulk_next(void)
{
	sint8 ret;

	fill(chunk, bulk.total, CHUNK);
	ret = espconn_send(bulk.pcb, chunk, CHUNK);
	if (ret != ESPCONN_OK) {
		os_printf("bulk send ret=%d\n", ret);
		return;
	}
	bulk.left--;
	bulk.inflight = CHUNK;
}

static void nocopy_recv(void *arg, char *pdata, unsigned short len)
{
	const char *p = pdata + 4;

	(void)arg;
	if (fw_is(pdata, len, "bulk")) {
		bulk.active = 1;
		bulk.left = parse_uint(&p);
		bulk.total = 0;
		bulk_next();
	}
}

static void nocopy_sent(void *arg)
{
	(void)arg;
	if (!bulk.active) {
		os_printf("hello sent\n");
		return;
	}
	bulk.total += bulk.inflight;
	bulk.inflight = 0;
	os_printf("acked total=%u\n", bulk.total);
	if (bulk.left)
		bulk_next();
	else
		os_printf("bulk done total=%u\n", bulk.total);
}

/* ---- port 7201: ESPCONN_COPY ---- */

static void copy_pump(void)
{
	static uint8 scratch[CHUNK];
	unsigned n;
	sint8 ret;

	if (cp.off >= cp.total || cp.stalled)
		return;
	n = cp.total - cp.off < cp.size ? cp.total - cp.off : cp.size;
	fill(scratch, cp.off, n);
	ret = espconn_send(cp.pcb, scratch, (uint16)n);
	if (ret == ESPCONN_OK) {
		cp.sends++;
		if (cp.sends == 1)
			os_printf("pending ret=%d\n", espconn_send(cp.pcb, scratch, (uint16)n));
		cp.off += n;
		os_memset(scratch, 0xEE, sizeof(scratch));
	} else if (ret == ESPCONN_MAXNUM) {
		cp.fulls++;
		cp.stalled = 1;
		if (cp.fulls == 1)
			os_printf("full queued=%u\n", cp.off - cp.acked_off);
	} else {
		os_printf("copy send ret=%d\n", ret);
	}
}

static void copy_write_finish(void *arg)
{
	(void)arg;
	cp.write_finish++;
	copy_pump();
}

static void copy_connect(void *arg)
{
	cp.pcb = arg;
	os_printf("copy opt ret=%d write_finish ret=%d\n", espconn_set_opt(arg, ESPCONN_COPY),
		  espconn_regist_write_finish(arg, copy_write_finish));
}

static void copy_recv(void *arg, char *pdata, unsigned short len)
{
	const char *p = pdata + 4;

	(void)arg;
	if (fw_is(pdata, len, "copy")) {
		cp.total = parse_uint(&p);
		cp.size = parse_uint(&p);
		cp.off = cp.acked_off = 0;
		copy_pump();
	}
}

static void copy_sent(void *arg)
{
	(void)arg;
	cp.sent_cbs++;
	cp.acked_off = cp.off;
	cp.stalled = 0;
	if (cp.off >= cp.total && !cp.done) {
		cp.done = 1;
		os_printf("copy done total=%u sends=%u write_finish=%u fulls=%u\n", cp.off, cp.sends,
			  cp.write_finish, cp.fulls);
		return;
	}
	copy_pump();
}

static void on_disconnect(void *arg)
{
	os_printf("disconnect port=%d\n", ((struct espconn *)arg)->proto.tcp->remote_port);
}

static void on_reconnect(void *arg, sint8 err)
{
	os_printf("reconnect port=%d err=%d\n", ((struct espconn *)arg)->proto.tcp->remote_port, err);
}

void user_pre_init(void)
{
	fw_register_partitions();
}

void user_init(void)
{
	fw_listen(&nocopy_listen, &nocopy_tcp, 7200, nocopy_connect, nocopy_recv, nocopy_sent,
		  on_disconnect, on_reconnect);
	fw_listen(&copy_listen, &copy_tcp, 7201, copy_connect, copy_recv, copy_sent, on_disconnect,
		  on_reconnect);
}
