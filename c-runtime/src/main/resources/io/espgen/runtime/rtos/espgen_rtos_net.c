/*
 * espgen_rtos_net.c - the FreeRTOS target's loop: the espconn calls the shared runtime (espgen_server.c) makes,
 * served on lwIP's BSD sockets by one task running one non-blocking select() loop, with the runtime's timers
 * and posted tasks run by the same loop. So every handler runs on that one task, one at a time, as on NONOS.
 *
 * What each espconn call means here, and the NONOS behaviour it keeps (espconn_tcp.c of the NONOS SDK):
 *   - espconn_accept: a listening socket. A client beyond the server's max_con_allow, or beyond the table of
 *     ESPGEN_MAX_CON clients, is accepted and reset at once, as espconn_tcp_accept has lwIP do.
 *   - connect, recv, sent callbacks get the client's espconn; the disconnect and error callbacks get the
 *     listening one, with the client's address and reverse copied in (espconn.c: espconn_copy_partial), after
 *     its socket is closed, from the loop, never from inside the call that ended it (espconn_tcp.c:
 *     espconn_Task).
 *   - espconn_send takes one piece at a time and does not copy it: the bytes go to the socket as it takes
 *     them, and the sent callback comes once all of them are in the socket's send buffer. That is the one
 *     thing "sent" means differently: on NONOS it is the peer's acknowledgement (espconn_tcp_sent).
 *   - espconn_recv_hold stops reading the socket, so TCP's window closes; espconn_recv_unhold reads again.
 *   - a receive of end of stream (the peer's FIN) closes at once, as espconn_server_recv does with a NULL pbuf:
 *     what the socket already took still leaves, before the FIN; the rest of the piece does not.
 *   - espconn_regist_time: a client that received nothing and sent nothing for that long is closed
 *     (espconn_tcp.c: espconn_server_poll).
 *   - espconn_disconnect: shutdown(SHUT_WR) after what the socket holds, then close; espconn_abort: a reset
 *     (SO_LINGER 0).
 */
#include "espgen_runtime.h"

/* The longest select() waits: Wi-Fi events, which come from esp_event's task, are seen by then. */
#define ESPGEN_RTOS_POLL_MS 100
/* One receive per client and round, at most a segment, handed to the recv callback as the SDK does. */
#define ESPGEN_RTOS_RX_BYTES ESPGEN_TCP_MSS
/* A graceful close first discards what the peer sent and nobody will read, at most this many receives:
 * closing a socket with unread data resets the connection (on lwIP as on Linux), losing what it still had
 * to send. */
#define ESPGEN_RTOS_DRAIN_ROUNDS 8
/* The priorities system_os_task takes (USER_TASK_PRIO_0 to 2). */
#define ESPGEN_RTOS_TASK_PRIOS 3
/* The longest select() waits on the chip once a GPIO interrupt handler is attached: what it posts cannot wake
 * select() (nothing lwIP offers may be called from an interrupt), so the loop looks that often; one tick at the
 * SDK's default CONFIG_FREERTOS_HZ of 100. */
#define ESPGEN_RTOS_ISR_POLL_MS 10

/*
 * The posted tasks' queues are shared with the GPIO interrupt handler, which posts its @AfterInterrupt work:
 * their changes are made with the level-1 interrupts (all of the chip's but the NMI) masked, through PS, as
 * the SDK does it (driver/soc.h: soc_save_local_irq, soc_restore_local_irq); from a task as from the handler,
 * whose level it keeps. system_os_post is in IRAM (the handler may run while the flash is busy). On the host
 * the emulated interrupt runs on the loop's thread between two rounds (espgen_rtos_host_gpio.c): nothing to mask.
 */
#if defined(ESPGEN_RTOS_HOST)
typedef uint32 espgen_rtos_irq_t;

static inline espgen_rtos_irq_t espgen_rtos_irq_save(void)
{
	return 0;
}

static inline void espgen_rtos_irq_restore(espgen_rtos_irq_t ps)
{
	(void)ps;
}
#else
typedef uint32 espgen_rtos_irq_t;

