package io.espgen.dsl.jvm;

import io.espgen.dsl.Framed;
import io.espgen.dsl.Limits;
import io.espgen.dsl.OversizePolicy;
import java.nio.charset.StandardCharsets;

/**
 * A connection's framing as the firmware does it (c-runtime, espgen_frame.c), step for step: a buffer of
 * {@link Limits#frameBufferBytes(int)}, cut into frames delivered one at a time while the send queue holds no
 * more than the pause mark. Where the firmware holds receiving while frames wait, the server's loop stops
 * reading the connection.
 */
final class Framer {

    /** What delivering frames does to the connection. */
    interface Sink {
        /** Whether the connection still takes frames (not closing). */
        boolean open();

        /** The send queue's size as the pause mark counts it. */
        int queued();

        void frame(byte[] buf, int offset, int length);

        void oversize();

        /** OversizePolicy.CLOSE: close as close() does. */
        void close();
    }

    private enum Kind { DELIMITED, PREFIXED, FIXED }

    private final Kind kind;
    private final byte[] delim;
    private final int prefix;
    private final int max;
    private final boolean discard;
    private final int pauseAbove;
    private final byte[] buf;
    private int len;
    private int scanned;
    private long skip;
    private boolean discarding;
    private boolean paused;

    Framer(Framed f, int sendQueueBytes) {
        delim = f.delimiter().getBytes(StandardCharsets.ISO_8859_1);
        prefix = f.lengthPrefix();
        kind = f.fixedSize() != 0 ? Kind.FIXED : prefix != 0 ? Kind.PREFIXED : Kind.DELIMITED;
        max = kind == Kind.FIXED ? f.fixedSize() : f.maxFrameBytes();
        discard = kind != Kind.FIXED && f.onOversize() == OversizePolicy.DISCARD;
        pauseAbove = f.pauseAboveBytes() == -1 ? sendQueueBytes / 2 : f.pauseAboveBytes();
        int wire = max + (kind == Kind.DELIMITED ? delim.length : 0) + (kind == Kind.PREFIXED ? prefix : 0);
        buf = new byte[Limits.frameBufferBytes(wire)];
    }

    /** Room left in the buffer: the most the loop reads from the connection at once. */
    int room() {
        return buf.length - len;
    }

    /** Whether a frame waits for the send queue to drain: the loop does not read meanwhile. */
    boolean paused() {
        return paused;
    }

    /** Appends what was read; at most {@link #room()} bytes. */
    void append(byte[] data, int offset, int length) {
        System.arraycopy(data, offset, buf, len, length);
        len += length;
    }

    /** espgen_frame.c: espgen_frame_deliver. */
    void deliver(Sink sink) {
        int pos = 0;
        paused = false;
        loop:
        while (pos < len) {
            int avail = len - pos;
            if (!sink.open()) {
                pos = len;
                break;
            }
            if (skip > 0) {
                int n = (int) Math.min(skip, avail);
                pos += n;
                skip -= n;
                if (skip == 0) {
                    sink.oversize();
                }
                continue;
            }
            if (discarding) {
                int end = find(pos);
                if (end == len) {
                    if (avail >= delim.length) {
                        pos = len - (delim.length - 1);
                    }
                    break;
                }
                pos = end + delim.length;
                discarding = false;
                sink.oversize();
                continue;
            }
            if (sink.queued() > pauseAbove) {
                paused = true;
                break;
            }
            switch (kind) {
                case DELIMITED -> {
                    int end = find(pos + scanned);
                    if (end == len) {
                        if (avail < max + delim.length) {
                            scanned = avail >= delim.length ? avail - (delim.length - 1) : 0;
                            break loop;
                        }
                        if (!oversize(sink)) {
                            continue;
                        }
                        discarding = true;
                        scanned = 0;
                        pos = len - (delim.length - 1);
                        break loop;
                    }
                    scanned = 0;
                    if (end - pos > max) {
                        if (!oversize(sink)) {
                            continue;
                        }
                        pos = end + delim.length;
                        sink.oversize();
                        continue;
                    }
                    sink.frame(buf, pos, end - pos);
                    pos = end + delim.length;
                }
                case PREFIXED -> {
                    if (avail < prefix) {
                        break loop;
                    }
                    long n = 0;
                    for (int i = 0; i < prefix; i++) {
                        n = n << 8 | buf[pos + i] & 0xFF;
                    }
                    if (n > max) {
                        if (!oversize(sink)) {
                            continue;
                        }
                        pos += prefix;
                        skip = n;
                        continue;
                    }
                    if (avail < prefix + n) {
                        break loop;
                    }
                    sink.frame(buf, pos + prefix, (int) n);
                    pos += prefix + (int) n;
                }
                default -> {
                    if (avail < max) {
                        break loop;
                    }
                    sink.frame(buf, pos, max);
                    pos += max;
                }
            }
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
    }

    private boolean oversize(Sink sink) {
        if (discard) {
            return true;
        }
        sink.close();
        return false;
    }

    /** The offset of the first delimiter in buf[from, len), or len. */
    private int find(int from) {
        for (int i = from; i + delim.length <= len; i++) {
            boolean match = true;
            for (int k = 0; k < delim.length && match; k++) {
                match = buf[i + k] == delim[k];
            }
            if (match) {
                return i;
            }
        }
        return len;
    }
}
