/*
 * espgen_frame.h - framing for a server declared @Framed: each connection's receive buffer, cut into
 * frames handed to on_frame one at a time, paused while the send queue is above its mark.
 *
 * Ownership: the framing, the buffers (max_conns x buf_size bytes) and the framers are static storage of
 * the generated server file; the runtime never allocates them. A frame handed to on_frame points into its
 * connection's buffer and is valid only during the call.
 */
#ifndef ESPGEN_FRAME_H
#define ESPGEN_FRAME_H

#include "espgen_runtime.h"

enum espgen_frame_kind {
	ESPGEN_FRAME_DELIMITED, /* ends with delim[0..delim_len) */
	ESPGEN_FRAME_PREFIXED,	/* starts with its length, big-endian, in prefix_len bytes */
	ESPGEN_FRAME_FIXED	/* max_frame bytes each */
};

/* What one connection's framing is doing. */
struct espgen_framer {
	uint16 len;	  /* bytes waiting in the buffer */
	uint16 scanned;	  /* bytes of the frame at the buffer's start already searched for the delimiter */
	uint32 skip;	  /* bytes of an oversized prefixed frame still to drop */
	uint8 discarding; /* an oversized delimited frame is being dropped up to its delimiter */
	uint8 paused;	  /* a frame waits for the send queue to drain below pause_above */
};

/*
 * The framing's entry points. espgen_server.c reaches them only through a framed server's framing, so a
 * firmware without @Framed links none of espgen_frame.c (the firmware link drops unreached sections).
 */
struct espgen_frame_ops {
	/* Appends a receive to c's buffer and delivers what frames it can. Returns false, having kept nothing,
	 * when the receive does not fit: more arrived than the SDK delivers after a hold. */
	bool (*input)(struct espgen_server *srv, struct espgen_conn *c, const uint8 *data, uint16 len);
	/* Delivers waiting frames while the connection is open and its send queue at or below the mark. */
	void (*deliver)(struct espgen_server *srv, struct espgen_conn *c);
	/* Whether frames of c wait for its send queue to drain: receiving is held meanwhile. */
	bool (*waiting)(const struct espgen_server *srv, const struct espgen_conn *c);
	/* Forgets c's buffer: its connection is over. */
	void (*reset)(struct espgen_server *srv, const struct espgen_conn *c);
};

/* In flash: four words, read whole. */
extern const struct espgen_frame_ops espgen_frame_ops;

struct espgen_framing {
	const struct espgen_frame_ops *ops; /* &espgen_frame_ops */
	uint8 kind;	  /* enum espgen_frame_kind */
	uint8 delim_len;  /* 1 to 8 */
	uint8 prefix_len; /* 1, 2 or 4 */
	uint8 discard;	  /* an oversized frame is dropped (then on_oversize), else the connection closes */
	uint8 delim[8];
	uint16 max_frame;   /* the longest frame, without delimiter or prefix; FIXED: every frame's size */
	uint16 buf_size;    /* each connection's buffer: io.espgen.dsl.Limits.frameBufferBytes */
	uint16 pause_above; /* frames wait while the send queue holds more (espgen_txq.queued) */
	uint8 *bufs;	    /* max_conns buffers of buf_size bytes */
	struct espgen_framer *framers; /* max_conns */
};

#endif /* ESPGEN_FRAME_H */