static inline __attribute__((always_inline)) espgen_rtos_irq_t espgen_rtos_irq_save(void)
{
	espgen_rtos_irq_t ps;

	__asm__ __volatile__("rsil %0, 1" : "=a"(ps) : : "memory");
	return ps;
}

static inline __attribute__((always_inline)) void espgen_rtos_irq_restore(espgen_rtos_irq_t ps)
{
	__asm__ __volatile__("wsr %0, ps" : : "a"(ps) : "memory");
}
#endif

#ifdef MSG_NOSIGNAL
#define ESPGEN_RTOS_SEND_FLAGS MSG_NOSIGNAL /* Linux: a dead peer is an error, not a SIGPIPE */
#else
#define ESPGEN_RTOS_SEND_FLAGS 0
#endif

enum espgen_rtos_end {
	ESPGEN_RTOS_LIVE = 0,
	ESPGEN_RTOS_CLOSED, /* ended well (disconnect, the peer's FIN, idle): the disconnect callback is due */
	ESPGEN_RTOS_FAILED  /* reset or failed: the error (reconnect) callback is due, with err */
};

struct espgen_rtos_listener {
	struct espconn *pcb; /* the runtime's listening espconn */
	int fd;
	uint32 idle_s; /* espconn_regist_time; 0: never */
};

struct espgen_rtos_client {
	struct espconn pcb; /* what the connect, recv and sent callbacks get */
	esp_tcp tcp;
	struct espgen_rtos_listener *ls; /* NULL: a free slot */
	int fd;			/* -1 once closed, with its end callback still due */
	const uint8 *out;	/* the piece of espconn_send, the runtime's until the sent callback */
	uint16 out_len;
	uint16 out_done; /* bytes of it the socket took */
	uint8 held;
	uint8 sent_due; /* all of the piece is with the socket: the sent callback is due */
	uint8 end;	/* enum espgen_rtos_end */
	sint8 err;
	int64_t active_us; /* the last receive or send, for the idle timeout */
#ifdef ESPGEN_RTOS_HOST
	unsigned long long received; /* the trace's counts */
	unsigned long long sent;
#endif
};

struct espgen_rtos_task {
	os_task_t fn;
	os_event_t *queue;
	uint8 len;
	uint8 head;
	uint8 count;
};

static struct espgen_rtos_listener espgen_rtos_listeners[ESPGEN_MAX_CON];
static uint8 espgen_rtos_nlisteners;
static struct espgen_rtos_client espgen_rtos_clients[ESPGEN_MAX_CON];
static uint8 espgen_rtos_max_con = 5; /* espconn_tcp_get_max_con's default on NONOS */
static struct espgen_rtos_task espgen_rtos_tasks[ESPGEN_RTOS_TASK_PRIOS];
static os_timer_t *espgen_rtos_timers; /* armed timers */
static uint32 espgen_rtos_round;       /* counts the loop's rounds: a timer runs at most once in each */
static uint8 espgen_rtos_rx[ESPGEN_RTOS_RX_BYTES];
static uint8 espgen_rtos_isr_live; /* a GPIO interrupt handler is attached */

static int64_t espgen_rtos_now_us(void)
{
	return esp_timer_get_time();
}

/* On the host, with ESPGEN_HOST_TRACE=1, a line after each client callback, as the NONOS emulation prints. */
#ifdef ESPGEN_RTOS_HOST
static void espgen_rtos_trace(const struct espgen_rtos_client *cl, const char *event, long n)
{
	espgen_rtos_host_trace(cl->ls->fd, cl->tcp.remote_ip, cl->tcp.remote_port, event, n, cl->received, cl->sent,
			       cl->out != NULL ? (unsigned int)(cl->out_len - cl->out_done) : 0);
}
#define ESPGEN_RTOS_TRACE(cl, event, n) espgen_rtos_trace(cl, event, n)
#define ESPGEN_RTOS_COUNT(cl, field, n) ((cl)->field += (unsigned long long)(n))
#else
#define ESPGEN_RTOS_TRACE(cl, event, n) ((void)0)
#define ESPGEN_RTOS_COUNT(cl, field, n) ((void)0)
#endif

