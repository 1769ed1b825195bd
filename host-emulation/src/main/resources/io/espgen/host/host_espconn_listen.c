/*
 * host_espconn_listen.c - espconn_accept and espconn_delete, and accepting or refusing the clients
 * of a listener.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "host_espconn_internal.h"

#define HOST_LISTEN_BACKLOG 8
#define HOST_ACCEPT_BATCH 16

/* ---- listening ---- */

sint8 espconn_accept(struct espconn *espconn)
{
	struct host_listener *l;
	struct sockaddr_in sa;
	socklen_t salen = sizeof(sa);
	int fd, one = 1, mss = HOST_TCP_MSS, port;

	if (!espconn || espconn->type != ESPCONN_TCP || !espconn->proto.tcp)
		return ESPCONN_ARG;
	if (host_listener_of(espconn))
		host_misuse("espconn_accept called a second time on the listening espconn %p (port %d)",
			    (void *)espconn, espconn->proto.tcp->local_port);
	if (host_live_client(espconn, "espconn_accept"))
		return ESPCONN_ARG;
	port = espconn->proto.tcp->local_port;
	if (port <= 0 || port > 65535)
		return ESPCONN_ARG;
	for (l = host_net.listeners; l; l = l->next)
		if (l->fw_port == port)
			return ESPCONN_ISCONN;

	fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		host_fatal("socket: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	/* The chip's MSS, inherited by accepted sockets: segments and ACKs look like the chip's. */
	setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof(mss));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((uint16_t)host_port_for(port));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		host_fatal("cannot listen on 127.0.0.1:%d for firmware port %d: %s",
			   host_port_for(port), port, strerror(errno));
	if (listen(fd, HOST_LISTEN_BACKLOG) < 0)
		host_fatal("listen: %s", strerror(errno));
	getsockname(fd, (struct sockaddr *)&sa, &salen);

	l = host_xcalloc(1, sizeof(*l));
	l->id = host_net.next_id++;
	l->conn = espconn;
	l->fd = fd;
	l->fw_port = port;
	l->host_port = ntohs(sa.sin_port);
	l->idle_s = HOST_DEFAULT_IDLE_S;
	l->max_allow = host_net.max_con;	/* espconn_tcp.c: espconn_tcp_server sets count_opt = MEMP_NUM_TCP_PCB */
	l->next = host_net.listeners;
	host_net.listeners = l;
	espconn->state = ESPCONN_LISTEN;
	espconn->link_cnt = 0;
	printf(HOST_TAG "listening on 127.0.0.1:%d (firmware port %d)\n", l->host_port, port);
	fflush(stdout);
	return ESPCONN_OK;
}

sint8 espconn_delete(struct espconn *espconn)
{
	struct host_listener **pp, *l;

	if (!espconn)
		return ESPCONN_ARG;
	if (host_live_client(espconn, "espconn_delete"))
		return ESPCONN_ARG;
	for (pp = &host_net.listeners; *pp; pp = &(*pp)->next)
		if ((*pp)->conn == espconn)
			break;
	l = *pp;
	if (!l)
		return ESPCONN_ARG;
	/* As the SDK: every connection must be gone (its disconnect delivered) first. */
	if (l->live || l->undelivered)
		return ESPCONN_INPROGRESS;
	*pp = l->next;
	close(l->fd);
	espconn->state = ESPCONN_CLOSE;
	host_log("stopped listening on 127.0.0.1:%d (firmware port %d)", l->host_port, l->fw_port);
	free(l);
	return ESPCONN_OK;
}

static unsigned server_limit(const struct host_listener *l)
{
	return l->max_allow;
}

/* After the handshake, a reset: lwIP aborts a connection its accept callback turned down. */
static void refuse(struct host_listener *l, int fd, const struct sockaddr_in *sa, const char *why)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	uint32_t ip = ntohl(sa->sin_addr.s_addr);
	uint8 remote_ip[4] = { (uint8)(ip >> 24), (uint8)(ip >> 16), (uint8)(ip >> 8), (uint8)ip };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(fd);
	host_log("refused a connection from 127.0.0.1:%d to firmware port %d (%s): %u of %u connections "
		 "in use on this server, %u of %u in all", ntohs(sa->sin_port), l->fw_port, why,
		 l->live + l->undelivered, server_limit(l), host_net.live_total, (unsigned)host_net.max_con);
	host_trace_end(remote_ip, ntohs(sa->sin_port), l->host_port, "refused");
}

/* Sizes of the SDK's per-connection structs on the chip, with where the SDK allocates each. */
static const struct {
	size_t size;
	const char *where;
} sdk_conn_blocks[HOST_SDK_CONN_BLOCKS] = {
	{ 176, "tcp.c: tcp_alloc (struct tcp_pcb)" },
	{ 108, "espconn_tcp.c: espconn_tcp_accept (espconn_msg)" },
	{ 28, "espconn_tcp.c: espconn_tcp_accept (struct espconn)" },
	{ 32, "espconn_tcp.c: espconn_tcp_accept (esp_tcp)" },
};

