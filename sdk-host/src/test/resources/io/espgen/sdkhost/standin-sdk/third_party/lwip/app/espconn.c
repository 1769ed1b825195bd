/*
 * app/espconn.c of the stand-in SDK (sdk-host tests): the espconn calls espgen's firmware makes, over the stand-in
 * TCP (core/tcp.c). A new espconn per client with the listener's callbacks and reverse; recv gets a heap copy freed
 * after the callback; sent comes when everything sent is acknowledged; the end callbacks get the listening espconn
 * and are posted to espconn_Task at priority 26, as the real espconn does. Not a model of the SDK's behaviour.
 */
#include "lwip/standin.h"

void *pvPortZalloc(size_t size, const char *file, unsigned line);
void vPortFree(void *p, const char *file, unsigned line);
int ets_post(uint8 prio, ETSSignal sig, ETSParam par);

#define PRIO 26
#define SIG_CLOSE 1
#define SIG_ERROR 2

struct client {
	struct espconn esp;
	esp_tcp tcp;
	struct espconn *listen;
	struct standin_conn *conn;
	int sending;
	int closing;
	sint8 err;
};

static uint8 max_con = 5;
static struct client *clients[32];

static void forget(struct client *cl)
{
	for (int i = 0; i < 32; i++) {
		if (clients[i] == cl)
			clients[i] = NULL;
	}
}


static void copy_to_listener(struct client *cl)
{
	struct espconn *l = cl->listen;
	ets_memcpy(l->proto.tcp->remote_ip, cl->tcp.remote_ip, 4);
	l->proto.tcp->remote_port = cl->tcp.remote_port;
	l->reverse = cl->esp.reverse;
	l->state = ESPCONN_CLOSE;
}

void standin_espconn_task(os_event_t *e)
{
	struct client *cl = (struct client *)e->par;
	struct espconn *l = cl->listen;

	copy_to_listener(cl);
	if (e->sig == SIG_ERROR) {
		if (l->proto.tcp->reconnect_callback)
			l->proto.tcp->reconnect_callback(l, cl->err);
	} else if (l->proto.tcp->disconnect_callback) {
		l->proto.tcp->disconnect_callback(l);
	}
	forget(cl);
	vPortFree(cl, "", __LINE__);
}

static void end(struct client *cl, int sig, sint8 err)
{
	if (cl->closing)
		return;
	cl->closing = 1;
	cl->err = err;
	cl->conn = NULL;
	ets_post(PRIO, (ETSSignal)sig, (ETSParam)cl);
}

static void accept_client(struct standin_conn *c, struct espconn *listen)
{
	int slot = -1;
	for (int i = 0; i < 32 && slot < 0; i++) {
		if (clients[i] == NULL)
			slot = i;
	}
	struct client *cl = slot < 0 ? NULL : pvPortZalloc(sizeof(*cl), "", __LINE__);
	if (cl == NULL) {
		standin_close(c, 1);
		return;
	}
	clients[slot] = cl;
	cl->listen = listen;
	cl->conn = c;
	cl->esp.type = ESPCONN_TCP;
	cl->esp.state = ESPCONN_CONNECT;
	cl->esp.proto.tcp = &cl->tcp;
	cl->tcp = *listen->proto.tcp;
	cl->tcp.write_finish_fn = NULL;
	cl->esp.recv_callback = listen->recv_callback;
	cl->esp.sent_callback = listen->sent_callback;
	cl->esp.reverse = listen->reverse;
	int port;
	standin_peer(c, cl->tcp.remote_ip, &port);
	cl->tcp.remote_port = port;
	standin_set_arg(c, cl);
	if (cl->tcp.connect_callback)
		cl->tcp.connect_callback(&cl->esp);
}

/* the listener's function: core/tcp.c calls it for every event of its connections */
static void on_event(struct standin_conn *c, int what, const u8_t *data, u16_t len)
{
	struct client *cl = standin_arg(c);

	if (what == STANDIN_ESTABLISHED) {
		if (cl == NULL)
			accept_client(c, standin_listener_arg(c));
		return;
	}
	if (cl == NULL)
		return;
	switch (what) {
	case STANDIN_DATA: {
		char *copy = pvPortZalloc(len + 1u, "", __LINE__);
		if (copy == NULL)
			return;
		ets_memcpy(copy, data, len);
		if (cl->esp.recv_callback)
			cl->esp.recv_callback(&cl->esp, copy, len);
		vPortFree(copy, "", __LINE__);
		break;
	}
	case STANDIN_ACKED:
		if (cl->sending) {
			cl->sending = 0;
			if (cl->esp.sent_callback)
				cl->esp.sent_callback(&cl->esp);
		}
		break;
	case STANDIN_PEER_FIN:
		standin_close(c, 0);
		end(cl, SIG_CLOSE, 0);
		break;
	case STANDIN_RESET:
		end(cl, SIG_ERROR, ESPCONN_RST);
		break;
	default:
		break;
	}
}

