/*
 * host_espconn_events.c - the SDK's own deferred events, run by the loop before each firmware task:
 * a queued close carried out, an ESPCONN_COPY write finish, a client's end told to its listener.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "host_espconn_internal.h"

/* ---- deferred SDK events ---- */

static void deliver_end(struct host_ev *ev)
{
	struct host_listener *srv = ev->srv;
	struct espconn *l = srv->conn;
	struct host_ctx_save save;

	esp_tcp *tcp = ev->pcb->proto.tcp ? ev->pcb->proto.tcp : ev->tcp;
	int i;
	int host_port = srv->host_port;

	srv->undelivered--;
	l->link_cnt = (uint8)(srv->live + srv->undelivered);
	l->state = ESPCONN_CLOSE;
	l->proto.tcp->remote_port = ev->remote_port;
	memcpy(l->proto.tcp->remote_ip, ev->remote_ip, 4);
	l->proto.tcp->local_port = srv->fw_port;
	l->proto.tcp->local_ip[0] = 127;
	l->proto.tcp->local_ip[1] = 0;
	l->proto.tcp->local_ip[2] = 0;
	l->proto.tcp->local_ip[3] = 1;
	/* espconn_copy_partial, at callback time as the SDK's task does it */
	l->reverse = ev->pcb->reverse;
	l->recv_callback = ev->pcb->recv_callback;
	l->sent_callback = ev->pcb->sent_callback;
	l->proto.tcp->connect_callback = tcp->connect_callback;
	l->proto.tcp->reconnect_callback = tcp->reconnect_callback;
	l->proto.tcp->disconnect_callback = tcp->disconnect_callback;
	/* srv may be deleted by the callback (espconn_delete): not touched after it. */
	if (ev->error) {
		espconn_reconnect_callback cb = l->proto.tcp->reconnect_callback;

		if (cb) {
			host_ctx_enter(&save, HOST_CTX_ESPCONN, "reconnect callback");
			cb(l, ev->err);
			host_ctx_leave(&save);
		}
	} else {
		espconn_connect_callback cb = l->proto.tcp->disconnect_callback;

		if (cb) {
			host_ctx_enter(&save, HOST_CTX_ESPCONN, "disconnect callback");
			cb(l);
			host_ctx_leave(&save);
		}
	}
	/* espconn_tcp_memp_free: the per-client espconn goes after the callback */
	host_net.freed[host_net.freed_next] = ev->pcb;
	host_net.freed_next = (host_net.freed_next + 1) % HOST_FREED_RING;
	free(ev->tcp);
	free(ev->pcb);
	for (i = 0; i < HOST_SDK_CONN_BLOCKS; i++)
		vPortFree(ev->sdk_blocks[i], "espconn_tcp.c: espconn_tcp_memp_free", 0);
	host_trace_end(ev->remote_ip, ev->remote_port, host_port, "end");
}

static void run_close(struct host_ev *ev)
{
	struct host_client *c = host_client_by_id(ev->client_id);

	if (!c)
		return;
	/* A graceful close still delivers what was handed to espconn_send, as lwIP's tcp_close does;
	 * an abort drops it and resets the connection. */
	if (!ev->abort)
		host_flush_writes(c);
	host_client_end(c, false, ESPCONN_OK, ev->abort);
}

static void run_write_finish(struct host_ev *ev)
{
	struct host_client *c = host_client_by_id(ev->client_id);
	struct host_ctx_save save;
	espconn_connect_callback cb;

	if (!c)
		return;
	c->copy_pending = false;
	if (c->closing || !c->pcb->proto.tcp)
		return;
	cb = c->pcb->proto.tcp->write_finish_fn;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "write finish callback");
		cb(c->pcb);
		host_ctx_leave(&save);
	}
	host_trace_client(c, "write-finish", -1);
}

int host_espconn_run_deferred(int budget)
{
	int n = 0;

	/* Events posted by these callbacks (a write finish that sends again) run in the same round, as
	 * the SDK's own higher-priority task drains its queue before a firmware task runs. */
	while (n < budget && host_net.ev_head) {
		struct host_ev *ev = host_net.ev_head;

		host_net.ev_head = ev->next;
		if (!host_net.ev_head)
			host_net.ev_tail = &host_net.ev_head;
		switch (ev->kind) {
		case HOST_EV_CLOSE:
			run_close(ev);
			break;
		case HOST_EV_WRITE_FINISH:
			run_write_finish(ev);
			break;
		case HOST_EV_END:
			deliver_end(ev);
			break;
		}
		free(ev);
		n++;
	}
	return n;
}
