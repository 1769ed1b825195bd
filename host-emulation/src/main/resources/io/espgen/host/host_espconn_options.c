/*
 * host_espconn_options.c - espconn_set_opt, espconn_regist_time, the connection limits,
 * espconn_recv_hold/unhold, and the callback registrations.
 */
#define _GNU_SOURCE
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "host_espconn_internal.h"

#define HOST_OPTS_KNOWN (ESPCONN_REUSEADDR | ESPCONN_NODELAY | ESPCONN_COPY | ESPCONN_KEEPALIVE | \
			 ESPCONN_MANUALRECV)

/* ---- options, timeouts, limits, flow control ---- */

sint8 espconn_set_opt(struct espconn *espconn, uint8 opt)
{
	struct host_client *c;
	int on = 1;

	if (!espconn)
		return ESPCONN_ARG;
	c = host_live_client(espconn, "espconn_set_opt");
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

	/* espconn.c: espconn_regist_time checks only espconn and type_flag; 7200 s is the API reference's */
	if (!espconn || type_flag > 1)
		return ESPCONN_ARG;
	if (type_flag == 1) {
		/* One connection. */
		c = host_live_client(espconn, "espconn_regist_time");
		if (!c)
			return ESPCONN_ARG;
		c->idle_s = interval;
		return ESPCONN_OK;
	}
	host_live_client(espconn, "espconn_regist_time");
	/* All connections of a server; the SDK only knows the server after espconn_accept. */
	l = host_listener_of(espconn);
	if (!l)
		return ESPCONN_ARG;
	l->idle_s = interval;
	for (c = host_net.clients; c; c = c->next)
		if (c->srv == l)
			c->idle_s = interval;
	return ESPCONN_OK;
}

uint8 espconn_tcp_get_max_con(void)
{
	return host_net.max_con;
}

sint8 espconn_tcp_set_max_con(uint8 num)
{
	if (num < 1 || num > HOST_MAX_MAX_CON)
		return ESPCONN_ARG;
	host_net.max_con = num;
	return ESPCONN_OK;
}

sint8 espconn_tcp_set_max_con_allow(struct espconn *espconn, uint8 num)
{
	struct host_listener *l;

	/* espconn.c: espconn_tcp_set_max_con_allow refuses only num > MEMP_NUM_TCP_PCB; 0 is taken, and
	 * then espconn_tcp_accept turns every client down (link_cnt == 0 == count_opt) */
	if (!espconn || num > host_net.max_con)
		return ESPCONN_ARG;
	host_live_client(espconn, "espconn_tcp_set_max_con_allow");
	l = host_listener_of(espconn);
	if (!l)
		return ESPCONN_ARG;
	l->max_allow = num;
	return ESPCONN_OK;
}

/*
 * The SDK's hold only stops re-opening the TCP window: what the window already admits (up to TCP_WND,
 * which is why Espressif recommends keeping 5 x 1460 bytes in reserve) still reaches the recv callback.
 * The emulation delivers that worst case, a whole window, before it stops reading. What arrives while
 * held is not credited until the unhold (espconn_tcp.c: espconn_recv_hold, espconn_recv_unhold: tcp_recved
 * of recv_holded_buf_Len); a close meanwhile resets (host_client_end).
 */
static sint8 hold(struct espconn *espconn, bool on, const char *fn)
{
	struct host_client *c;

	if (!espconn)
		return ESPCONN_ARG;
	c = host_live_client(espconn, fn);
	if (!c)
		return ESPCONN_ARG;
	if (on && !c->held) {
		c->hold_budget = HOST_TCP_WND;
		c->held_len = 0;
	}
	if (!on)
		c->held_len = 0;
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
	host_live_client(espconn, fn);
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
	host_live_client(espconn, "espconn_regist_recvcb");
	espconn->recv_callback = recv_cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_sentcb(struct espconn *espconn, espconn_sent_callback sent_cb)
{
	if (!espconn)
		return ESPCONN_ARG;
	host_live_client(espconn, "espconn_regist_sentcb");
	espconn->sent_callback = sent_cb;
	return ESPCONN_OK;
}
