package io.espgen.dsl.jvm;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.QueueFullPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One client of a {@link JvmServer}: the firmware's connection table entry and send queue. Sends are
 * copied into the queue and written out by the server's loop after the handler returns; the queue's count
 * drops only as bytes are written.
 */
final class JvmConnection implements Connection {

    /** As the firmware's entry: open, closing once drained (close(), or an abort: see reset), or ended. */
    enum State { OPEN, CLOSING, GONE }

    final SocketChannel channel;
    final SelectionKey key;
    /** The per-connection state object, or null when the server has no state class. */
    final Object state;
    /** The server's connection table, which connections() and connectionById() look into. */
    private final JvmServer.Table table;
    /** The entry of the table this connection holds, and which connection of that entry it is (firmware: the tag). */
    final int slot;
    private final int generation;
    private final QueueFullPolicy onFull;
    private final int remoteIp;
    private final int remotePort;
    private final SendQueue queue;
    State status = State.OPEN;
    /** Whether the connection ends with a reset (it failed) rather than a close. */
    boolean reset;
    long lastReceive = System.nanoTime();
    /** Bytes read from the channel, and written to it, so far (JvmServer.traffic). */
    long received;
    long sent;
    /** Whether the connection has ended and its last handler has returned. */
    boolean ended;
    /** A @Framed server's framing of this connection, else null. */
    Framer framer;
    /**
     * Receiving is held while frames wait (espconn_recv_hold): the SDK still delivers what the window admits, up to
     * TCP_WND after the hold (holdBudget left), without crediting it (heldBytes); a close then resets.
     */
    boolean held;
    int holdBudget;
    int heldBytes;
    /** The peer's FIN came while lwIP could not queue ours: the close is tried again at finRetry (nanoTime). */
    boolean finPending;
    long finRetry;

    JvmConnection(SocketChannel channel, SelectionKey key, Object state, int capacity, int chunkSize,
            QueueFullPolicy onFull, JvmServer.Table table, int slot, int generation) throws IOException {
        this.channel = channel;
        this.key = key;
        this.state = state;
        this.table = table;
        this.slot = slot;
        this.generation = generation;
        this.queue = new SendQueue(capacity, chunkSize);
        this.onFull = onFull;
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        byte[] ip = remote.getAddress().getAddress();
        this.remoteIp = ip.length == 4
                ? (ip[0] & 0xFF) << 24 | (ip[1] & 0xFF) << 16 | (ip[2] & 0xFF) << 8 | ip[3] & 0xFF : 0;
        this.remotePort = remote.getPort();
    }

    @Override
    public boolean send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return enqueue(bytes, 0, bytes.length);
    }

    @Override
    public boolean send(Bytes data) {
        byte[] bytes = new byte[data.length()];
        data.copyTo(0, bytes.length, bytes, 0);
        return enqueue(bytes, 0, bytes.length);
    }

    /** The firmware's espgen_send_range: the range clamped to the array, a negative length sends nothing. */
    @Override
    public boolean send(byte[] data, int offset, int length) {
        int n = data.length;
        int from = clamp(offset, n);
        int to = length < 0 ? from : clamp(from + Math.min(length, n), n);
        return enqueue(data, from, to - from);
    }

    @Override
    public boolean sendDecimal(int value) {
        return send(Integer.toString(value));
    }

    @Override
    public boolean sendHex(int value) {
        return send(Integer.toHexString(value));
    }

    @Override
    public void close() {
        if (status == State.OPEN) {
            status = State.CLOSING;
        }
    }

    @Override
    public int remoteIp() {
        return remoteIp;
    }

    @Override
    public int remotePort() {
        return remotePort;
    }

    @Override
    public int queuedBytes() {
        return queue.pending();
    }

    @Override
    public boolean canSend(int length) {
        return status == State.OPEN && length >= 0 && length <= 0xFFFF && queue.fits(length);
    }

    /** Whether the write that took the queue down from {@code before} bytes calls OnSent. */
    boolean roomEvent(int before) {
        return queue.roomEvent(before);
    }

    @Override
    public int id() {
        return slot < 0 ? 0 : (generation & 0xFFFF) << 8 | (slot + 1);
    }

    @Override
    public boolean isOpen() {
        return status == State.OPEN;
    }

    @Override
    public Iterable<Connection> connections() {
        return table::openConnections;
    }

    @Override
    public int connectionCount() {
        return table.openCount();
    }

    @Override
    public Connection connectionById(int id) {
        return table.byId(id);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> S state() {
        return (S) (slot < 0 ? table.scratchState() : state);
    }

    /**
     * The connection connectionById returns when it finds none, as the firmware's empty entry: never open,
     * so its sends return false and close does nothing.
     */
    static JvmConnection nobody(JvmServer.Table table) {
        return new JvmConnection(table);
    }

    private JvmConnection(JvmServer.Table table) {
        this.channel = null;
        this.key = null;
        this.state = null;
        this.table = table;
        this.slot = -1;
        this.generation = 0;
        this.queue = new SendQueue(1, 1);
        this.onFull = QueueFullPolicy.REFUSE;
        this.remoteIp = 0;
        this.remotePort = 0;
        this.status = State.GONE;
    }

    private boolean enqueue(byte[] data, int offset, int length) {
        if (status != State.OPEN) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        if (!queue.fits(length)) {
            if (onFull == QueueFullPolicy.CLOSE) {
                abort();
            }
            return false;
        }
        queue.push(data, offset, length);
        return true;
    }

    /**
     * The CLOSE policy: the queue is dropped and the connection reset. The firmware hands the SDK what
     * handlers queued only when they return, so nothing queued after the last write goes out.
     */
    private void abort() {
        reset = true;
        queue.clear();
        status = State.CLOSING;
    }

    /** Writes what the socket takes; returns how many bytes went out. */
    int flush() throws IOException {
        return queue.writeTo(channel);
    }

    /** After a handler: the firmware hands the SDK a piece of the queue if none is in flight. */
    void startPiece() {
        queue.startPiece();
    }

    /** The peer's FIN: what the SDK already has of the queue (the piece in flight) still leaves. */
    int flushPiece() throws IOException {
        return queue.writePieceTo(channel);
    }

    /** Whether the piece in flight fills the SDK's send buffer, none of it acknowledged yet. */
    boolean sendBufferFull() {
        return queue.sendBufferFull();
    }

    /** The send queue's heap as the firmware counts it against the pause mark. */
    int queueCost() {
        return queue.cost();
    }

    /** Frees the queue once the connection has ended (after its last handler, as the firmware does). */
    void drop() {
        queue.clear();
    }

    private static int clamp(int index, int length) {
        return index < 0 ? 0 : Math.min(index, length);
    }
}