/* ---- the calls ---- */

sint8 espconn_accept(struct espconn *espconn)
{
	if (espconn == NULL || espconn->type != ESPCONN_TCP || espconn->proto.tcp == NULL)
		return ESPCONN_ARG;
	for (struct tcp_pcb_listen *l = tcp_listen_pcbs.listen_pcbs; l; l = l->next) {
		if (l->local_port == espconn->proto.tcp->local_port)
			return ESPCONN_ISCONN;
	}
	if (standin_listen((u16_t)espconn->proto.tcp->local_port, espconn, on_event) == NULL)
		return ESPCONN_MEM;
	espconn->state = ESPCONN_LISTEN;
	return ESPCONN_OK;
}

static struct client *client_of(struct espconn *espconn)
{
	for (int i = 0; i < 32; i++) {
		if (clients[i] && &clients[i]->esp == espconn)
			return clients[i];
	}
	return NULL;
}

sint8 espconn_send(struct espconn *espconn, uint8 *psent, uint16 length)
{
	struct client *cl = client_of(espconn);
	if (cl == NULL || psent == NULL || length == 0 || cl->conn == NULL)
		return ESPCONN_ARG;
	if (cl->sending)
		return ESPCONN_MAXNUM;
	cl->sending = 1;
	standin_write(cl->conn, psent, length);
	return ESPCONN_OK;
}

sint8 espconn_disconnect(struct espconn *espconn)
{
	struct client *cl = client_of(espconn);
	if (cl == NULL || cl->conn == NULL)
		return ESPCONN_ARG;
	standin_close(cl->conn, 0);
	end(cl, SIG_CLOSE, 0);
	return ESPCONN_OK;
}

sint8 espconn_abort(struct espconn *espconn)
{
	struct client *cl = client_of(espconn);
	if (cl == NULL || cl->conn == NULL)
		return ESPCONN_ARG;
	standin_close(cl->conn, 1);
	end(cl, SIG_CLOSE, 0);
	return ESPCONN_OK;
}

sint8 espconn_delete(struct espconn *espconn)
{
	return espconn ? ESPCONN_OK : ESPCONN_ARG;
}

sint8 espconn_regist_connectcb(struct espconn *e, espconn_connect_callback cb)
{
	e->proto.tcp->connect_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_recvcb(struct espconn *e, espconn_recv_callback cb)
{
	e->recv_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_sentcb(struct espconn *e, espconn_sent_callback cb)
{
	e->sent_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_reconcb(struct espconn *e, espconn_reconnect_callback cb)
{
	e->proto.tcp->reconnect_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_disconcb(struct espconn *e, espconn_connect_callback cb)
{
	e->proto.tcp->disconnect_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_write_finish(struct espconn *e, espconn_connect_callback cb)
{
	e->proto.tcp->write_finish_fn = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_time(struct espconn *e, uint32 interval, uint8 type_flag)
{
	(void)interval;
	return e && type_flag <= 1 ? ESPCONN_OK : ESPCONN_ARG;
}

uint8 espconn_tcp_get_max_con(void)
{
	return max_con;
}

sint8 espconn_tcp_set_max_con(uint8 num)
{
	if (num == 0 || num > 15)
		return ESPCONN_ARG;
	max_con = num;
	MEMP_NUM_TCP_PCB = num;
	return ESPCONN_OK;
}

sint8 espconn_tcp_set_max_con_allow(struct espconn *e, uint8 num)
{
	return e && num <= MEMP_NUM_TCP_PCB ? ESPCONN_OK : ESPCONN_ARG;
}

sint8 espconn_set_opt(struct espconn *e, uint8 opt)
{
	(void)opt;
	return e ? ESPCONN_OK : ESPCONN_ARG;
}

sint8 espconn_recv_hold(struct espconn *e)
{
	return e ? ESPCONN_OK : ESPCONN_ARG;
}

sint8 espconn_recv_unhold(struct espconn *e)
{
	return e ? ESPCONN_OK : ESPCONN_ARG;
}