static void accept_one(struct host_listener *l, int fd, const struct sockaddr_in *sa)
{
	void *blocks[HOST_SDK_CONN_BLOCKS];
	struct host_client *c;
	struct espconn *pcb;
	esp_tcp *tcp;
	int one = 1;
	uint32_t ip = ntohl(sa->sin_addr.s_addr);
	struct host_ctx_save save;
	espconn_connect_callback cb;
	int i;

	/* The SDK's own heap first: when it has none, espconn_tcp_accept returns ERR_MEM and lwIP aborts
	 * the new connection (RST); the firmware never hears of it. */
	for (i = 0; i < HOST_SDK_CONN_BLOCKS; i++) {
		blocks[i] = host_sdk_zalloc(sdk_conn_blocks[i].size, sdk_conn_blocks[i].where);
		if (!blocks[i]) {
			while (i > 0)
				vPortFree(blocks[--i], "espconn_tcp.c: espconn_tcp_accept", 0);
			refuse(l, fd, sa, "no heap for the connection");
			return;
		}
	}
	c = host_xcalloc(1, sizeof(*c));
	for (i = 0; i < HOST_SDK_CONN_BLOCKS; i++)
		c->sdk_blocks[i] = blocks[i];
	/* Two allocations, as the SDK's, so ASan tells which one a stale pointer hit. */
	pcb = host_xcalloc(1, sizeof(*pcb));
	tcp = host_xcalloc(1, sizeof(*tcp));
	host_forget_freed(pcb, sizeof(*pcb));
	host_forget_freed(tcp, sizeof(*tcp));

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));	/* Nagle is off on the chip */
	c->id = host_net.next_id++;
	c->srv = l;
	c->pcb = pcb;
	c->tcp = tcp;
	c->fd = fd;
	c->remote_ip[0] = (uint8)(ip >> 24);
	c->remote_ip[1] = (uint8)(ip >> 16);
	c->remote_ip[2] = (uint8)(ip >> 8);
	c->remote_ip[3] = (uint8)ip;
	c->remote_port = ntohs(sa->sin_port);
	c->idle_s = l->idle_s;
	c->last_rx_ms = host_now_ms();
	c->segs_tail = &c->segs;

	tcp->remote_port = c->remote_port;
	tcp->local_port = l->fw_port;
	memcpy(tcp->remote_ip, c->remote_ip, 4);
	tcp->local_ip[0] = 127;
	tcp->local_ip[3] = 1;
	tcp->connect_callback = l->conn->proto.tcp->connect_callback;
	tcp->reconnect_callback = l->conn->proto.tcp->reconnect_callback;
	tcp->disconnect_callback = l->conn->proto.tcp->disconnect_callback;
	/* espconn_copy_partial does not copy write_finish_fn: register it on the client */
	pcb->type = ESPCONN_TCP;
	pcb->state = ESPCONN_CONNECT;
	pcb->proto.tcp = tcp;
	pcb->recv_callback = l->conn->recv_callback;
	pcb->sent_callback = l->conn->sent_callback;
	pcb->reverse = l->conn->reverse;

	c->next = host_net.clients;
	host_net.clients = c;
	l->live++;
	host_net.live_total++;
	pcb->link_cnt = (uint8)(l->live + l->undelivered);
	l->conn->link_cnt = pcb->link_cnt;

	cb = tcp->connect_callback;
	if (cb) {
		host_ctx_enter(&save, HOST_CTX_ESPCONN, "connect callback");
		cb(pcb);
		host_ctx_leave(&save);
	}
	host_trace_client(c, "connect", -1);
}

void host_accept_ready(struct host_listener *l)
{
	int i;

	for (i = 0; i < HOST_ACCEPT_BATCH; i++) {
		struct sockaddr_in sa;
		socklen_t salen = sizeof(sa);
		int fd = accept4(l->fd, (struct sockaddr *)&sa, &salen, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				host_log("accept on firmware port %d: %s", l->fw_port, strerror(errno));
			return;
		}
		/* The stack refuses what is over the limit and the firmware never hears of it: at the server's
		 * max_con_allow espconn_tcp_accept returns ERR_ISCONN, counting the clients whose end is not
		 * delivered yet (espconn.c: espconn_get_connection_info), and lwIP resets the client. At the
		 * stack's MEMP_NUM_TCP_PCB the SDK drops the SYN instead (a known difference: the kernel has
		 * completed the handshake before the emulation sees the client). */
		if (l->live + l->undelivered >= server_limit(l) || host_net.live_total >= host_net.max_con) {
			refuse(l, fd, &sa, "over the limit");
			continue;
		}
		/* l outlives the connect callback: espconn_delete(l) refuses while a client is alive. */
		accept_one(l, fd, &sa);
	}
}