/* ---- timers and posted tasks, run by the loop ---- */

void espgen_rtos_timer_setfn(os_timer_t *t, espgen_rtos_timer_fn *fn, void *arg)
{
	espgen_rtos_timer_disarm(t);
	t->fn = fn;
	t->arg = arg;
}

void espgen_rtos_timer_disarm(os_timer_t *t)
{
	os_timer_t **p;

	if (!t->armed)
		return;
	for (p = &espgen_rtos_timers; *p != NULL; p = &(*p)->next) { /* at most the armed timers */
		if (*p == t) {
			*p = t->next;
			break;
		}
	}
	t->next = NULL;
	t->armed = 0;
}

void espgen_rtos_timer_arm(os_timer_t *t, uint32 ms, bool repeat)
{
	espgen_rtos_timer_disarm(t);
	t->due_us = espgen_rtos_now_us() + (int64_t)ms * 1000;
	t->period_ms = repeat ? (ms > 0 ? ms : 1) : 0;
	t->armed = 1;
	t->next = espgen_rtos_timers;
	espgen_rtos_timers = t;
}

/* Runs every timer that is due, each at most once: one it re-arms waits for the next round. */
static void espgen_rtos_run_timers(void)
{
	for (;;) { /* each round of this loop runs a timer not yet run in this round of the loop: bounded */
		int64_t now = espgen_rtos_now_us();
		os_timer_t *t;

		for (t = espgen_rtos_timers; t != NULL; t = t->next)
			if (t->due_us <= now && t->round != espgen_rtos_round)
				break;
		if (t == NULL)
			return;
		t->round = espgen_rtos_round;
		if (t->period_ms != 0)
			t->due_us += (int64_t)t->period_ms * 1000;
		else
			espgen_rtos_timer_disarm(t);
		if (t->fn != NULL)
			t->fn(t->arg);
	}
}

bool system_os_task(os_task_t task, uint8 prio, os_event_t *queue, uint8 qlen)
{
	if (prio >= ESPGEN_RTOS_TASK_PRIOS || queue == NULL || qlen == 0)
		return false;
	espgen_rtos_tasks[prio].fn = task;
	espgen_rtos_tasks[prio].queue = queue;
	espgen_rtos_tasks[prio].len = qlen;
	espgen_rtos_tasks[prio].head = 0;
	espgen_rtos_tasks[prio].count = 0;
	return true;
}

bool IRAM_ATTR system_os_post(uint8 prio, uint32 sig, uint32 par)
{
	struct espgen_rtos_task *t;
	espgen_rtos_irq_t ps;
	bool posted = false;
	uint8 i;

	if (prio >= ESPGEN_RTOS_TASK_PRIOS)
		return false;
	t = &espgen_rtos_tasks[prio];
	ps = espgen_rtos_irq_save();
	if (t->fn != NULL && t->count < t->len) {
		i = (uint8)(t->head + t->count);
		if (i >= t->len) /* no division: libgcc's would be in flash */
			i = (uint8)(i - t->len);
		t->queue[i].sig = sig;
		t->queue[i].par = par;
		t->count++;
		posted = true;
	}
	espgen_rtos_irq_restore(ps);
	return posted;
}

/* Takes the oldest event of t; false when none is waiting. */
static bool espgen_rtos_take(struct espgen_rtos_task *t, os_event_t *e)
{
	espgen_rtos_irq_t ps = espgen_rtos_irq_save();
	bool took = t->count > 0;

	if (took) {
		*e = t->queue[t->head];
		t->head = (uint8)((t->head + 1) % t->len);
		t->count--;
	}
	espgen_rtos_irq_restore(ps);
	return took;
}

/* Runs the events posted before this call, highest priority first; those they post wait for the next round. */
static void espgen_rtos_run_tasks(void)
{
	uint8 waiting[ESPGEN_RTOS_TASK_PRIOS];
	espgen_rtos_irq_t ps = espgen_rtos_irq_save();
	int prio;

	for (prio = 0; prio < ESPGEN_RTOS_TASK_PRIOS; prio++)
		waiting[prio] = espgen_rtos_tasks[prio].count;
	espgen_rtos_irq_restore(ps);
	for (prio = ESPGEN_RTOS_TASK_PRIOS - 1; prio >= 0; prio--) {
		struct espgen_rtos_task *t = &espgen_rtos_tasks[prio];
		os_event_t e;

		for (; waiting[prio] > 0 && espgen_rtos_take(t, &e); waiting[prio]--) /* at most qlen */
			t->fn(&e);
	}
}

