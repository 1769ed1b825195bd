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
     * Queues {@code value} in decimal, as {@link Integer#toString(int)} writes it, with no buffer of yours.
     *
     * @return {@code false} when nothing was queued (see {@link #send(String)})
     */
    boolean sendDecimal(int value);

    /**
     * Queues {@code value} in hexadecimal, as {@link Integer#toHexString(int)} writes it (unsigned, lowercase,
     * no leading zeros), with no buffer of yours.
     *
     * @return {@code false} when nothing was queued (see {@link #send(String)})
     */
    boolean sendHex(int value);

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
     * for (int i = 0; i < 16 && s.remaining > 0 && c.canSend(PIECE); i++) {
     *     c.send(s.piece, 0, PIECE);
     *     s.remaining -= PIECE;
     * }
     * }</pre>
     * and refills from {@link OnSent}.
     */
    boolean canSend(int length);

    /**
     * This connection's id: stable while it is open and never 0, so it can be kept in state and found again
     * with {@link #connectionById}. An id names one connection: a later client in the same entry of the
     * connection table gets another (the entry's index and a count of its connections, which repeats only
     * after 65536 connections in that entry). 0 for the connection {@link #connectionById} returns when it
     * finds none.
     */
    int id();

    /** Whether the connection is open: connected, not closing, able to take sends. */
    boolean isOpen();

    /**
     * The server's open connections, this one included when it is open, in the order of the connection
     * table: {@code for (Connection other : c.connections())}. Each is checked when the loop reaches it,
     * so one the loop body closes is skipped. Sending to another connection queues on that connection,
     * with the server's {@link TcpServer#onQueueFull()} policy: a slow reader never holds up the others;
     * under {@code CLOSE} a send that does not fit its queue resets that reader, under {@code REFUSE}
     * {@link #send} returns false. The loop is bounded by {@link TcpServer#maxConnections()}.
     */
    Iterable<Connection> connections();

    /** How many connections of the server are open, this one included when it is open. */
    int connectionCount();

    /**
     * The open connection with this id; when there is none, a connection that is not open: its sends
     * return false, {@code close()} does nothing, its {@link #id()} is 0 (see {@link #isOpen()}).
     */
    Connection connectionById(int id);

    /**
     * The per-connection state of this connection: {@code Session other = c.state();} (the server's
     * state class). For the connection {@link #connectionById} returns when it finds none, a scratch state
     * no connection uses.
     */
    <S> S state();
}
