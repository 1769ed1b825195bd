/*
 * lifecycle_fw.c - a server on firmware port 7000 that reports the connection life cycle: which
 * espconn each callback gets, the remote address it carries, and per-client state kept the way the
 * SDK demands (keyed by remote ip and port, never by the arg pointer).
 *
 * Commands (one per packet): "echo <text>" sends <text> back from an os_malloc'd buffer freed in the
 * sent callback; "twice" issues two sends back to back; "long" sends 8192 bytes in one espconn_send; "quit" posts a
 * task that calls espconn_disconnect; "abort" aborts from inside the recv callback; "leak" leaks 10
 * bytes; "big" asks for more than the heap has; "heap" prints the free heap; "hold" holds reception
 * for 500 ms; "hold-quit" holds and disconnects on the next receive, "hold-unhold-quit" unholds first;
 * every packet prints its length.
 */
#include "fw_common.h"

#define MAX_SESSIONS 8
#define SIG_QUIT 1
#define SIG_NOMEM 2

struct session {
	uint8 ip[4];
	int port;
	uint8 *tx;	/* in flight until the sent callback */
	unsigned rx;
};

static struct espconn listen_conn;
static esp_tcp listen_tcp;
static struct session *sessions[MAX_SESSIONS];
static struct espconn *task_pcb;	/* valid until its disconnect: used by the task right away */
static os_event_t task_queue[4];
static uint8 twice_a[] = "A";
static uint8 twice_b[] = "B";
static uint8 long_buf[8192];

static struct espconn *hold_pcb;	/* the client only talks while it is connected */
static int quit_next;	/* "hold-quit": 1, "hold-unhold-quit": 2: what the next receive does */
static os_timer_t hold_timer;

static void unhold(void *arg)
{
	(void)arg;
	os_printf("unhold=%d\n", espconn_recv_unhold(hold_pcb));
}

static const char *which(void *arg)
{
	return arg == &listen_conn ? "listen" : "client";
}

static struct session **find_session(const uint8 *ip, int port)
{
	int i;

	for (i = 0; i < MAX_SESSIONS; i++)
		if (sessions[i] && sessions[i]->port == port && !os_memcmp(sessions[i]->ip, ip, 4))
			return &sessions[i];
	return NULL;
}

static void drop_session(const uint8 *ip, int port)
{
	struct session **s = find_session(ip, port);

	if (!s)
		return;
	os_free((*s)->tx);
	os_free(*s);
	*s = NULL;
	os_printf("session freed port=%d\n", port);
}

static void on_task(os_event_t *e)
{
	sint8 ret;

	if (e->sig == SIG_QUIT || e->sig == SIG_NOMEM) {
		os_printf("task: before disconnect\n");
		ret = espconn_disconnect(task_pcb);
		os_printf("task: after disconnect ret=%d\n", ret);
		os_printf("task: second disconnect ret=%d\n", espconn_disconnect(task_pcb));
	}
}

static void on_connect(void *arg)
{
	struct espconn *pcb = arg;
	esp_tcp *t = pcb->proto.tcp;
	int i;

	os_printf("connect pcb=%p %s state=%d ip=%d.%d.%d.%d port=%d local=%d.%d.%d.%d:%d reverse=%p\n",
		  arg, which(arg), pcb->state, FW_IP(t->remote_ip), t->remote_port, FW_IP(t->local_ip),
		  t->local_port, pcb->reverse);
	for (i = 0; i < MAX_SESSIONS && sessions[i]; i++)
		;
	if (i == MAX_SESSIONS || !(sessions[i] = os_zalloc(sizeof(struct session)))) {
		os_printf("connect: no memory\n");
		task_pcb = pcb;
		system_os_post(USER_TASK_PRIO_1, SIG_NOMEM, 0);
		return;
	}
	os_memcpy(sessions[i]->ip, t->remote_ip, 4);
	sessions[i]->port = t->remote_port;
}