static bool espgen_rtos_tasks_waiting(void)
{
	espgen_rtos_irq_t ps = espgen_rtos_irq_save();
	bool any = false;
	int prio;

	for (prio = 0; prio < ESPGEN_RTOS_TASK_PRIOS; prio++)
		if (espgen_rtos_tasks[prio].count > 0)
			any = true;
	espgen_rtos_irq_restore(ps);
	return any;
}

void espgen_rtos_isr_attached(void)
{
	espgen_rtos_isr_live = 1;
}

/* What select() may wait, at most: on the chip, ESPGEN_RTOS_ISR_POLL_MS once an interrupt handler may post. */
static int64_t espgen_rtos_isr_bound(int64_t wait_us)
{
#if !defined(ESPGEN_RTOS_HOST)
	if (espgen_rtos_isr_live && wait_us > (int64_t)ESPGEN_RTOS_ISR_POLL_MS * 1000)
		return (int64_t)ESPGEN_RTOS_ISR_POLL_MS * 1000;
#endif
	return wait_us;
}

/* ---- the espconn subset ---- */

static struct espgen_rtos_client *espgen_rtos_client_of(struct espconn *pcb)
{
	uint8 i;

	for (i = 0; i < ESPGEN_MAX_CON; i++) {
		struct espgen_rtos_client *cl = &espgen_rtos_clients[i];

		if (pcb == &cl->pcb && cl->ls != NULL)
			return cl;
	}
	return NULL;
}

static struct espgen_rtos_listener *espgen_rtos_listener_of(struct espconn *pcb)
{
	uint8 i;

	for (i = 0; i < espgen_rtos_nlisteners; i++)
		if (espgen_rtos_listeners[i].pcb == pcb)
			return &espgen_rtos_listeners[i];
	return NULL;
}

static int espgen_rtos_nonblocking(int fd)
{
	return lwip_fcntl(fd, F_SETFL, O_NONBLOCK);
}

/* Resets a connection: RST, and the socket is gone. */
static void espgen_rtos_reset_fd(int fd)
{
	struct linger lg = { 1, 0 };

	lwip_setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	lwip_close(fd);
}

/* Ends a client's socket: gracefully (FIN after what the socket took) or with a reset; its end callback is
 * delivered by the loop. */
static void espgen_rtos_end(struct espgen_rtos_client *cl, uint8 end, sint8 err, bool reset)
{
	int i;

	if (cl->fd < 0)
		return;
	if (reset) {
		espgen_rtos_reset_fd(cl->fd);
	} else {
		lwip_shutdown(cl->fd, SHUT_WR);
		for (i = 0; i < ESPGEN_RTOS_DRAIN_ROUNDS; i++)
			if (lwip_recv(cl->fd, espgen_rtos_rx, sizeof(espgen_rtos_rx), MSG_DONTWAIT) <= 0)
				break;
		lwip_close(cl->fd);
	}
	cl->fd = -1;
	cl->end = end;
	cl->err = err;
	cl->out = NULL;
	cl->sent_due = 0;
}

/* Hands the socket what it takes of the piece in flight. */
static void espgen_rtos_write(struct espgen_rtos_client *cl)
{
	while (cl->fd >= 0 && cl->out != NULL && cl->out_done < cl->out_len) { /* ends at EAGAIN or the end */
		ssize_t n = lwip_send(cl->fd, cl->out + cl->out_done, cl->out_len - cl->out_done,
				      ESPGEN_RTOS_SEND_FLAGS | MSG_DONTWAIT);

		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				return;
			espgen_rtos_end(cl, ESPGEN_RTOS_FAILED, ESPCONN_RST, true);
			return;
		}
		cl->out_done += (uint16)n;
		ESPGEN_RTOS_COUNT(cl, sent, n);
		cl->active_us = espgen_rtos_now_us();
	}
	if (cl->out != NULL && cl->out_done == cl->out_len) {
		cl->out = NULL;
		cl->sent_due = 1;
	}
}

