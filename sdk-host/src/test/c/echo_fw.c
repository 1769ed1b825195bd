/*
 * echo_fw.c - a test firmware for the SDK stack's plumbing: greets each client with "hello\n" and echoes what it
 * sends, one send in flight (the next from the sent callback); logs connect, disconnect and error. Port 7000.
 */
#include "fw_start.h"

static struct espconn listener;
static esp_tcp listener_tcp;
static uint8 pending[4096];
static uint16 pending_len;
static int in_flight;
static struct espconn *client;

static void flush(void)
{
	static uint8 sending[4096];
	if (in_flight || pending_len == 0 || client == NULL)
		return;
	os_memcpy(sending, pending, pending_len);
	if (espconn_send(client, sending, pending_len) == ESPCONN_OK) {
		in_flight = 1;
		pending_len = 0;
	}
}

static void on_recv(void *arg, char *data, unsigned short len)
{
	client = arg;
	if (pending_len + len <= sizeof(pending)) {
		os_memcpy(pending + pending_len, data, len);
		pending_len = (uint16)(pending_len + len);
	}
	flush();
}

static void on_sent(void *arg)
{
	client = arg;
	in_flight = 0;
	flush();
}

static void on_connect(void *arg)
{
	struct espconn *c = arg;
	client = c;
	in_flight = 0;
	pending_len = 0;
	os_printf("echo: connect %d\n", c->proto.tcp->remote_port);
	os_memcpy(pending, "hello\n", 6);
	pending_len = 6;
	flush();
}

static void on_disconnect(void *arg)
{
	struct espconn *l = arg;
	client = NULL;
	os_printf("echo: disconnect %d\n", l->proto.tcp->remote_port);
}

static void on_error(void *arg, sint8 err)
{
	struct espconn *l = arg;
	client = NULL;
	os_printf("echo: error %d from %d\n", err, l->proto.tcp->remote_port);
}

void user_init(void)
{
	listener.type = ESPCONN_TCP;
	listener.proto.tcp = &listener_tcp;
	listener_tcp.local_port = 7000;
	espconn_regist_connectcb(&listener, on_connect);
	espconn_regist_recvcb(&listener, on_recv);
	espconn_regist_sentcb(&listener, on_sent);
	espconn_regist_disconcb(&listener, on_disconnect);
	espconn_regist_reconcb(&listener, on_error);
	if (espconn_accept(&listener) != ESPCONN_OK)
		os_printf("echo: cannot listen\n");
}
