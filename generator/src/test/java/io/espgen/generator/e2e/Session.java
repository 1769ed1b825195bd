package io.espgen.generator.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A scripted client session (a corpus program's {@code session.txt}) and what the clients saw. One command a
 * line; {@code #} starts a comment line:
 * <pre>
 * connect A            open connection A
 * send A GET 5\n       send the rest of the line, with C escapes: \n \r \t \0 \\ \s (space) \xHH
 * fill A 3000 abc      send 3000 bytes cycling through abc (escapes as for send)
 * pause 200            wait 200 ms
 * close A              half-close A (the server reads the end of the stream); A keeps reading
 * reset A              abort A with a reset; its recording ends there
 * expect-close A       wait (up to 5 s) until the server has closed A
 * </pre>
 * Every command but pause and expect-close is followed by a pause of {@link #SETTLE_MS} (longer while an
 * answer is still arriving), so that each send reaches the server as a receive of its own and its answer
 * comes back before the next command. At the end the clients still open are half-closed, one after the
 * other, and read until the server closes them.
 */
final class Session {

    static final long SETTLE_MS = 60;
    /** After the settling pause, an answer still arriving is awaited until it pauses this long. */
    private static final long QUIET_MS = 25;
    private static final long END_MS = 5_000;
    private static final long LOG_QUIET_MS = 150;

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
                case "connect", "close", "reset", "expect-close" -> steps.add(new Step(at, op, arg(w, 1, at), null, 0));
                case "send" -> steps.add(new Step(at, op, arg(w, 1, at), unescape(w.length > 2 ? w[2] : "", at), 0));
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

    /**
     * Runs the script against a server on 127.0.0.1:port; returns what each connection received and how
     * it ended, then the server's log lines (as {@code log} gives them once they stop changing).
     */
    Recording run(int port, Supplier<List<String>> log) throws IOException, InterruptedException {
        Map<String, Client> clients = new LinkedHashMap<>();
        for (Step s : steps) {
            Client c = s.conn() == null ? null : clients.get(s.conn());
            if (c == null && s.conn() != null && !s.op().equals("connect")) {
                throw new IllegalArgumentException("session line " + s.line() + ": no connection " + s.conn());
            }
            switch (s.op()) {
                case "connect" -> clients.put(s.conn(), new Client(s.conn(), port));
                case "send" -> c.send(s.data());
                case "close" -> c.halfClose();
                case "reset" -> c.reset();
                case "expect-close" -> c.awaitEnd(END_MS);
                default -> Thread.sleep(s.number());
            }
            if (!s.op().equals("pause") && !s.op().equals("expect-close")) {
                Thread.sleep(SETTLE_MS);
                if (c != null) {
                    c.awaitQuiet();
                }
            }
        }
        // one at a time, so that the disconnect handlers run in script order
        for (Client c : clients.values()) {
            c.halfClose();
            c.awaitEnd(END_MS);
        }
        List<String> lines = stableLog(log);
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

    /** The log once it has not changed for a while (disconnect handlers log after the socket closed). */
    private static List<String> stableLog(Supplier<List<String>> log) throws InterruptedException {
        List<String> last = log.get();
        long deadline = System.nanoTime() + END_MS * 1_000_000;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(20);
            List<String> now = log.get();
            if (!now.equals(last)) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > LOG_QUIET_MS * 1_000_000) {
                break;
            }
        }
        return last;
    }

    /** One client: a socket and a thread reading everything the server sends until it ends. */
    private static final class Client {
        final String name;
        final Socket socket = new Socket();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final Thread reader;
        private final List<String> events = new ArrayList<>();
        private volatile String end;
        private long lastReceived;
        private volatile boolean resetByUs;
        private boolean halfClosed;

        Client(String name, int port) throws IOException {
            this.name = name;
            socket.setTcpNoDelay(true);
            reader = new Thread(this::read, "session-" + name);
            reader.setDaemon(true);
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            } catch (ConnectException refused) {
                throw refused;
            } catch (SocketException reset) {
                // a client beyond the server's limit is accepted and reset at once: that can beat connect()
                end = "reset by the server";
                return;
            }
            reader.start();
        }

        private void read() {
            byte[] buf = new byte[8192];
            try {
                InputStream in = socket.getInputStream();
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    synchronized (received) {
                        received.write(buf, 0, n);
                        lastReceived = System.nanoTime();
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
        }

        /** Waits (up to a second) until nothing has arrived for QUIET_MS. */
        void awaitQuiet() throws InterruptedException {
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                long since;
                synchronized (received) {
                    since = System.nanoTime() - lastReceived;
                }
                if (since > QUIET_MS * 1_000_000) {
                    return;
                }
                Thread.sleep(5);
            }
        }

        void awaitEnd(long millis) throws InterruptedException {
            if (reader.isAlive()) {
                reader.join(millis);
            }
        }

        String transcript() {
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