sint8 espconn_send(struct espconn *pcb, uint8 *data, uint16 len)
{
	struct espgen_rtos_client *cl = espgen_rtos_client_of(pcb);

	if (cl == NULL || cl->fd < 0)
		return ESPCONN_ARG;
	if (cl->out != NULL || cl->sent_due)
		return ESPCONN_INPROGRESS; /* one piece at a time, as espconn_tcp_write */
	if (len == 0)
		return ESPCONN_ARG;
	cl->out = data;
	cl->out_len = len;
	cl->out_done = 0;
	espgen_rtos_write(cl);
	return ESPCONN_OK;
}

sint8 espconn_disconnect(struct espconn *pcb)
{
	struct espgen_rtos_client *cl = espgen_rtos_client_of(pcb);

	if (cl == NULL || cl->fd < 0)
		return ESPCONN_ARG;
	espgen_rtos_end(cl, ESPGEN_RTOS_CLOSED, 0, false);
	return ESPCONN_OK;
}

sint8 espconn_abort(struct espconn *pcb)
{
	struct espgen_rtos_client *cl = espgen_rtos_client_of(pcb);

	if (cl == NULL || cl->fd < 0)
		return ESPCONN_ARG;
	espgen_rtos_end(cl, ESPGEN_RTOS_CLOSED, 0, true);
	return ESPCONN_OK;
}

sint8 espconn_recv_hold(struct espconn *pcb)
{
	struct espgen_rtos_client *cl = espgen_rtos_client_of(pcb);

	if (cl == NULL)
		return ESPCONN_ARG;
	cl->held = 1;
	return ESPCONN_OK;
}

sint8 espconn_recv_unhold(struct espconn *pcb)
{
	struct espgen_rtos_client *cl = espgen_rtos_client_of(pcb);

	if (cl == NULL)
		return ESPCONN_ARG;
	cl->held = 0;
	return ESPCONN_OK;
}

