package io.espgen.dsl.jvm;

import io.espgen.dsl.Limits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A connection's send queue as the firmware keeps it (c-runtime, espgen_txq.c), so that the same sends fit
 * or do not fit on the JVM as on the chip: copies in blocks, each costing its capacity plus
 * {@link Limits#SEND_BLOCK_OVERHEAD} against the cap. A send into an empty queue gets a block of its own
 * size; sends behind waiting data fill the tail block, then blocks that double, up to what completes the
 * tail to a chunk. Where
 * the firmware frees a block once the peer has acknowledged it, this frees it once the socket took it.
 */
final class SendQueue {

    private static final class Block {
        final byte[] data;
        int len;
        int done;
        /** Part of it went to the network: it takes no more bytes (espgen_txq.c: sealed). */
        boolean sealed;

        Block(int cap) {
            data = new byte[cap];
        }
    }

    private final int capacity;
    private final int chunkSize;
    private final ArrayDeque<Block> blocks = new ArrayDeque<>();
    /** The heap the blocks would hold on the chip. */
    private int cost;
    /** Bytes queued and not yet written. */
    private int pending;
    /**
     * Bytes of the piece the firmware has handed to the SDK and not yet seen acknowledged (espgen_server.c:
     * espgen_kick; written here counts as acknowledged): at most a chunk, the next one starting as this one is
     * written. The SDK has these bytes in lwIP, so they still leave when the peer's FIN closes the connection.
     */
    private int pieceLeft;

    SendQueue(int capacity, int chunkSize) {
        this.capacity = capacity;
        this.chunkSize = chunkSize;
    }

    /** Bytes queued and not yet written. */
    int pending() {
        return pending;
    }

    /** Whether length more bytes fit under the cap. */
    boolean fits(int length) {
        return (long) cost + costOf(length) <= capacity;
    }

    /** Appends a copy; the caller has checked {@link #fits}. */
    void push(byte[] data, int offset, int length) {
        int placed = 0;
        while (placed < length) {
            Block tail = blocks.peekLast();
            if (tail == null || tail.sealed || tail.len == tail.data.length) {
                int cap = blockSize(tail == null ? 0 : tail.data.length, length - placed);
                tail = new Block(cap);
                blocks.add(tail);
                cost += cap + Limits.SEND_BLOCK_OVERHEAD;
            }
            int n = Math.min(tail.data.length - tail.len, length - placed);
            System.arraycopy(data, offset + placed, tail.data, tail.len, n);
            tail.len += n;
            placed += n;
        }
        pending += length;
    }

    /**
     * Whether a write that took the queue from {@code before} to {@link #pending()} bytes calls OnSent: it
     * emptied the queue, or took it down across half the cap (espgen_server.c: espgen_room_event).
     */
    boolean roomEvent(int before) {
        int low = capacity / 2;
        return pending < before && (pending == 0 || (before > low && pending <= low));
    }

    /** After a handler, as the firmware hands the SDK a piece when none is in flight: of up to a chunk. */
    void startPiece() {
        if (pieceLeft == 0) {
            pieceLeft = Math.min(chunkSize, pending);
        }
    }

    /** Writes one piece of what the socket takes; returns how many bytes went out. */
    int writeTo(SocketChannel channel) throws IOException {
        return writeTo(channel, false);
    }

    /**
     * The peer's FIN closes the connection (espconn_tcp.c: espconn_server_recv -> espconn_server_close):
     * lwIP still sends what it was given, the piece in flight, and nothing after it. Writes what the socket
     * takes of that piece; returns how many bytes went out.
     */
    int writePieceTo(SocketChannel channel) throws IOException {
        return writeTo(channel, true);
    }

    /**
     * Writes at most one piece, as the firmware has one in flight at a time and each acknowledged piece is a
     * chance for OnSent (espgen_server.c: espgen_on_sent): the piece in flight, else (unless pieceOnly) the next
     * one of up to a chunk, as espgen_kick would hand it.
     */
    private int writeTo(SocketChannel channel, boolean pieceOnly) throws IOException {
        int written = 0;
        if (pieceLeft == 0 && !pieceOnly) {
            pieceLeft = Math.min(chunkSize, pending);
        }
        while (!blocks.isEmpty() && pieceLeft > 0) {
            Block head = blocks.peek();
            int n = channel.write(ByteBuffer.wrap(head.data, head.done, Math.min(head.len - head.done, pieceLeft)));
            pieceLeft -= n;
            head.done += n;
            head.sealed |= n > 0;
            written += n;
            if (head.done < head.len) {
                break; // the piece ended inside this block, or the socket took no more
            }
            blocks.poll();
            cost -= head.data.length + Limits.SEND_BLOCK_OVERHEAD;
        }
        pending -= written;
        return written;
    }

    /**
     * Whether the piece in flight fills the SDK's send buffer with none of it acknowledged (written, here):
     * lwIP then has no room to queue a FIN (tcp_out.c: tcp_enqueue_flags, snd_buf == 0).
     */
    boolean sendBufferFull() {
        return pieceLeft == Limits.TCP_SEND_BUFFER;
    }

    /** The heap the blocks would hold on the chip: what the firmware's pause mark counts. */
    int cost() {
        return cost;
    }

    void clear() {
        blocks.clear();
        cost = 0;
        pending = 0;
        pieceLeft = 0;
    }

    /** espgen_txq.c: espgen_txq_cost. */
    private int costOf(int length) {
        Block tail = blocks.peekLast();
        int room = tail == null || tail.sealed ? 0 : tail.data.length - tail.len;
        int rest = Math.max(0, length - room);
        int prev = tail == null ? 0 : tail.data.length;
        int total = 0;
        while (rest > 0) {
            int cap = blockSize(prev, rest);
            total += cap + Limits.SEND_BLOCK_OVERHEAD;
            rest -= Math.min(cap, rest);
            prev = cap;
        }
        return total;
    }

    /** espgen_txq.c: espgen_txq_block_size. */
    private int blockSize(int prev, int rest) {
        if (prev == 0) {
            return rest;
        }
        int complement = prev >= chunkSize ? chunkSize : chunkSize - prev;
        return Math.min(Math.max(2 * prev, rest), complement);
    }
}
