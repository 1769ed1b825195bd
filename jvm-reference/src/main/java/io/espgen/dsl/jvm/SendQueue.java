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

    /**
     * Writes one piece, at most a chunk, of what the socket takes (the firmware hands the SDK one piece at a
     * time, and each acknowledged piece is a chance for OnSent); returns how many bytes went out.
     */
    int writeTo(SocketChannel channel) throws IOException {
        int written = 0;
        while (!blocks.isEmpty() && written < chunkSize) {
            Block head = blocks.peek();
            int n = channel.write(ByteBuffer.wrap(head.data, head.done,
                    Math.min(head.len - head.done, chunkSize - written)));
            head.done += n;
            head.sealed |= n > 0;
            written += n;
            if (head.done < head.len) {
                break;
            }
            blocks.poll();
            cost -= head.data.length + Limits.SEND_BLOCK_OVERHEAD;
        }
        pending -= written;
        return written;
    }

    void clear() {
        blocks.clear();
        cost = 0;
        pending = 0;
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