sint8 espconn_regist_connectcb(struct espconn *pcb, espconn_connect_callback cb)
{
	pcb->proto.tcp->connect_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_recvcb(struct espconn *pcb, espconn_recv_callback cb)
{
	pcb->recv_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_sentcb(struct espconn *pcb, espconn_sent_callback cb)
{
	pcb->sent_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_reconcb(struct espconn *pcb, espconn_reconnect_callback cb)
{
	pcb->proto.tcp->reconnect_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_disconcb(struct espconn *pcb, espconn_connect_callback cb)
{
	pcb->proto.tcp->disconnect_callback = cb;
	return ESPCONN_OK;
}

sint8 espconn_regist_time(struct espconn *pcb, uint32 interval, uint8 type_flag)
{
	struct espgen_rtos_listener *ls = espgen_rtos_listener_of(pcb);

	(void)type_flag;
	if (ls == NULL || interval > ESPGEN_MAX_IDLE_S)
		return ESPCONN_ARG;
	ls->idle_s = interval;
	return ESPCONN_OK;
}

uint8 espconn_tcp_get_max_con(void)
{
	return espgen_rtos_max_con;
}

sint8 espconn_tcp_set_max_con(uint8 num)
{
	if (num == 0 || num > ESPGEN_MAX_CON)
		return ESPCONN_ARG;
	espgen_rtos_max_con = num;
	return ESPCONN_OK;
}

sint8 espconn_tcp_set_max_con_allow(struct espconn *pcb, uint8 num)
{
	if (num == 0 || num > ESPGEN_MAX_CON)
		return ESPCONN_ARG;
	pcb->link_cnt = num;
	return ESPCONN_OK;
}

/* Binds a listening socket to the firmware's port on every interface (on the host: 127.0.0.1, on the port the
 * host layer maps it to); returns the socket's error, or 0. */
static int espgen_rtos_bind(int fd, int port)
{
	struct sockaddr_in addr;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
#ifdef ESPGEN_RTOS_HOST
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((uint16_t)espgen_rtos_host_port(port));
#else
	addr.sin_addr.s_addr = INADDR_ANY;
	addr.sin_port = lwip_htons((uint16_t)port);
#endif
	return lwip_bind(fd, (struct sockaddr *)&addr, sizeof(addr));
}

sint8 espconn_accept(struct espconn *pcb)
{
	struct espgen_rtos_listener *ls;
	int one = 1;
	int fd;

	if (pcb->proto.tcp == NULL || espgen_rtos_listener_of(pcb) != NULL)
		return ESPCONN_ARG;
	if (espgen_rtos_nlisteners == ESPGEN_MAX_CON)
		return ESPCONN_MAXNUM;
	fd = lwip_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	if (fd < 0)
		return ESPCONN_MEM;
	lwip_setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (espgen_rtos_bind(fd, pcb->proto.tcp->local_port) != 0 || lwip_listen(fd, ESPGEN_MAX_CON) != 0 ||
	    espgen_rtos_nonblocking(fd) != 0) {
		lwip_close(fd);
		return ESPCONN_ISCONN;
	}
#ifdef ESPGEN_RTOS_HOST
	espgen_rtos_host_listening(fd, pcb->proto.tcp->local_port);
#endif
	ls = &espgen_rtos_listeners[espgen_rtos_nlisteners++];
	ls->pcb = pcb;
	ls->fd = fd;
	ls->idle_s = 10; /* espconn_tcp.c: espconn_tcp_server's default */
	pcb->state = ESPCONN_LISTEN;
	pcb->link_cnt = ESPGEN_MAX_CON;
	return ESPCONN_OK;
}

/* ---- the loop ---- */

static uint8 espgen_rtos_clients_of(const struct espgen_rtos_listener *ls, uint8 *total)
{
	uint8 n = 0;
	uint8 i;

	*total = 0;
	for (i = 0; i < ESPGEN_MAX_CON; i++) {
		if (espgen_rtos_clients[i].ls == NULL)
			continue;
		(*total)++;
		n += espgen_rtos_clients[i].ls == ls;
	}
	return n;
}

/* Takes one waiting client of ls: into a free slot and the connect callback, or reset when the server's or the
 * stack's limit is reached (espconn_tcp.c: espconn_tcp_accept; a client counts until its end is delivered). */
static void espgen_rtos_accept(struct espgen_rtos_listener *ls)
{
	struct sockaddr_in addr;
	socklen_t addr_len = sizeof(addr);
	struct espgen_rtos_client *cl = NULL;
	uint8 total;
	uint8 mine = espgen_rtos_clients_of(ls, &total);
	int one = 1;
	uint8 i;
	int fd;

	fd = lwip_accept(ls->fd, (struct sockaddr *)&addr, &addr_len);
	if (fd < 0)
		return;
	for (i = 0; i < ESPGEN_MAX_CON && cl == NULL; i++)
		if (espgen_rtos_clients[i].ls == NULL)
			cl = &espgen_rtos_clients[i];
	if (cl == NULL || mine >= ls->pcb->link_cnt || total >= espgen_rtos_max_con ||
	    espgen_rtos_nonblocking(fd) != 0) {
		espgen_rtos_reset_fd(fd);
#ifdef ESPGEN_RTOS_HOST
		espgen_rtos_host_trace_end(ls->fd, (const uint8 *)&addr.sin_addr.s_addr, lwip_ntohs(addr.sin_port),
					   "refused");
#endif
		return;
	}
	lwip_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)); /* espconn's pieces leave at once */
#ifdef ESPGEN_RTOS_HOST
	{
		/* lwIP's send buffer is a few segments (TCP_SND_BUF), Linux's megabytes: as small as Linux takes */
		int snd = ESPGEN_TCP_SND_BUF;

		lwip_setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &snd, sizeof(snd));
	}
#endif
	memset(cl, 0, sizeof(*cl));
	cl->ls = ls;
	cl->fd = fd;
	cl->active_us = espgen_rtos_now_us();
	cl->pcb.type = ESPCONN_TCP;
	cl->pcb.state = ESPCONN_CONNECT;
	cl->pcb.proto.tcp = &cl->tcp;
	cl->pcb.recv_callback = ls->pcb->recv_callback;
	cl->pcb.sent_callback = ls->pcb->sent_callback;
	cl->tcp = *ls->pcb->proto.tcp; /* the callbacks; reverse stays NULL until the connect callback tags it */
	memcpy(cl->tcp.remote_ip, &addr.sin_addr.s_addr, 4); /* network order: the first octet first */
	cl->tcp.remote_port = lwip_ntohs(addr.sin_port);
	if (cl->tcp.connect_callback != NULL)
		cl->tcp.connect_callback(&cl->pcb);
	ESPGEN_RTOS_TRACE(cl, "connect", -1);
}

/* Delivers an ended client's end to the listening espconn, as espconn_copy_partial has it, and frees its slot. */
static void espgen_rtos_deliver_end(struct espgen_rtos_client *cl)
{
	struct espconn *listen = cl->ls->pcb;
	esp_tcp *tcp = listen->proto.tcp;
	uint8 end = cl->end;
	sint8 err = cl->err;
#ifdef ESPGEN_RTOS_HOST
	int listen_fd = cl->ls->fd;
#endif

	memcpy(tcp->remote_ip, cl->tcp.remote_ip, 4);
	tcp->remote_port = cl->tcp.remote_port;
	listen->reverse = cl->pcb.reverse;
	memset(cl, 0, sizeof(*cl));
	cl->fd = -1;
	if (end == ESPGEN_RTOS_FAILED && tcp->reconnect_callback != NULL)
		tcp->reconnect_callback(listen, err);
	else if (end == ESPGEN_RTOS_CLOSED && tcp->disconnect_callback != NULL)
		tcp->disconnect_callback(listen);
#ifdef ESPGEN_RTOS_HOST
	espgen_rtos_host_trace_end(listen_fd, tcp->remote_ip, tcp->remote_port, "end");
#endif
}

/* The deferred events: ends, then sent callbacks. Returns whether one ran. */
static bool espgen_rtos_run_events(void)
{
	bool ran = false;
	uint8 i;

	for (i = 0; i < ESPGEN_MAX_CON; i++) {
		struct espgen_rtos_client *cl = &espgen_rtos_clients[i];

		if (cl->ls == NULL)
			continue;
		if (cl->fd < 0) {
			espgen_rtos_deliver_end(cl);
			ran = true;
		} else if (cl->sent_due) {
			cl->sent_due = 0;
			if (cl->pcb.sent_callback != NULL)
				cl->pcb.sent_callback(&cl->pcb);
			ESPGEN_RTOS_TRACE(cl, "sent", -1);
			ran = true;
		}
	}
	return ran;
}

/* One receive: to the recv callback; the end of the stream or an error ends the connection. */
static void espgen_rtos_read(struct espgen_rtos_client *cl)
{
	ssize_t n = lwip_recv(cl->fd, espgen_rtos_rx, sizeof(espgen_rtos_rx), MSG_DONTWAIT);

	if (n > 0) {
		cl->active_us = espgen_rtos_now_us();
		ESPGEN_RTOS_COUNT(cl, received, n);
		if (cl->pcb.recv_callback != NULL)
			cl->pcb.recv_callback(&cl->pcb, (char *)espgen_rtos_rx, (unsigned short)n);
		ESPGEN_RTOS_TRACE(cl, "recv", (long)n);
	} else if (n == 0) {
		espgen_rtos_end(cl, ESPGEN_RTOS_CLOSED, 0, false); /* espconn_server_recv: p == NULL */
	} else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
		espgen_rtos_end(cl, ESPGEN_RTOS_FAILED, errno == ECONNRESET ? ESPCONN_RST : ESPCONN_CONN, true);
	}
}

