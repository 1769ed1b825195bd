package io.espgen.dsl;

/**
 * The client a handler is called for: one entry of the server's connection table.
 *
 * <p>Sends are copied into the connection's send queue, so the data may change or go away after the call.
 * The queue sends one chunk at a time and the next only when the peer has acknowledged the last.
 */
public interface Connection {

    /**
     * Queues text for sending, as its UTF-8 bytes.
     *
     * @return {@code false} when nothing was queued: the queue is full (see
     *     {@link TcpServer#onQueueFull()}), memory ran out, or the connection is closing or gone
     */
    boolean send(String text);

    /**
     * Queues a copy of received data for sending.
     *
     * @return {@code false} when nothing was queued (see {@link #send(String)})
     */
    boolean send(Bytes data);

    /**
     * Queues {@code length} bytes of {@code data} from {@code offset} for sending, the range clamped to
     * the array (a negative length sends nothing).
     *
     * @return {@code false} when nothing was queued (see {@link #send(String)})
     */
    boolean send(byte[] data, int offset, int length);

    /**
     * Closes the connection once everything queued has been sent and acknowledged. Further sends are
     * refused; {@link OnDisconnect} follows.
     */
    void close();

    /** The client's IPv4 address, most significant byte first: 192.168.4.2 is {@code 0xC0A80402}. */
    int remoteIp();

    /** The client's TCP port. */
    int remotePort();

    /** Bytes queued for sending and not yet acknowledged by the peer. */
    int queuedBytes();

    /**
     * Whether a send of {@code length} bytes would be queued now: the connection is open and the bytes
     * fit under {@link TcpServer#sendQueueBytes()}, counted as the queue counts them (its blocks' headers,
     * {@link Limits#SEND_BLOCK_OVERHEAD}, included), with the heap's reserve kept. A producer that sends
     * only what this approves never meets {@link TcpServer#onQueueFull()}'s policy for want of room:
     * <pre>{@code
     * while (s.remaining > 0 && c.canSend(PIECE)) { c.send(s.piece, 0, PIECE); s.remaining -= PIECE; }
     * }</pre>
     * and refills from {@link OnSent}.
     */
    boolean canSend(int length);
}
