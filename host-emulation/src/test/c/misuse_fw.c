/*
 * misuse_fw.c - does, on command, one of the things the real SDK crashes on, so the tests can check
 * that the emulation stops loudly. Port 7300; the first packet of a client names the misuse.
 * Some misuses need the client to go away first ("send-freed", "touch-pcb", "regist-freed"): they
 * act from the disconnect callback or a task posted from it.
 */
#include "fw_common.h"

#define SIG_SEND_FREED 1
#define SIG_SEND_CLOSED 2
#define SIG_ACCEPT_TWICE 3
#define SIG_REGIST_FREED 4
#define SIG_TOUCH_FREED 5

static struct espconn listen_conn;
static esp_tcp listen_tcp;
static struct espconn bogus;
static esp_tcp bogus_tcp;
static struct espconn *saved_pcb;
static char *saved_pdata;
static os_timer_t timer;
static os_event_t queue[4];
static char mode[32];
static uint8 msg[] = "msg";
static uint8 changing[] = "changing";

static void read_kept_pdata(void *arg)
{
	(void)arg;
	os_printf("kept pdata starts with %c\n", saved_pdata[0]);
}

static void noop(void *arg)
{
	(void)arg;
}

static void on_task(os_event_t *e)
{
	switch (e->sig) {
	case SIG_SEND_FREED:
		os_printf("sending on the freed espconn\n");
		espconn_send(saved_pcb, msg, 3);
		break;
	case SIG_SEND_CLOSED:
		os_printf("disconnect ret=%d\n", espconn_disconnect(saved_pcb));
		espconn_send(saved_pcb, msg, 3);
		break;
	case SIG_ACCEPT_TWICE:
		espconn_accept(&listen_conn);
		break;
	case SIG_REGIST_FREED:
		espconn_regist_recvcb(saved_pcb, NULL);
		break;
	case SIG_TOUCH_FREED:
		os_printf("freed pcb state=%d\n", saved_pcb->state);
		break;
	}
	os_printf("task survived\n");
}

static void on_connect(void *arg)
{
	saved_pcb = arg;
}

static void on_recv(void *arg, char *pdata, unsigned short len)
{
	unsigned short n = len < sizeof(mode) - 1 ? len : sizeof(mode) - 1;

	os_memcpy(mode, pdata, n);
	mode[n] = '\0';
	os_printf("mode %s\n", mode);
	if (!os_strcmp(mode, "disconnect-in-recv")) {
		espconn_disconnect(arg);
	} else if (!os_strcmp(mode, "setfn-armed")) {
		os_timer_setfn(&timer, noop, NULL);
		os_timer_arm(&timer, 1000, 0);
		os_timer_setfn(&timer, noop, NULL);
	} else if (!os_strcmp(mode, "send-unknown")) {
		bogus.type = ESPCONN_TCP;
		bogus.proto.tcp = &bogus_tcp;
		espconn_send(&bogus, msg, 3);
	} else if (!os_strcmp(mode, "send-listener")) {
		espconn_send(&listen_conn, msg, 3);
	} else if (!os_strcmp(mode, "send-closed")) {
		system_os_post(USER_TASK_PRIO_0, SIG_SEND_CLOSED, 0);
		return;
	} else if (!os_strcmp(mode, "accept-twice")) {
		system_os_post(USER_TASK_PRIO_0, SIG_ACCEPT_TWICE, 0);
		return;
	} else if (!os_strcmp(mode, "double-free")) {
		char *p = os_malloc(8);

		os_free(p);
		os_free(p);
	} else if (!os_strcmp(mode, "foreign-free")) {
		os_free(mode);
	} else if (!os_strcmp(mode, "keep-pdata")) {
		saved_pdata = pdata;
		os_timer_setfn(&timer, read_kept_pdata, NULL);
		os_timer_arm(&timer, 20, 0);
	} else if (!os_strcmp(mode, "send-modified")) {
		espconn_send(arg, changing, sizeof(changing) - 1);
		changing[0] = 'C';
		return;
	} else if (!os_strcmp(mode, "printf-float")) {
		os_printf("%d %f\n", 1, 2.5);
	} else {
		return; /* the misuse comes later */
	}
	os_printf("callback survived\n");
}

static void on_sent(void *arg)
{
	(void)arg;
	os_printf("sent\n");
}

static void on_disconnect(void *arg)
{
	(void)arg;
	os_printf("disconnect\n");
	if (!os_strcmp(mode, "send-freed"))
		system_os_post(USER_TASK_PRIO_0, SIG_SEND_FREED, 0);
	else if (!os_strcmp(mode, "regist-freed"))
		system_os_post(USER_TASK_PRIO_0, SIG_REGIST_FREED, 0);
	else if (!os_strcmp(mode, "touch-pcb")) {
		/* still the SDK's until this callback returns (espconn_tcp.c: espconn_tcp_disconnect_successful,
		 * then espconn_tcp_memp_free) */
		os_printf("pcb in the callback state=%d\n", saved_pcb->state);
		system_os_post(USER_TASK_PRIO_0, SIG_TOUCH_FREED, 0);
	}
}

static void on_reconnect(void *arg, sint8 err)
{
	(void)arg;
	os_printf("reconnect err=%d\n", err);
}

void user_pre_init(void)
{
	fw_register_partitions();
}

void user_init(void)
{
	system_os_task(on_task, USER_TASK_PRIO_0, queue, 4);
	fw_listen(&listen_conn, &listen_tcp, 7300, on_connect, on_recv, on_sent, on_disconnect,
		  on_reconnect);
}
