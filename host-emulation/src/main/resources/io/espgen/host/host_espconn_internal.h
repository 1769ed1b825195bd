/*
 * host_espconn_internal.h - internals shared by the files that implement the espconn TCP server API on
 * Linux sockets, with the SDK's documented behaviour (host_espconn_*.c). Firmware never includes this.
 *
 * Objects and who owns them:
 *   struct host_listener  one per espconn_accept; points at the firmware's listening espconn, which the
 *                         firmware owns and must keep alive.
 *   struct host_client    one per accepted connection; owns the socket and the per-client espconn and
 *                         esp_tcp handed to the firmware as the callbacks' arg. Both are freed right
 *                         AFTER the disconnect/reconnect callback, which gets the listening espconn
 *                         instead, as the SDK does (espconn_tcp.c: espconn_tcp_disconnect_successful,
 *                         espconn_tcp_reconnect: the callback, then espconn_tcp_memp_free). It also
 *                         holds, from the firmware's heap, blocks the size of what the SDK allocates for
 *                         a connection, so the heap runs out where the chip's would.
 *   struct host_seg       one espconn_send: the firmware's buffer (no copy) or an emulation-owned copy
 *                         (ESPCONN_COPY); released once the peer has acknowledged all of it.
 *   struct host_ev        an SDK event deferred to the loop: a queued close, a write-finish, a
 *                         disconnect/reconnect delivery.
 *
 * The files, by the part of the API they hold:
 *   host_espconn_clients.c  the shared state, the registries, ending a client
 *   host_espconn_events.c   the SDK's deferred events: closes carried out, write finishes, disconnects
 *   host_espconn_listen.c   espconn_accept, espconn_delete, accepting and refusing clients
 *   host_espconn_close.c    espconn_disconnect, espconn_abort
 *   host_espconn_send.c     espconn_send, writing to the socket, acknowledgements and the sent callback
 *   host_espconn_recv.c     reading from the socket and the recv callback
 *   host_espconn_options.c  options, idle timeouts, limits, flow control, callback registration
 *   host_espconn_poll.c     the loop's part: poll every socket, dispatch, check acks and idle timers
 */
#ifndef ESPGEN_HOST_ESPCONN_INTERNAL_H
#define ESPGEN_HOST_ESPCONN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "host.h"

#define HOST_FREED_RING 64

/* What the SDK allocates per accepted connection (espconn_tcp.c: espconn_tcp_accept, lwIP's tcp_alloc),
 * sizes as gcc lays the SDK's structs out for the chip: espconn_msg, espconn, esp_tcp, tcp_pcb. */
#define HOST_SDK_CONN_BLOCKS 4
#define HOST_SDK_ESPCONN_BUF 20	/* espconn.c: espconn_send, one espconn_buf per send */

struct host_listener {
	struct host_listener *next;
	uint64_t id;
	struct espconn *conn;	/* the firmware's; never freed here */
	int fd;
	int fw_port;
	int host_port;
	uint32 idle_s;		/* espconn_regist_time(listen, s, 0); 0 = never */
	uint8 max_allow;	/* espconn_tcp_set_max_con_allow; the stack's limit at espconn_accept */
	unsigned live;		/* accepted clients not yet freed */
	unsigned undelivered;	/* freed clients whose disconnect/reconnect is still queued */
};

struct host_seg {
	struct host_seg *next;
	const uint8 *data;	/* the firmware's buffer, or copy */
	uint8 *copy;		/* owned: ESPCONN_COPY */
	uint16 len;
	uint16 written;
	uint64_t end;		/* stream offset just past this segment */
	uint32 sum;		/* checksum of a no-copy buffer when it was handed over */
	void *sdk_buf;		/* the espconn_buf the SDK allocates per send, as heap */
};

struct host_client {
	struct host_client *next;
	uint64_t id;
	struct host_listener *srv;
	struct espconn *pcb;	/* owned; the firmware's view of this connection */
	esp_tcp *tcp;		/* owned; pcb->proto.tcp as allocated (the firmware may repoint it) */
	int fd;
	uint8 remote_ip[4];	/* copied at accept: what the listener gets at the end */
	int remote_port;
	uint8 opts;		/* espconn_set_opt */
	bool held;		/* espconn_recv_hold */
	unsigned hold_budget;	/* bytes still delivered while held: the window already advertised */
	unsigned held_len;	/* bytes delivered while held, not yet credited (recv_holded_buf_Len) */
	void *sdk_blocks[HOST_SDK_CONN_BLOCKS];	/* the SDK's per-connection allocations, as heap */
	bool closing;		/* espconn_disconnect/abort issued; the close is queued */
	bool copy_pending;	/* ESPCONN_COPY: write finish not delivered yet */
	uint32 idle_s;
	uint64_t last_rx_ms;
	struct host_seg *segs;
	struct host_seg **segs_tail;
	unsigned seg_bytes;	/* bytes queued, not yet acknowledged */
	unsigned seg_count;	/* MSS-sized segments those occupy */
	uint64_t written_total;	/* bytes handed to the socket so far */
	uint64_t acked_total;	/* bytes the peer has acknowledged so far */
	uint64_t queued_total;	/* bytes accepted by espconn_send so far */
	uint64_t received_total;	/* bytes read for the recv callback so far (dropped ones too) */
	bool fin_received;	/* the peer's FIN came while lwIP could not queue ours: still open, see host_peer_fin */
	uint64_t fin_retry_ms;	/* when espconn_server_poll closes again */
};

