package io.espgen.dsl.jvm;

import io.espgen.dsl.AfterInterrupt;
import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Edge;
import io.espgen.dsl.Every;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Limits;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.OneShot;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.spi.LogSink;
import io.espgen.dsl.spi.TimerControl;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The JVM reference of a generated firmware: runs a {@link TcpServer} class as plain Java, serving TCP on
 * 127.0.0.1, so handler logic can be tried without a compiler and the generated C has an oracle.
 *
 * <p>One thread runs a {@code java.nio} event loop and every handler, one at a time, as the firmware's
 * single task does, with the firmware's rules:
 * <ul>
 *   <li>the server class is instantiated once (no-arg constructor); each client gets a fresh state object
 *       (no-arg constructor, so field initializers apply) and {@link OnConnect};</li>
 *   <li>received data is delivered as each read returns it, in pieces of at most 1460 bytes (one TCP
 *       segment, as the SDK's receive callback gets it); data that arrives after {@code close()} is
 *       dropped;</li>
 *   <li>each connection has a send queue of {@link TcpServer#sendQueueBytes()} with the
 *       {@link TcpServer#onQueueFull()} policy (CLOSE resets the connection once the chunk the firmware
 *       would already have handed to the network is out); what handlers send is written out after they
 *       return, and
 *       {@link Connection#queuedBytes()} drops only as bytes are written, a chunk at a time; {@link OnSent}
 *       follows when a write empties the queue or takes it down across half its cap;</li>
 *   <li>{@code close()} closes once the queue has drained, and sends after it return false;</li>
 *   <li>a client beyond {@link TcpServer#maxConnections()} is reset at once, without handlers; a client
 *       silent for {@link TcpServer#idleTimeoutSeconds()} is closed;</li>
 *   <li>a connection that fails (reset) gets {@link OnError} then {@link OnDisconnect}; every connection
 *       gets {@link OnDisconnect} exactly once, also when the server is closed;</li>
 *   <li>{@link Log} lines go to standard output prefixed by the server's simple name, as the firmware's
 *       {@code os_printf} lines are, and are kept ({@link #log()}).</li>
 * </ul>
 * What each connection has done so far ({@link #traffic(int)}: bytes read, bytes written, bytes queued, whether
 * it has ended) lets a test wait for the server instead of sleeping: for instance until
 * {@link #receivedBytes(int)} reaches what the client sent, so that the next send cannot arrive in the same read.
 * Unlike the firmware, Java throws where the C defines a result (an array index out of range, a
 * division by zero): such a handler failure is printed, kept ({@link #failures()}), and ends the
 * connection.
 */
public final class JvmServer implements AutoCloseable {

    /** How often the SDK polls a connection (espconn_tcp.c: espconn_server_poll, 4 slow-timer ticks of 250 ms). */
    static final long POLL_MS = 1000;

    /** The most one receive hands a handler: one TCP segment (TCP_MSS), as on the chip. */
    static final int SEGMENT = Limits.TCP_MSS;

    private static final List<Class<? extends Annotation>> EVENTS =
            List.of(OnConnect.class, OnReceive.class, OnFrame.class, OnOversize.class, OnSent.class, OnError.class,
                    OnDisconnect.class);

    private final String name;
    private final TcpServer config;
    /** The server's framing, or null: receives then go to @OnReceive as they come. */
    private final Framed framed;
    private final Object server;
    private final Map<Class<? extends Annotation>, Method> handlers = new HashMap<>();
    private final Constructor<?> stateConstructor;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final List<JvmConnection> connections = new ArrayList<>();
    /** The connection table as the firmware's: entry i holds a connection or null; generations count each entry's. */
    private final JvmConnection[] slots;
    private final int[] generations;
    private final Table table = new Table();
    /** The @Every handlers, each with when it is due next (System.nanoTime). */
    private final List<Timer> timers = new ArrayList<>();

    /** The @OneShot handlers by name: armed or not, and when due (Timers.start, Timers.cancel). */
    private final Map<String, OneShotTimer> oneShots = new java.util.TreeMap<>();

    private static final class OneShotTimer {
        final Method method;
        boolean armed;
        long due;

        OneShotTimer(Method method) {
            this.method = method;
        }
    }

    private static final class Timer {
        final Method method;
        final long periodNanos;
        long due;

        Timer(Method method, long periodNanos, long due) {
            this.method = method;
            this.periodNanos = periodNanos;
            this.due = due;
        }
    }
    /** The server's pins by GPIO number, and each input's @OnInterrupt and @AfterInterrupt handlers. */
    private final Map<Integer, Pin> pins = new java.util.TreeMap<>();
    private final Map<Integer, Method> onInterrupt = new java.util.HashMap<>();
    private final Map<Integer, Method> afterInterrupt = new java.util.HashMap<>();
    private final Map<Integer, Edge> edges = new java.util.HashMap<>();
    /** Work other threads hand the loop (a test's pin change), run between its events. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> posted =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * SEGMENT);
    private final List<String> log = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final Map<Integer, Traffic> traffic = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private JvmServer(Class<?> serverClass, int port) throws IOException {
        config = serverClass.getAnnotation(TcpServer.class);
        if (config == null) {
            throw new IllegalArgumentException(serverClass.getName() + " is not annotated @TcpServer");
        }
        name = serverClass.getSimpleName();
        framed = serverClass.getAnnotation(Framed.class);
        slots = new JvmConnection[config.maxConnections()];
        generations = new int[config.maxConnections()];
        SharedFields.reset(serverClass);
        server = instantiate(serverClass);
        findPins(serverClass);
        long start = System.nanoTime();
        for (Method m : serverClass.getDeclaredMethods()) {
            Every every = m.getAnnotation(Every.class);
            if (every != null) {
                m.setAccessible(true);
                long period = TimeUnit.MILLISECONDS.toNanos(every.millis());
                timers.add(new Timer(m, period, start + period));
            }
            if (m.isAnnotationPresent(OneShot.class)) {
                m.setAccessible(true);
                oneShots.put(m.getName(), new OneShotTimer(m));
            }
        }
        Class<?> stateClass = null;
        for (Method m : serverClass.getDeclaredMethods()) {
            for (Class<? extends Annotation> event : EVENTS) {
                if (m.isAnnotationPresent(event) && !handlers.containsKey(event)) {
                    m.setAccessible(true);
                    handlers.put(event, m);
                    for (Class<?> p : m.getParameterTypes()) {
                        if (p != Connection.class && p != Bytes.class && p != ConnectionError.class) {
                            stateClass = p;
                        }
                    }
                }
            }
        }
        stateConstructor = stateClass == null ? null : noArgConstructor(stateClass);
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            listener.close();
            selector.close();
            if (e instanceof BindException) {
                BindException clear = new BindException("cannot listen on 127.0.0.1:" + port + " for " + name + " ("
                        + e.getMessage() + "): another program holds the port; pass 0 to take a free one, "
                        + "JvmServer.port() tells which");
                clear.initCause(e);
                throw clear;
            }
            throw e;
        }
        thread = new Thread(this::run, "espgen-jvm-" + name);
        thread.setDaemon(true);
    }

    /**
     * Starts serving {@code serverClass} on 127.0.0.1:{@code port} (0: any free port; {@link #port()}
     * tells which). The annotation's port is not used: the caller picks.
     */
    public static JvmServer start(Class<?> serverClass, int port) throws IOException {
        JvmServer s = new JvmServer(serverClass, port);
        s.thread.start();
        return s;
    }

    /** The port the server listens on. */
    public int port() {
        return listener.socket().getLocalPort();
    }

    /** The log lines printed so far, each as printed ({@code "EchoServer: bye"}), without the newline. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** What handlers threw so far (each ended its connection). */
    public List<Throwable> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * What one connection has done, as the server's loop left it after its last event for it (the accept and
     * {@link OnConnect}, a read and the handlers it ran, a write and {@link OnSent}, the end).
     *
     * @param received bytes read from the connection; each was handed to {@link OnReceive} unless the connection
     *        was closing by then (or a handler threw)
     * @param sent bytes written to the connection
     * @param queued bytes still in its send queue, waiting for the socket
     * @param ended whether the connection has ended and its {@link OnDisconnect} has returned
     */
    public record Traffic(long received, long sent, int queued, boolean ended) {
    }

    /**
     * The connection from 127.0.0.1:{@code remotePort} (the client socket's local port); empty until the server
     * has accepted it and run {@link OnConnect}. A client refused beyond {@link TcpServer#maxConnections()} shows as
     * ended at once, with nothing received. A later connection from the same port replaces one that ended. Every
     * connection is remembered for the server's lifetime.
     */
    public Optional<Traffic> traffic(int remotePort) {
        return Optional.ofNullable(traffic.get(remotePort));
    }

    /**
     * Bytes the server has read from the connection from 127.0.0.1:{@code remotePort} and run its handlers on (0
     * until it has accepted that connection). Once this equals what the client has sent, {@link OnReceive} has seen
     * all of it, so what the client sends next comes in a receive of its own.
     */
    public long receivedBytes(int remotePort) {
        return traffic(remotePort).map(Traffic::received).orElse(0L);
    }

    /**
     * The level of a pin the server declares (true: high), as the firmware's pad would read: an output's is what its
     * handlers drove (low at start), an input's what {@link #setInput} set (at start high with the pull-up, else low).
     */
    public boolean pin(int gpio) {
        Pin p = pins.get(gpio);
        if (p == null) {
            throw new IllegalArgumentException("the server declares no pin on GPIO " + gpio);
        }
        return p.read();
    }

    /**
     * Drives an input the server declares, on the server's thread, as the chip's pad would change: an edge its
     * {@link OnInterrupt} or {@link AfterInterrupt} handlers wait for runs the first, then the second, then what they
     * sent leaves (the firmware merges edges that come while the task waits; here each edge runs both). Returns once
     * all of that is done.
     */
    public void setInput(int gpio, boolean high) throws InterruptedException {
        Pin p = pins.get(gpio);
        if (p == null || p.isOutput()) {
            throw new IllegalArgumentException("the server declares no input on GPIO " + gpio);
        }
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        posted.add(() -> {
            try {
                edge(gpio, p, high);
            } finally {
                done.countDown();
            }
        });
        selector.wakeup();
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server's loop did not take the pin change within 10 s");
        }
    }

    /** Stops serving: every open connection is closed (and gets {@link OnDisconnect}), then the listener. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the loop; everything below runs on the server's thread ---

    private void run() {
        LogSink.install(this::print);
        TimerControl.install(new TimerControl.Host() {
            @Override
            public void start(String handler, int millis) {
                // re-armed: only the last start counts, as espgen_timer_start disarms before arming
                OneShotTimer t = oneShot(handler);
                t.armed = true;
                t.due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            }

            @Override
            public void cancel(String handler) {
                oneShot(handler).armed = false;
            }
        });
        try {
            while (running) {
                selector.select(this::ready, nextTimeoutMillis()); // a posted change wakes it
                closeIdle();
                runTimers();
                runOneShots();
                for (Runnable r = posted.poll(); r != null; r = posted.poll()) {
                    r.run();
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        } finally {
            for (JvmConnection c : List.copyOf(connections)) {
                end(c, null);
            }
            quietly(listener);
            quietly(selector);
            LogSink.remove();
            TimerControl.remove();
        }
    }

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        JvmConnection c = (JvmConnection) key.attachment();
        if (key.isReadable()) {
            read(c);
        }
        if (c.status != JvmConnection.State.GONE && key.isWritable()) {
            write(c);
        }
    }

    private void accept() {
        SocketChannel ch;
        while ((ch = acceptOne()) != null) {
            try {
                if (connections.size() >= config.maxConnections()) {
                    // as the stack does beyond its limit: accepted, then reset; no handler hears of it
                    int remotePort = ((InetSocketAddress) ch.getRemoteAddress()).getPort();
                    resetQuietly(ch);
                    ch.close();
                    traffic.put(remotePort, new Traffic(0, 0, 0, true));
                    continue;
                }
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
                int slot = freeSlot();
                JvmConnection c = new JvmConnection(ch, key,
                        stateConstructor == null ? null : construct(stateConstructor), config.sendQueueBytes(),
                        config.sendChunkSize(), config.onQueueFull(), table, slot, ++generations[slot]);
                key.attach(c);
                if (framed != null) {
                    c.framer = new Framer(framed, config.sendQueueBytes());
                }
                connections.add(c);
                slots[slot] = c;
                call(OnConnect.class, c, null, null);
                settle(c);
                publish(c);
                settleAll();
            } catch (IOException e) {
                quietly(ch);
            }
        }
    }

    private SocketChannel acceptOne() {
        try {
            return listener.accept();
        } catch (IOException e) {
            return null;
        }
    }

    private void read(JvmConnection c) {
        readBuffer.clear();
        if (c.framer != null && c.status == JvmConnection.State.OPEN) {
            // never more than the buffer takes, nor, while held, than the window still admits
            int most = Math.min(readBuffer.capacity(), c.framer.room());
            readBuffer.limit(c.held ? Math.min(most, c.holdBudget) : most);
        }
        int n;
        try {
            n = c.channel.read(readBuffer);
        } catch (IOException e) {
            end(c, ConnectionError.RESET);
            return;
        }
        if (n < 0) {
            peerClosed(c);
            return;
        }
        c.lastReceive = System.nanoTime();
        if (c.held) {
            c.holdBudget -= n;
            c.heldBytes += n;
        }
        if (c.framer != null) {
            if (c.status == JvmConnection.State.OPEN) {
                c.framer.append(readBuffer.array(), 0, n);
                deliver(c);
            }
        } else {
            for (int off = 0; off < n && c.status == JvmConnection.State.OPEN; off += SEGMENT) {
                call(OnReceive.class, c, JvmBytes.of(readBuffer.array(), off, Math.min(SEGMENT, n - off)), null);
            }
        }
        c.received += n;
        settle(c);
        publish(c);
        settleAll();
    }

    private void write(JvmConnection c) {
        int before = c.queuedBytes();
        int written;
        try {
            written = c.flush();
        } catch (IOException e) {
            end(c, ConnectionError.RESET);
            return;
        }
        c.sent += written;
        if (written > 0 && c.framer != null && c.status == JvmConnection.State.OPEN) {
            deliver(c); // the queue drained some: frames that waited for it go on
        }
        if (c.roomEvent(before) && c.status == JvmConnection.State.OPEN) {
            call(OnSent.class, c, null, null);
        }
        settle(c);
        publish(c);
        settleAll();
    }

    /** After a handler, which may have sent to or closed other connections than its own: each is settled. */
    private void settleAll() {
        for (JvmConnection other : List.copyOf(connections)) {
            settle(other);
            if (other.status != JvmConnection.State.GONE) {
                publish(other);
            }
        }
    }

    private int freeSlot() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                return i;
            }
        }
        throw new IllegalStateException("no free entry although fewer than maxConnections are connected");
    }

    /** The connection table as handlers reach it through {@link Connection#connections()} and the like. */
    final class Table {
        private final JvmConnection nobody = JvmConnection.nobody(this);

        /** The open connections in table order, each checked as the iteration reaches it (as the firmware's loop). */
        java.util.Iterator<Connection> openConnections() {
            return new java.util.Iterator<>() {
                private int next = advance(0);

                private int advance(int from) {
                    int i = from;
                    while (i < slots.length && (slots[i] == null || !slots[i].isOpen())) {
                        i++;
                    }
                    return i;
                }

                @Override
                public boolean hasNext() {
                    next = advance(next);
                    return next < slots.length;
                }

                @Override
                public Connection next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return slots[next++];
                }
            };
        }

        int openCount() {
            int n = 0;
            for (JvmConnection c : slots) {
                n += c != null && c.isOpen() ? 1 : 0;
            }
            return n;
        }

        Connection byId(int id) {
            int slot = (id & 0xFF) - 1;
            if (slot >= 0 && slot < slots.length && slots[slot] != null && slots[slot].isOpen()
                    && slots[slot].id() == id) {
                return slots[slot];
            }
            return nobody;
        }

        /** The state of the connection byId returns when it finds none: a fresh one each time. */
        Object scratchState() {
            return stateConstructor == null ? null : construct(stateConstructor);
        }
    }

    /** After a handler: close a drained closing connection, or wait for the socket to take the queue. */
    private void settle(JvmConnection c) {
        if (c.status == JvmConnection.State.GONE) {
            return;
        }
        if (c.status == JvmConnection.State.CLOSING && c.queuedBytes() == 0) {
            end(c, null);
            return;
        }
        c.startPiece();
        // frames waiting for the queue: the firmware holds receiving (espgen_server.c: espgen_flow), and the SDK
        // delivers what the window still admits, then nothing more
        boolean wait = c.framer != null && c.framer.paused() && c.status == JvmConnection.State.OPEN;
        if (wait && !c.held) {
            c.held = true;
            c.holdBudget = Limits.TCP_WINDOW;
            c.heldBytes = 0;
        } else if (!wait) {
            c.held = false;
        }
        int read = c.finPending || c.held && c.holdBudget <= 0 ? 0 : SelectionKey.OP_READ;
        c.key.interestOps(c.queuedBytes() > 0 ? read | SelectionKey.OP_WRITE : read);
    }

    /** Delivers c's waiting frames while its send queue is at or below the pause mark. */
    private void deliver(JvmConnection c) {
        c.framer.deliver(new Framer.Sink() {
            @Override
            public boolean open() {
                return c.status == JvmConnection.State.OPEN;
            }

            @Override
            public int queued() {
                return c.queueCost();
            }

            @Override
            public void frame(byte[] buf, int offset, int length) {
                call(OnFrame.class, c, JvmBytes.of(buf, offset, length), null);
            }

            @Override
            public void oversize() {
                call(OnOversize.class, c, null, null);
            }

            @Override
            public void close() {
                c.close();
            }
        });
    }

    /**
     * The peer's FIN. On the chip lwIP hands it to espconn_server_recv, which closes at once
     * (espconn_tcp.c: espconn_server_close: tcp_sent(pcb, NULL), then tcp_close): lwIP still sends the piece
     * of the queue it was given, then its FIN; the rest of the queue is never sent. Likewise here. While
     * receiving is held with bytes not credited, that close is a reset; while the piece in flight fills lwIP's
     * send buffer, the close fails and is tried again by the SDK's poll, a second later.
     */
    private void peerClosed(JvmConnection c) {
        if (c.held && c.heldBytes > 0) {
            // closing with a window not whole: lwIP resets and purges what it held (core/tcp.c: tcp_close_shutdown)
            c.reset = true;
            end(c, null);
            return;
        }
        if (c.sendBufferFull()) {
            // tcp_close fails with ERR_MEM (no room for a FIN): espconn_server_close leaves the connection as it
            // was, sends go on, and espconn_server_poll closes again a second later
            c.finPending = true;
            c.finRetry = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MS);
            settle(c);
            publish(c);
            return;
        }
        try {
            c.sent += c.flushPiece();
        } catch (IOException e) {
            // closing anyway
        }
        end(c, null);
    }

    /** The connection is over: close it, run its last handlers, free its queue. */
    private void end(JvmConnection c, ConnectionError error) {
        if (c.status == JvmConnection.State.GONE) {
            return;
        }
        c.status = JvmConnection.State.GONE;
        connections.remove(c);
        c.key.cancel();
        if (c.reset) {
            resetQuietly(c.channel);
        } else if (error == null) {
            drainInput(c.channel); // unread input would turn the close into a reset
        }
        quietly(c.channel);
        if (error != null) {
            call(OnError.class, c, null, error);
        }
        call(OnDisconnect.class, c, null, null);
        c.drop();
        c.ended = true;
        slots[c.slot] = null;
        publish(c);
        settleAll(); // its disconnect handler may have sent to the others
    }

    /** Makes what c has done so far visible to {@link #traffic(int)}. */
    private void publish(JvmConnection c) {
        traffic.put(c.remotePort(), new Traffic(c.received, c.sent, c.queuedBytes(), c.ended));
    }

    private void closeIdle() {
        long now = System.nanoTime();
        long limit = TimeUnit.SECONDS.toNanos(config.idleTimeoutSeconds());
        for (JvmConnection c : List.copyOf(connections)) {
            if (c.finPending) {
                // espconn_server_poll: a connection no longer ESTABLISHED is closed again
                if (now - c.finRetry >= 0) {
                    peerClosed(c);
                }
            } else if (now - c.lastReceive >= limit) {
                end(c, null);
            }
        }
    }

    /**
     * Runs the @Every handlers that are due, as the firmware's os_timers fire (espgen_server.c: espgen_on_timer): with
     * the table's never-open connection, then every connection settled. A late timer skips the periods it missed,
     * as the host emulation's timers do, rather than firing in a burst.
     */
    private void runTimers() {
        long now = System.nanoTime();
        for (Timer t : timers) {
            if (now - t.due < 0) {
                continue;
            }
            callAsServer(t.method);
            settleAll();
            t.due += t.periodNanos;
            if (now - t.due >= 0) {
                t.due = now + t.periodNanos;
            }
        }
    }

    private void findPins(Class<?> serverClass) {
        for (java.lang.reflect.Field f : serverClass.getDeclaredFields()) {
            if (f.getType() == Pin.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                try {
                    f.setAccessible(true);
                    Pin p = (Pin) f.get(null);
                    p.write(p.hasPullUp()); // as the firmware starts it: an output low, an input at its pull
                    pins.put(p.gpio(), p);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (Method m : serverClass.getDeclaredMethods()) {
            OnInterrupt on = m.getAnnotation(OnInterrupt.class);
            AfterInterrupt after = m.getAnnotation(AfterInterrupt.class);
            if (on != null) {
                m.setAccessible(true);
                onInterrupt.put(on.pin(), m);
                edges.put(on.pin(), on.edge());
            }
            if (after != null) {
                m.setAccessible(true);
                afterInterrupt.put(after.pin(), m);
                edges.put(after.pin(), after.edge());
            }
        }
    }

    /** A test changed an input: its interrupt handler when the edge is the one it waits for, then the task's. */
    private void edge(int gpio, Pin p, boolean high) {
        boolean was = p.read();
        p.write(high);
        Edge want = edges.get(gpio);
        if (want == null || was == high || want == Edge.RISING && !high || want == Edge.FALLING && high) {
            return;
        }
        for (Method m : new Method[] {onInterrupt.get(gpio), afterInterrupt.get(gpio)}) {
            if (m == null) {
                continue;
            }
            callAsServer(m);
        }
        settleAll();
    }

    private OneShotTimer oneShot(String handler) {
        OneShotTimer t = oneShots.get(handler);
        if (t == null) {
            throw new IllegalArgumentException("\"" + handler + "\" is not a @OneShot method of " + name);
        }
        return t;
    }

    /**
     * Runs the @OneShot handlers that are due, once each, the earliest first, as their os_timers fire
     * (espgen_on_timer); one a handler re-arms waits for its new time.
     */
    private void runOneShots() {
        long now = System.nanoTime();
        for (int round = 0; round < oneShots.size(); round++) {
            OneShotTimer t = null;
            for (OneShotTimer o : oneShots.values()) {
                if (o.armed && now - o.due >= 0 && (t == null || o.due - t.due < 0)) {
                    t = o;
                }
            }
            if (t == null) {
                return;
            }
            t.armed = false;
            callAsServer(t.method);
            settleAll();
        }
    }

    /**
     * Runs a handler that is not about one connection (a timer's, a pin's): its Connection parameter, if any, is
     * the server's never-open entry, as the firmware passes it.
     */
    private void callAsServer(Method m) {
        Object[] args = new Object[m.getParameterCount()];
        java.util.Arrays.fill(args, table.nobody);
        try {
            m.invoke(server, args);
        } catch (InvocationTargetException e) {
            fail(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private long nextTimeoutMillis() {
        long limit = TimeUnit.SECONDS.toNanos(config.idleTimeoutSeconds());
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (Timer t : timers) {
            next = Math.min(next, t.due - now);
        }
        for (OneShotTimer t : oneShots.values()) {
            if (t.armed) {
                next = Math.min(next, t.due - now);
            }
        }
        for (JvmConnection c : connections) {
            next = Math.min(next, c.finPending ? c.finRetry - now : c.lastReceive + limit - now);
        }
        return next == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next) + 1);
    }

    private void call(Class<? extends Annotation> event, JvmConnection c, Bytes data, ConnectionError error) {
        Method m = handlers.get(event);
        if (m == null) {
            return;
        }
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i] == Connection.class ? c
                    : types[i] == Bytes.class ? data
                    : types[i] == ConnectionError.class ? error : c.state;
        }
        try {
            m.invoke(server, args);
        } catch (InvocationTargetException e) {
            fail(e.getCause());
            end(c, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void print(String line) {
        String text = name + ": " + line;
        System.out.println(text);
        synchronized (log) {
            log.add(text);
        }
    }

    private void fail(Throwable t) {
        System.err.println(name + ": a handler threw " + t);
        t.printStackTrace();
        synchronized (failures) {
            failures.add(t);
        }
    }

    private static void drainInput(SocketChannel ch) {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        try {
            while (ch.read(sink) > 0) {
                sink.clear();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Makes the coming close a reset (RST) instead of an orderly end of the stream (FIN). */
    private static void resetQuietly(SocketChannel ch) {
        try {
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing to do
        }
    }

    private static Object instantiate(Class<?> type) {
        return construct(noArgConstructor(type));
    }

    private static Constructor<?> noArgConstructor(Class<?> type) {
        try {
            Constructor<?> k = type.getDeclaredConstructor();
            k.setAccessible(true);
            return k;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a constructor without parameters", e);
        }
    }

    private static Object construct(Constructor<?> k) {
        try {
            return k.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(k.getDeclaringClass().getName() + "'s constructor threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
