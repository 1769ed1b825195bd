package io.espgen.generator.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A scripted client session (a corpus program's {@code session.txt}) and what the clients saw. One command a
 * line; {@code #} starts a comment line:
 * <pre>
 * connect A            open connection A
 * connect-mute M       open connection M, a client that never reads (a small receive buffer, no reader): a slow
 *                      reader among the targets of a broadcast; its transcript says only that, since what reaches
 *                      it depends on the buffers on the way; the script ends it with reset (or the session does)
 * send A GET 5\n       send the rest of the line, with C escapes: \n \r \t \0 \\ \s (space) \xHH
 * fill A 3000 abc      send 3000 bytes cycling through abc (escapes as for send)
 * pause 200            wait 200 ms
 * close A              half-close A (the server reads the end of the stream); A keeps reading
 * send-close A GET 1\n  send the rest of the line and half-close A at once, before the server answers; wait for
 *                      the end as after close (what the server had queued then is what the SDK still sends)
 * reset A              abort A with a reset; its recording ends there
 * expect-close A       wait until the server has closed A
 * </pre>
 * After each command the session waits, on what the server reports of the connection ({@link Server#traffic}),
 * until the server is done with it; never for a time, so a busy machine only makes a run slower:
 * <ul>
 *   <li>after {@code connect} and {@code send}: until the server has read and handled every byte sent on the
 *       connection (so the next send reaches it in a receive of its own, never joined to this one), and has
 *       nothing left to do for it (all it sent is written and acknowledged, nothing it set in motion, such as a
 *       close, is still to run), and the client has received all the server sent; or until the connection has
 *       ended, as below;</li>
 *   <li>after {@code close}, {@code reset} and {@code expect-close}: until the connection has ended on both
 *       sides (the client's reading has stopped, and the server's disconnect handlers have returned, so their
 *       log lines are in).</li>
 * </ul>
 * A wait that lasts {@link #WAIT} fails the run, saying what it waited for. {@code pause} is the only wait for
 * a time: a script asks for one where elapsed time is what it tests (an idle timeout). At the end the clients
 * still open are half-closed, one after the other, each waited for as after {@code close}; the log is then
 * complete.
 */
final class Session {

    /** The receive buffer of a client that never reads: its window shuts after a few KB. */
    static final int MUTE_RCVBUF = 4096;

    /** How long one wait may last before the run fails. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private record Step(int line, String op, String conn, byte[] data, int number) {}

    private final List<Step> steps;

    private Session(List<Step> steps) {
        this.steps = steps;
    }

    static Session parse(String script) {
        List<Step> steps = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split(" ", 3);
            String op = w[0].strip();
            int at = i + 1;
            switch (op) {
                case "connect", "connect-mute", "close", "reset", "expect-close" ->
                        steps.add(new Step(at, op, arg(w, 1, at), null, 0));
                case "send", "send-close" ->
                    steps.add(new Step(at, op, arg(w, 1, at), unescape(w.length > 2 ? w[2] : "", at), 0));
                case "fill" -> {
                    String[] nt = arg(w, 2, at).split(" ", 2);
                    byte[] pattern = unescape(nt.length > 1 ? nt[1] : "", at);
                    byte[] data = new byte[Integer.parseInt(nt[0])];
                    for (int k = 0; k < data.length; k++) {
                        data[k] = pattern[k % pattern.length];
                    }
                    steps.add(new Step(at, "send", arg(w, 1, at), data, 0));
                }
                case "pause" -> steps.add(new Step(at, op, null, null, Integer.parseInt(arg(w, 1, at).strip())));
                default -> throw new IllegalArgumentException("session line " + at + ": unknown command " + op);
            }
        }
        return new Session(steps);
    }

    private static String arg(String[] words, int i, int line) {
        if (words.length <= i) {
            throw new IllegalArgumentException("session line " + line + ": " + words[0] + " needs more arguments");
        }
        return words[i];
    }

    /** C-like escapes to bytes: each other character is one byte (the scripts are ASCII). */
    static byte[] unescape(String text, int line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '\\') {
                out.write(ch);
                continue;
            }
            if (++i >= text.length()) {
                throw new IllegalArgumentException("session line " + line + ": a lone \\ at the end");
            }
            switch (text.charAt(i)) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case 's' -> out.write(' ');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("session line " + line + ": unknown escape \\"
                        + text.charAt(i));
            }
        }
        return out.toByteArray();
    }

    /**
     * What a run saw: per connection, how it ended and the bytes it received, then the server's log lines.
     *
     * @param text all of it, for comparing and for reading
     * @param bytesReceived the bytes all connections received together
     */
    record Recording(String text, int bytesReceived) {}

    /** The server a session runs against, as far as the session needs to see into it. */
    interface Server {
        /**
         * The connection from 127.0.0.1:remotePort (a client's local port) as the server last reported it; empty
         * until the server has accepted it (one refused over a limit is reported as ended at once).
         */
        Optional<Traffic> traffic(int remotePort);

        /** The server's log lines so far. */
        List<String> log();
    }

    /**
     * One connection as its server reports it.
     *
     * @param received bytes the server has read from it and handled
     * @param sent bytes the server has sent on it
     * @param busy whether the server still has something to do for it: bytes to write or to see acknowledged, or
     *        work the handlers set in motion (a close)
     * @param ended whether it has ended and the server's disconnect handlers have returned
     */
    record Traffic(long received, long sent, boolean busy, boolean ended) {}

    /**
     * Runs the script against a server on 127.0.0.1:port; returns what each connection received and how it
     * ended, then the server's log lines.
     */
    Recording run(int port, Server server) throws IOException, InterruptedException {
        Map<String, Client> clients = new LinkedHashMap<>();
        for (Step s : steps) {
            Client c = s.conn() == null ? null : clients.get(s.conn());
            if (c == null && s.conn() != null && !s.op().startsWith("connect")) {
                throw new IllegalArgumentException("session line " + s.line() + ": no connection " + s.conn());
            }
            String what = "session line " + s.line() + " (" + s.op() + (s.conn() == null ? "" : " " + s.conn()) + ")";
            switch (s.op()) {
                case "connect", "connect-mute" -> {
                    c = new Client(s.conn(), port, s.op().equals("connect-mute"));
                    clients.put(s.conn(), c);
                    awaitSettled(what, c, server);
                }
                case "send" -> {
                    c.send(s.data());
                    awaitSettled(what, c, server);
                }
                case "close" -> {
                    c.halfClose();
                    awaitEnded(what, c, server);
                }
                case "send-close" -> {
                    c.send(s.data());
                    c.halfClose();
                    awaitEnded(what, c, server);
                }
                case "reset" -> {
                    c.reset();
                    awaitEnded(what, c, server);
                }
                case "expect-close" -> awaitEnded(what, c, server);
                // the script times itself here: elapsed time is what it tests
                default -> Thread.sleep(s.number());
            }
        }
        // one at a time, so that the disconnect handlers run in script order
        for (Client c : clients.values()) {
            if (c.mute && !c.ended()) {
                c.reset(); // it would never read the end of its stream
            } else {
                c.halfClose();
            }
            awaitEnded("the end of the session (" + c.name + ")", c, server);
        }
        List<String> lines = server.log();
        StringBuilder out = new StringBuilder();
        int total = 0;
        for (Client c : clients.values()) {
            out.append(c.transcript()).append('\n');
            total += c.receivedBytes();
            c.socket.close();
        }
        out.append("log:\n");
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
        return new Recording(out.toString(), total);
    }

    /** Waits until the server is done with what c did last (see the class comment), or c has ended. */
    private static void awaitSettled(String what, Client c, Server server) throws InterruptedException {
        await(what, "the server to handle it and answer in full", c, server, () -> {
            if (c.localPort < 0) {
                return true; // reset before connect() returned: the server cannot be asked about it
            }
            Optional<Traffic> t = server.traffic(c.localPort);
            if (t.isEmpty()) {
                return false;
            }
            if (c.ended() || t.get().ended()) {
                return c.ended() && t.get().ended();
            }
            if (c.mute) {
                return t.get().received() == c.sent; // it reads nothing: what the server has for it waits
            }
            return !t.get().busy() && t.get().received() == c.sent && t.get().sent() == c.receivedBytes();
        });
    }

    /** Waits until c has ended on both sides: the client reads no more, and the server's handlers have run. */
    private static void awaitEnded(String what, Client c, Server server) throws InterruptedException {
        await(what, "the connection to end on both sides", c, server, () -> c.ended()
                && (c.localPort < 0 || server.traffic(c.localPort).map(Traffic::ended).orElse(false)));
        c.awaitReader();
    }

    /**
     * Polls condition until it holds; fails after {@link #WAIT}. What the session waits for is reported by
     * other threads (the client's reader, the server's loop or its output), none of which can wake this one.
     */
    private static void await(String what, String forWhat, Client c, Server server, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": waited " + WAIT.toSeconds() + " s for " + forWhat + "; the client "
                        + c.name + " (local port " + c.localPort + ") sent " + c.sent + " bytes, received "
                        + c.receivedBytes() + ", " + (c.ended() ? c.end : "still reading") + "; the server reports "
                        + server.traffic(c.localPort).map(Traffic::toString).orElse("no such connection"));
            }
            Thread.sleep(1);
        }
    }

    /** One client: a socket and a thread reading everything the server sends until it ends. */
    private static final class Client {
        final String name;
        final Socket socket = new Socket();
        /** The socket's local port: the remote port the server knows it by; -1 if connect() failed. */
        final int localPort;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final Thread reader;
        private final List<String> events = new ArrayList<>();
        private volatile String end;
        /** Bytes written to the socket. */
        private long sent;
        private volatile boolean resetByUs;
        private boolean halfClosed;

        /** Whether the client never reads (connect-mute). */
        final boolean mute;

        Client(String name, int port, boolean mute) throws IOException {
            this.name = name;
            this.mute = mute;
            socket.setTcpNoDelay(true);
            if (mute) {
                socket.setReceiveBufferSize(MUTE_RCVBUF); // before connect, so the window is small from the start
            }
            reader = new Thread(this::read, "session-" + name);
            reader.setDaemon(true);
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            } catch (ConnectException refused) {
                throw refused;
            } catch (SocketException reset) {
                // a client beyond the server's limit is accepted and reset at once: that can beat connect()
                end = "reset by the server";
                localPort = -1;
                return;
            }
            localPort = socket.getLocalPort();
            if (!mute) {
                reader.start();
            }
        }

        private void read() {
            byte[] buf = new byte[8192];
            try {
                InputStream in = socket.getInputStream();
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    synchronized (received) {
                        received.write(buf, 0, n);
                    }
                }
                end = "closed by the server";
            } catch (SocketException e) {
                end = resetByUs ? "reset by the client" : "reset by the server";
            } catch (IOException e) {
                end = "failed: " + e.getMessage();
            }
        }

        void send(byte[] data) {
            try {
                socket.getOutputStream().write(data);
                socket.getOutputStream().flush();
                sent += data.length;
            } catch (IOException e) {
                events.add("send of " + data.length + " bytes failed");
            }
        }

        void halfClose() {
            if (halfClosed || resetByUs || socket.isClosed() || end != null) {
                return;
            }
            halfClosed = true;
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                events.add("half-close failed");
            }
        }

        void reset() throws IOException {
            resetByUs = true;
            socket.setSoLinger(true, 0);
            socket.close();
            if (mute) {
                end = "reset by the client"; // no reader to see it
            }
        }

        /** Whether the client has stopped reading: the server closed or reset the connection, or we reset it. */
        boolean ended() {
            return end != null;
        }

        /** Joins the reader once it has ended (it only returns from read() then). */
        void awaitReader() throws InterruptedException {
            reader.join(WAIT.toMillis());
        }

        String transcript() {
            if (mute) {
                return name + " (never reads)";
            }
            byte[] bytes;
            synchronized (received) {
                bytes = received.toByteArray();
            }
            String how = end == null ? "still open" : end;
            return name + " (" + how + (events.isEmpty() ? "" : "; " + String.join("; ", events)) + "): "
                    + bytes.length + " bytes\n  \"" + escape(bytes) + "\"";
        }

        int receivedBytes() {
            synchronized (received) {
                return received.size();
            }
        }
    }

    /** Bytes as a C string's contents: printable ASCII as is, the rest escaped. */
    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xFF;
            switch (v) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> out.append(v >= 0x20 && v < 0x7F ? String.valueOf((char) v) : String.format("\\x%02x", v));
            }
        }
        return out.toString();
    }
}