enum host_ev_kind {
	HOST_EV_CLOSE,		/* espconn_disconnect or espconn_abort, carried out */
	HOST_EV_WRITE_FINISH,	/* ESPCONN_COPY: the copy is done */
	HOST_EV_END,		/* a client is gone: tell the listener */
};

struct host_ev {
	struct host_ev *next;
	enum host_ev_kind kind;
	uint64_t client_id;	/* CLOSE, WRITE_FINISH */
	bool abort;		/* CLOSE */
	/* END: what the SDK copies from the per-client espconn into the listening one, and what it frees
	 * after the callback */
	struct host_listener *srv;
	struct espconn *pcb;
	esp_tcp *tcp;
	void *sdk_blocks[HOST_SDK_CONN_BLOCKS];
	bool error;		/* reconnect callback instead of disconnect */
	sint8 err;
	uint8 remote_ip[4];
	int remote_port;
};

/* The state of every listener and client; defined in host_espconn_clients.c. */
struct host_net {
	struct host_listener *listeners;
	struct host_client *clients;
	struct host_ev *ev_head;
	struct host_ev **ev_tail;
	uint64_t next_id;
	uint8 max_con;
	unsigned live_total;
	const void *freed[HOST_FREED_RING];	/* per-client espconns freed recently */
	unsigned freed_next;
	unsigned long send_calls;
	unsigned long send_fail_at;
	bool trace;		/* ESPGEN_HOST_TRACE: trace lines on stdout */
	bool traced;		/* a trace line since the last "trace idle" */
};

extern struct host_net host_net;

/* host_espconn_clients.c */
struct host_client *host_client_by_id(uint64_t id);	/* the live client with this id, or NULL */
struct host_listener *host_listener_of(const struct espconn *e);	/* the listener of espconn e, or NULL */
struct host_listener *host_listener_by_id(uint64_t id);	/* the listener with this id, or NULL */
void host_forget_freed(const void *start, size_t size);	/* addresses in start..size are valid again */
struct host_client *host_live_client(const struct espconn *e, const char *fn);	/* misuse if e was freed */
void host_post(struct host_ev *ev);	/* queues an SDK event for the loop (host_espconn_run_deferred) */
void host_client_end(struct host_client *c, bool error, sint8 err, bool reset);	/* frees c, posts its end */
void host_client_fail(struct host_client *c, int e);	/* ends c after socket error e: reconnect callback */
/* ESPGEN_HOST_TRACE: c's counts, after one of its callbacks returned */
void host_trace_client(const struct host_client *c, const char *event, long n);
/* ESPGEN_HOST_TRACE: a client is gone, how = "end" (its disconnect/reconnect returned) or "refused" */
void host_trace_end(const uint8 *remote_ip, int remote_port, int host_port, const char *how);
/* ESPGEN_HOST_TRACE: the loop has nothing ready to run (once after other trace lines) */
void host_trace_idle(void);

/* host_espconn_listen.c */
void host_accept_ready(struct host_listener *l);	/* accepts (or refuses) the clients waiting on l */

/* host_espconn_send.c */
bool host_has_unwritten(const struct host_client *c);	/* part of a send has not reached the socket yet */
bool host_can_write(const struct host_client *c);	/* unwritten, and the stack has room in flight */
bool host_send_buffer_full(const struct host_client *c);	/* TCP_SND_BUF in flight, none of it unsent */
void host_seg_release(struct host_seg *s);	/* frees a send's record and the SDK's espconn_buf */
int host_write_some(struct host_client *c);	/* writes what the socket takes; 0 or the errno that ended c */
void host_flush_writes(struct host_client *c);	/* best effort before a graceful close */
int host_check_acks(struct host_client *c);	/* releases acknowledged sends, sends more; sent callback
						 * after the last; 0 or the errno that ended c */

/* host_espconn_recv.c */
bool host_wants_input(const struct host_client *c);	/* whether the loop should read from c */
bool host_read_one(struct host_client *c);	/* one read to the recv callback; false when c ended */
bool host_peer_fin(struct host_client *c);	/* the SDK's close on the peer's FIN; false when c ended */

#endif /* ESPGEN_HOST_ESPCONN_INTERNAL_H */