static void on_recv(void *arg, char *pdata, unsigned short len)
{
	struct espconn *pcb = arg;
	struct session **s = find_session(pcb->proto.tcp->remote_ip, pcb->proto.tcp->remote_port);
	sint8 ret;

	os_printf("recv pcb=%p %s state=%d len=%u nul=%d\n", arg, which(arg), pcb->state, len,
		  pdata[len] == '\0');
	if (!s)
		return;
	(*s)->rx += len;
	if (quit_next) {
		/* received while held: not credited unless unheld first */
		if (quit_next == 2)
			os_printf("unhold=%d\n", espconn_recv_unhold(pcb));
		quit_next = 0;
		task_pcb = pcb;
		os_printf("quit: post=%d\n", system_os_post(USER_TASK_PRIO_1, SIG_QUIT, 0));
		return;
	}
	if (fw_is(pdata, len, "hold-quit") || fw_is(pdata, len, "hold-unhold-quit")) {
		os_printf("hold=%d\n", espconn_recv_hold(pcb));
		quit_next = fw_is(pdata, len, "hold-quit") ? 1 : 2;
	} else if (fw_is(pdata, len, "echo ")) {
		unsigned short n = len - 5;

		(*s)->tx = os_malloc(n);
		if (!(*s)->tx) {
			os_printf("echo: no memory\n");
			return;
		}
		os_memcpy((*s)->tx, pdata + 5, n);
		ret = espconn_send(pcb, (*s)->tx, n);
		os_printf("send ret=%d\n", ret);
		if (ret != ESPCONN_OK) {
			os_free((*s)->tx);
			(*s)->tx = NULL;
		}
	} else if (fw_is(pdata, len, "twice")) {
		sint8 r1 = espconn_send(pcb, twice_a, 1);
		sint8 r2 = espconn_send(pcb, twice_b, 1);

		os_printf("twice ret1=%d ret2=%d\n", r1, r2);
	} else if (fw_is(pdata, len, "long")) {
		size_t i;

		for (i = 0; i < sizeof(long_buf); i++)
			long_buf[i] = (uint8)('a' + i % 26);
		os_printf("long ret=%d\n", espconn_send(pcb, long_buf, sizeof(long_buf)));
	} else if (fw_is(pdata, len, "quit")) {
		task_pcb = pcb;
		os_printf("quit: post=%d\n", system_os_post(USER_TASK_PRIO_1, SIG_QUIT, 0));
	} else if (fw_is(pdata, len, "abort")) {
		os_printf("abort ret=%d\n", espconn_abort(pcb));
		os_printf("abort again ret=%d\n", espconn_abort(pcb));
	} else if (fw_is(pdata, len, "leak")) {
		os_printf("leak %p\n", os_malloc(10));
	} else if (fw_is(pdata, len, "hold")) {
		os_printf("hold=%d\n", espconn_recv_hold(pcb));
		hold_pcb = pcb;
		os_timer_disarm(&hold_timer);
		os_timer_setfn(&hold_timer, unhold, NULL);
		os_timer_arm(&hold_timer, 500, 0);
	} else if (fw_is(pdata, len, "big")) {
		os_printf("big %p\n", os_malloc(60000));
	} else if (fw_is(pdata, len, "heap")) {
		os_printf("free heap=%u\n", system_get_free_heap_size());
	}
}

static void on_sent(void *arg)
{
	struct espconn *pcb = arg;
	struct session **s = find_session(pcb->proto.tcp->remote_ip, pcb->proto.tcp->remote_port);

	os_printf("sent pcb=%p %s state=%d\n", arg, which(arg), pcb->state);
	if (s) {
		os_free((*s)->tx);
		(*s)->tx = NULL;
	}
}

static void on_disconnect(void *arg)
{
	struct espconn *l = arg;

	os_printf("disconnect arg=%p %s state=%d ip=%d.%d.%d.%d port=%d reverse=%p\n", arg, which(arg),
		  l->state, FW_IP(l->proto.tcp->remote_ip), l->proto.tcp->remote_port, l->reverse);
	drop_session(l->proto.tcp->remote_ip, l->proto.tcp->remote_port);
}

static void on_reconnect(void *arg, sint8 err)
{
	struct espconn *l = arg;

	os_printf("reconnect arg=%p %s err=%d ip=%d.%d.%d.%d port=%d\n", arg, which(arg), err,
		  FW_IP(l->proto.tcp->remote_ip), l->proto.tcp->remote_port);
	drop_session(l->proto.tcp->remote_ip, l->proto.tcp->remote_port);
}

/* Port 7001: the pattern of Espressif's own examples, callbacks registered on the per-client espconn
 * in the connect callback; the listening espconn has only the connect callback. */
static struct espconn demo_listen;
static esp_tcp demo_tcp;

static void demo_recv(void *arg, char *pdata, unsigned short len)
{
	(void)pdata;
	os_printf("demo recv pcb=%p len=%u\n", arg, len);
}

static void demo_disconnect(void *arg)
{
	struct espconn *l = arg;

	os_printf("demo disconnect arg=%s port=%d\n", arg == &demo_listen ? "listen" : "other",
		  l->proto.tcp->remote_port);
}

static void demo_connect(void *arg)
{
	os_printf("demo connect pcb=%p\n", arg);
	espconn_regist_recvcb(arg, demo_recv);
	espconn_regist_disconcb(arg, demo_disconnect);
}

void user_pre_init(void)
{
	fw_register_partitions();
}

void user_init(void)
{
	static int marker;
	sint8 ret;

	os_printf("max_con=%d free heap=%u\n", espconn_tcp_get_max_con(), system_get_free_heap_size());
	system_os_task(on_task, USER_TASK_PRIO_1, task_queue, 4);
	listen_conn.reverse = &marker;
	os_printf("regist_time before accept=%d\n", espconn_regist_time(&listen_conn, 5, 0));
	ret = fw_listen(&listen_conn, &listen_tcp, 7000, on_connect, on_recv, on_sent, on_disconnect,
			on_reconnect);
	os_printf("listen=%p reverse=%p accept=%d state=%d\n", (void *)&listen_conn, listen_conn.reverse,
		  ret, listen_conn.state);
	demo_listen.type = ESPCONN_TCP;
	demo_listen.proto.tcp = &demo_tcp;
	demo_tcp.local_port = 7001;
	espconn_regist_connectcb(&demo_listen, demo_connect);
	os_printf("demo accept=%d\n", espconn_accept(&demo_listen));
}
