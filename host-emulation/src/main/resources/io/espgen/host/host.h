/*
 * host.h - internals shared by the files of the host emulation. Firmware never includes this.
 *
 * The emulation is single threaded, like the chip: main() runs user_pre_init(), user_init() and then
 * one event loop (host_main.c) that fires timers (host_timers.c), runs posted tasks (host_tasks.c) and
 * the SDK's own deferred events, and polls the sockets of every listener and client (host_espconn_*.c,
 * whose own internals are in host_espconn_internal.h).
 *
 * Ownership: the emulation's own bookkeeping (clients, listeners, received-data copies, send copies,
 * the heap registry) comes from plain malloc/calloc and is never counted as firmware heap. Only what the
 * firmware asks for through os_malloc/os_zalloc (pvPortMalloc/pvPortZalloc) is counted (host_heap.c).
 */
#ifndef ESPGEN_HOST_H
#define ESPGEN_HOST_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "espgen_sdk.h"

#define HOST_TAG "espgen-host: "

/* The chip's numbers the emulation enforces. */
#define HOST_TCP_MSS ESPGEN_TCP_MSS
#define HOST_TCP_SND_BUF ESPGEN_TCP_SND_BUF	/* the most bytes in flight, and the ESPCONN_COPY buffer */
/* espconn_server_poll's period: tcp_poll(pcb, espconn_server_poll, 4) in slow-timer ticks of 250 ms
 * (espconn_tcp.c: espconn_tcp_accept; tcp_impl.h: TCP_SLOW_INTERVAL) */
#define HOST_POLL_MS 1000
#define HOST_TCP_WND ESPGEN_TCP_WND	/* the chip's receive window */
#define HOST_COPY_SEGMENTS 8	/* segments the ESPCONN_COPY buffer may hold */
#define HOST_HEAP_SIZE (50u * 1024u)	/* what an idle echo app leaves free on the chip */
#define HOST_DEFAULT_MAX_CON 5
#define HOST_MAX_MAX_CON ESPGEN_MAX_CON
#define HOST_DEFAULT_IDLE_S 10

/* What the firmware is running in; espconn_disconnect is forbidden inside HOST_CTX_ESPCONN. */
enum host_ctx {
	HOST_CTX_LOOP = 0,	/* the emulation itself, between callbacks */
	HOST_CTX_INIT,		/* user_pre_init, user_init */
	HOST_CTX_TIMER,
	HOST_CTX_TASK,
	HOST_CTX_ESPCONN,	/* connect, recv, sent, write finish, disconnect, reconnect */
	HOST_CTX_INTERRUPT,	/* the GPIO interrupt handler (host_gpio.c) */
};

struct host_ctx_save {
	enum host_ctx ctx;
	const char *what;
	uint64_t start_us;
};

#define HOST_MAX_PORT_MAPS 32

struct host_port_map {
	int fw;
	int host;
};

/* The command line (host_args.c). */
struct host_opts {
	struct host_port_map maps[HOST_MAX_PORT_MAPS];
	int nmaps;
	int any_port;
	long long exit_after_ms;	/* -1: run until a signal */
};

/* host_main.c */
uint64_t host_now_us(void);
uint64_t host_now_ms(void);
void host_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void host_misuse(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void host_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void *host_xmalloc(size_t size);
void *host_xcalloc(size_t n, size_t size);
void host_ctx_enter(struct host_ctx_save *save, enum host_ctx ctx, const char *what);
void host_ctx_leave(const struct host_ctx_save *save);
enum host_ctx host_ctx_now(const char **what);
unsigned long host_env_count(const char *name);

/* host_args.c */
extern struct host_opts host_opts;
void host_parse_args(int argc, char **argv);	/* fills host_opts; a bad argument exits 2 */
int host_port_for(int firmware_port);	/* the 127.0.0.1 port to bind for a firmware port; 0: any */

/* host_timers.c */
int host_timers_run(void);	/* fires the due timers (at most 256); returns how many fired */
int host_timers_next_ms(void);	/* milliseconds until the next timer is due; -1 when none is armed */

/* host_tasks.c */
int host_tasks_pending(void);	/* 1 when a posted event waits for its task */
int host_task_run_one(void);	/* runs the oldest event of the highest priority; 0 when there was none */

/* host_espconn_*.c */
void host_espconn_setup(void);	/* host_espconn_clients.c: reads the environment */
int host_espconn_run_deferred(int budget);	/* host_espconn_events.c: runs queued SDK events */
int host_espconn_poll(int timeout_ms, const sigset_t *poll_mask);	/* host_espconn_poll.c */
void host_espconn_note_firmware_block(const void *ptr, size_t size);	/* host_espconn_clients.c */

/* host_gpio.c */
#include "host_gpio.h"

/* host_heap.c */
void host_heap_setup(void);
size_t host_heap_live_bytes(void);
/* A block the SDK itself takes from the firmware's heap (where names the SDK function); NULL when the heap
 * has no room or a failure is injected, as the SDK's own os_zalloc would return. Freed with vPortFree. */
void *host_sdk_zalloc(size_t size, const char *where);
void host_heap_summary(void);
void host_heap_report(void);

/* host_os.c */
int host_partition_table_ok(void);

#endif /* ESPGEN_HOST_H */