/* Closes clients idle for their server's time (espconn_tcp.c: espconn_server_poll); returns the microseconds
 * until the next could be, at most limit_us. */
static int64_t espgen_rtos_idle(int64_t now, int64_t limit_us)
{
	uint8 i;

	for (i = 0; i < ESPGEN_MAX_CON; i++) {
		struct espgen_rtos_client *cl = &espgen_rtos_clients[i];
		int64_t left;

		if (cl->ls == NULL || cl->fd < 0 || cl->ls->idle_s == 0)
			continue;
		left = cl->active_us + (int64_t)cl->ls->idle_s * 1000000 - now;
		if (left <= 0)
			espgen_rtos_end(cl, ESPGEN_RTOS_CLOSED, 0, false);
		else if (left < limit_us)
			limit_us = left;
	}
	return limit_us;
}

static void espgen_rtos_fd_add(int fd, fd_set *set, int *maxfd)
{
	FD_SET(fd, set);
	if (fd > *maxfd)
		*maxfd = fd;
}

void espgen_rtos_loop(void)
{
	for (;;) {
		fd_set rd;
		fd_set wr;
		int maxfd = -1;
		int64_t now;
		int64_t wait_us = (int64_t)ESPGEN_RTOS_POLL_MS * 1000;
		struct timeval tv;
		os_timer_t *t;
		uint8 i;

		espgen_rtos_round++;
#ifdef ESPGEN_RTOS_HOST
		espgen_rtos_host_round();
#endif
		espgen_rtos_run_timers();
		espgen_rtos_wifi_poll();
		espgen_rtos_run_tasks();
		if (espgen_rtos_run_events() || espgen_rtos_tasks_waiting())
			wait_us = 0;

		now = espgen_rtos_now_us();
		for (t = espgen_rtos_timers; t != NULL; t = t->next)
			if (t->due_us - now < wait_us)
				wait_us = t->due_us > now ? t->due_us - now : 0;
		wait_us = espgen_rtos_idle(now, wait_us);
		wait_us = espgen_rtos_isr_bound(wait_us);

		FD_ZERO(&rd);
		FD_ZERO(&wr);
		for (i = 0; i < espgen_rtos_nlisteners; i++)
			espgen_rtos_fd_add(espgen_rtos_listeners[i].fd, &rd, &maxfd);
		for (i = 0; i < ESPGEN_MAX_CON; i++) {
			struct espgen_rtos_client *cl = &espgen_rtos_clients[i];

			if (cl->ls == NULL || cl->fd < 0) {
				if (cl->ls != NULL)
					wait_us = 0; /* an end to deliver */
				continue;
			}
			if (!cl->held)
				espgen_rtos_fd_add(cl->fd, &rd, &maxfd);
			if (cl->out != NULL)
				espgen_rtos_fd_add(cl->fd, &wr, &maxfd);
		}
#ifdef ESPGEN_RTOS_HOST
		espgen_rtos_fd_add(espgen_rtos_host_wake_fd(), &rd, &maxfd);
		espgen_rtos_host_fds(&rd, &maxfd);
		if (wait_us > 0)
			espgen_rtos_host_trace_idle(); /* nothing is ready to run: what follows waits for the network */
#endif
		tv.tv_sec = (long)(wait_us / 1000000);
		tv.tv_usec = (long)(wait_us % 1000000);
		if (lwip_select(maxfd + 1, &rd, &wr, NULL, &tv) <= 0)
			continue;
#if defined(ESPGEN_RTOS_HOST)
		espgen_rtos_host_serve(&rd);
#endif

		for (i = 0; i < espgen_rtos_nlisteners; i++)
			if (FD_ISSET(espgen_rtos_listeners[i].fd, &rd))
				espgen_rtos_accept(&espgen_rtos_listeners[i]);
		for (i = 0; i < ESPGEN_MAX_CON; i++) {
			struct espgen_rtos_client *cl = &espgen_rtos_clients[i];

			/* a socket accepted in this round was in neither set when select() ran: it waits for the next */
			if (cl->ls == NULL || cl->fd < 0 || cl->fd > maxfd)
				continue;
			if (FD_ISSET(cl->fd, &wr))
				espgen_rtos_write(cl);
			if (cl->fd >= 0 && !cl->held && FD_ISSET(cl->fd, &rd))
				espgen_rtos_read(cl);
		}
	}
}
