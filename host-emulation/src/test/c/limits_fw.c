/*
 * limits_fw.c - connection limits and idle timeouts, on three servers:
 *   7100  defaults (limit: espconn_tcp_get_max_con(), idle timeout 10 s); "setmax N" calls
 *         espconn_tcp_set_max_con(N)
 *   7101  idle timeout 1 s (espconn_regist_time after accept)
 *   7102  espconn_tcp_set_max_con_allow(2)
 */
#include "fw_common.h"

static struct espconn l0, l1, l2;
static esp_tcp t0, t1, t2;

static int port_of(void *arg)
{
	return ((struct espconn *)arg)->proto.tcp->local_port;
}

static void on_connect(void *arg)
{
	os_printf("connect %d port=%d\n", port_of(arg), ((struct espconn *)arg)->proto.tcp->remote_port);
}

static void on_recv(void *arg, char *pdata, unsigned short len)
{
	os_printf("recv %d len=%u\n", port_of(arg), len);
	if (fw_is(pdata, len, "setmax ")) {
		uint8 n = (uint8)(pdata[7] - '0');
		sint8 ret = espconn_tcp_set_max_con(n);

		os_printf("setmax %u ret=%d max_con=%u\n", n, ret, espconn_tcp_get_max_con());
	}
}

static void on_sent(void *arg)
{
	(void)arg;
}

static void on_disconnect(void *arg)
{
	os_printf("disconnect %d port=%d\n", port_of(arg), ((struct espconn *)arg)->proto.tcp->remote_port);
}

static void on_reconnect(void *arg, sint8 err)
{
	os_printf("reconnect %d port=%d err=%d\n", port_of(arg),
		  ((struct espconn *)arg)->proto.tcp->remote_port, err);
}

void user_pre_init(void)
{
	fw_register_partitions();
}

void user_init(void)
{
	sint8 allow6, allow0, allow2, time7201, time1;

	os_printf("max_con=%u\n", espconn_tcp_get_max_con());
	os_printf("set_max_con(0)=%d set_max_con(16)=%d\n", espconn_tcp_set_max_con(0),
		  espconn_tcp_set_max_con(16));
	os_printf("allow before accept=%d time before accept=%d\n", espconn_tcp_set_max_con_allow(&l2, 2),
		  espconn_regist_time(&l1, 1, 0));

	fw_listen(&l0, &t0, 7100, on_connect, on_recv, on_sent, on_disconnect, on_reconnect);
	fw_listen(&l1, &t1, 7101, on_connect, on_recv, on_sent, on_disconnect, on_reconnect);
	fw_listen(&l2, &t2, 7102, on_connect, on_recv, on_sent, on_disconnect, on_reconnect);

	/* one call a statement: C leaves the order of a call's arguments open */
	allow6 = espconn_tcp_set_max_con_allow(&l2, 6);
	allow0 = espconn_tcp_set_max_con_allow(&l2, 0);
	allow2 = espconn_tcp_set_max_con_allow(&l2, 2);
	os_printf("allow(6)=%d allow(0)=%d allow(2)=%d\n", allow6, allow0, allow2);
	time7201 = espconn_regist_time(&l1, 7201, 0);
	time1 = espconn_regist_time(&l1, 1, 0);
	os_printf("time(7201)=%d time(1)=%d\n", time7201, time1);
}
