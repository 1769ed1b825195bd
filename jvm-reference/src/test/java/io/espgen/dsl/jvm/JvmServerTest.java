package io.espgen.dsl.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JvmServerTest {

    private JvmServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // --- servers ---

    @TcpServer(port = 1, maxConnections = 2, idleTimeoutSeconds = 1)
    public static class Greeter {
        static class S {
            int n = 40;
            byte[] buf = new byte[4];
        }

        @OnConnect
        void hello(Connection c, S s) {
            c.send("hi\n");
        }

        @OnReceive
        void got(S s, Bytes data, Connection c) {
            s.n += data.length();
            Log.info("got %d, total %d", data.length(), s.n);
            if (data.startsWith("quit")) {
                c.send("bye\n");
                c.close();
                Log.warn("send after close: %s", c.send("x") ? "queued" : "refused");
                return;
            }
            if (data.startsWith("range")) {
                s.buf[0] = 'a';
                s.buf[1] = 'b';
                s.buf[2] = 'c';
                s.buf[3] = 'd';
                c.send(s.buf, -5, 2);
                c.send(s.buf, 3, 100);
                c.send(s.buf, 9, 1);
                c.send(s.buf, 1, -1);
                c.send(s.buf, 1, Integer.MAX_VALUE);
                return;
            }
            c.send(data);
        }

        @OnDisconnect
        void bye(S s) {
            Log.info("bye %d", s.n);
        }
    }

    /**
     * The cap counts blocks as the firmware's queue does (SendQueue): "0123456789" into the empty queue is a block
     * of 10 (26 with its overhead); the second one needs two 8-byte blocks more (48), over the cap; "abcdef" one
     * (24), under it.
     */
    @TcpServer(port = 1, sendChunkSize = 8, sendQueueBytes = 64, onQueueFull = QueueFullPolicy.REFUSE)
    public static class Queue {
        @OnReceive
        void got(Connection c, Bytes data) {
            boolean a = c.send("0123456789");
            int afterA = c.queuedBytes();
            boolean b = c.send("0123456789");
            boolean d = c.send("abcdef");
            Log.info("%s %d %s %s %d", a ? "a" : "-", afterA, b ? "b" : "-", d ? "d" : "-", c.queuedBytes());
        }

        @OnSent
        void drained(Connection c) {
            Log.info("drained %d", c.queuedBytes());
        }
    }

    @TcpServer(port = 1, sendChunkSize = 4, sendQueueBytes = 40, onQueueFull = QueueFullPolicy.CLOSE)
    public static class Strict {
        @OnReceive
        void got(Connection c, Bytes data) {
            c.send("abcdefgh");
            boolean more = c.send("0123456789");
            Log.info("more %s, then %s", more ? "yes" : "no", c.send("x") ? "yes" : "no");
        }

        @OnSent
        void drained(Connection c) {
            Log.info("drained");
        }

        @OnDisconnect
        void bye(Connection c) {
            Log.info("bye");
        }
    }

    @TcpServer(port = 1)
    public static class Errors {
        static class S {
            byte[] b = new byte[1];
        }

        @OnReceive
        void got(S s, Bytes data) {
            Log.info("piece %d", data.length());
            if (data.get(0) == '!') {
                s.b[5] = 1;
            }
        }

        @OnError
        void failed(ConnectionError e, Connection c) {
            Log.info("error %s, sent %s", e == ConnectionError.RESET ? "reset" : "other", c.send("x") ? "yes" : "no");
        }

        @OnDisconnect
        void bye() {
            Log.info("bye");
        }
    }

    /** State all clients share, and the other connections: ids, a broadcast, a lookup, another's state. */
    @TcpServer(port = 1, maxConnections = 3)
    public static class Room {
        static int joins;
        static final int[] SEEN = new int[2];
        static int[][] grid = new int[2][2];

        static class M {
            int heard;
        }

        @OnConnect
        void join(Connection c, M m) {
            joins++;
            SEEN[0]++;
            grid[1][1] += 10;
            c.sendDecimal(c.id());
            c.send(" ");
            c.sendDecimal(joins + grid[1][1]);
            c.send("\n");
        }

        @OnReceive
        void said(Connection c, M m, Bytes data) {
            if (data.startsWith("#")) {
                Connection to = c.connectionById(data.parseInt(1, data.length(), 0));
                M other = to.state();
                other.heard += 1000;
                c.send(to.isOpen() ? "open " : "gone ");
                c.sendHex(to.id());
                c.send("\n");
                return;
            }
            for (Connection o : c.connections()) {
                M om = o.state();
                om.heard++;
                if (o != c) {
                    o.send(data);
                }
            }
            c.sendDecimal(c.connectionCount());
        }

        @OnDisconnect
        void left(Connection c, M m) {
            Log.info("%d heard %d, %d open", c.id(), m.heard, c.connectionCount());
        }
    }

    // --- tests ---

    @Test
    void aTakenPortSaysWhichAndWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> JvmServer.start(Greeter.class, taken.getLocalPort()))
                    .isInstanceOf(BindException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " for Greeter (")
                    .hasMessageEndingWith("another program holds the port; pass 0 to take a free one, JvmServer.port() "
                            + "tells which");
        }
    }

    @Test
    void connectionsReachEachOtherWithTheFirmwaresIdsAndStaticFieldsStartOverEachStart() throws Exception {
        for (int start = 0; start < 2; start++) {
            server = JvmServer.start(Room.class, 0);
            try (Socket a = connect(); Socket b = connect()) {
                assertThat(read(a, 7)).isEqualTo("257 11\n");
                assertThat(read(b, 7)).isEqualTo("258 22\n");
                a.getOutputStream().write("hey".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(b, 3)).isEqualTo("hey");
                assertThat(read(a, 1)).isEqualTo("2");
                b.getOutputStream().write("#257".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(b, 9)).isEqualTo("open 101\n");
                b.getOutputStream().write("#513".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(b, 7)).isEqualTo("gone 0\n");
                b.close();
                awaitLog("Room: 258 heard 1, 1 open");
            }
            awaitLog("Room: 257 heard 1001, 0 open");
            assertThat(server.log()).containsExactly("Room: 258 heard 1, 1 open", "Room: 257 heard 1001, 0 open");
            assertThat(Room.SEEN[0]).isEqualTo(2);
            server.close();
            server = null;
        }
    }

    @Test
    void greetsEchoesAndLogsWithTheServersName() throws Exception {
        server = JvmServer.start(Greeter.class, 0);
        try (Socket s = connect()) {
            assertThat(read(s, 3)).isEqualTo("hi\n");
            s.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(s, 3)).isEqualTo("abc");
        }
        awaitLog("Greeter: bye 43");
        assertThat(server.log()).containsExactly("Greeter: got 3, total 43", "Greeter: bye 43");
    }

    @Test
    void eachConnectionHasItsOwnFreshState() throws Exception {
        server = JvmServer.start(Greeter.class, 0);
        try (Socket a = connect(); Socket b = connect()) {
            read(a, 3);
            read(b, 3);
            a.getOutputStream().write("12345".getBytes(StandardCharsets.US_ASCII));
            read(a, 5);
            b.getOutputStream().write("1".getBytes(StandardCharsets.US_ASCII));
            read(b, 1);
        }
        // the two closes reach the server in either order: wait for both
        awaitLog("Greeter: bye 41");
        awaitLog("Greeter: bye 45");
        assertThat(server.log()).contains("Greeter: got 5, total 45", "Greeter: got 1, total 41");
    }

    @Test
    void closeDrainsTheQueueRefusesLaterSendsAndDropsLaterData() throws Exception {
        server = JvmServer.start(Greeter.class, 0);
        try (Socket s = connect()) {
            read(s, 3);
            s.getOutputStream().write("quit".getBytes(StandardCharsets.US_ASCII));
            assertThat(readToEnd(s)).isEqualTo("bye\n");
        }
        awaitLog("Greeter: bye 44");
        assertThat(server.log()).containsExactly("Greeter: got 4, total 44", "Greeter: warning: send after close: refused",
                "Greeter: bye 44");
    }

    @Test
    void sendsArrayRangesClampedAsTheFirmwareDoes() throws Exception {
        server = JvmServer.start(Greeter.class, 0);
        try (Socket s = connect()) {
            read(s, 3);
            s.getOutputStream().write("range".getBytes(StandardCharsets.US_ASCII));
            // [-5, 2) -> "ab"; [3, 103) -> "d"; [9, 10) -> ""; negative length -> ""; [1, MAX) -> "bcd"
            assertThat(read(s, 6)).isEqualTo("abdbcd");
        }
    }

    @Test
    void refusesClientsBeyondTheLimitWithoutHandlers() throws Exception {
        server = JvmServer.start(Greeter.class, 0);
        try (Socket a = connect(); Socket b = connect(); Socket c = connect()) {
            read(a, 3);
            read(b, 3);
            assertThat(endedWithoutData(c)).isTrue();
            // the refused one shows as ended at once, with nothing received
            awaitTrue(() -> server.traffic(c.getLocalPort()).isPresent());
            assertThat(server.traffic(c.getLocalPort())).contains(new JvmServer.Traffic(0, 0, 0, true));
            awaitTrue(() -> server.traffic(a.getLocalPort()).map(t -> t.sent() == 3).orElse(false));
            assertThat(server.traffic(a.getLocalPort())).contains(new JvmServer.Traffic(0, 3, 0, false));
        }
        awaitLog("Greeter: bye 40", 2);
        assertThat(server.log()).containsExactly("Greeter: bye 40", "Greeter: bye 40");
    }

    @Test
    void closesIdleClients() throws Exception {
        server = JvmServer.start(Greeter.class, 0);
        try (Socket s = connect()) {
            long start = System.nanoTime();
            assertThat(readToEnd(s)).isEqualTo("hi\n");
            assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(900));
        }
        awaitLog("Greeter: bye 40");
        assertThat(server.log()).containsExactly("Greeter: bye 40");
    }

    @Test
    void refusePolicyQueuesNothingOfASendThatDoesNotFit() throws Exception {
        server = JvmServer.start(Queue.class, 0);
        try (Socket s = connect()) {
            s.getOutputStream().write('x');
            assertThat(read(s, 16)).isEqualTo("0123456789abcdef");
            awaitLog("Queue: drained 0");
        }
        assertThat(server.log()).containsExactly("Queue: a 10 - d 16", "Queue: drained 0");
    }

    @Test
    void closePolicyResetsBeforeAnythingTheHandlerQueuedLeaves() throws Exception {
        // the firmware hands the SDK what a handler queued when it returns: after an abort, nothing
        server = JvmServer.start(Strict.class, 0);
        try (Socket s = connect()) {
            s.getOutputStream().write('x');
            assertThat(endedWithoutData(s)).as("reset").isTrue();
        }
        awaitLog("Strict: bye");
        assertThat(server.log()).containsExactly("Strict: more no, then no", "Strict: bye");
    }

    @Test
    void aResetGivesOnErrorThenOnDisconnect() throws Exception {
        server = JvmServer.start(Errors.class, 0);
        Socket s = connect();
        s.getOutputStream().write('a');
        awaitLog("Errors: piece 1");
        s.setSoLinger(true, 0);
        s.close();
        awaitLog("Errors: bye");
        assertThat(server.log()).containsExactly("Errors: piece 1", "Errors: error reset, sent no", "Errors: bye");
    }

    @Test
    void deliversLargeReadsInSegments() throws Exception {
        server = JvmServer.start(Errors.class, 0);
        try (Socket s = connect()) {
            s.getOutputStream().write(new byte[3000]);
            awaitTrue(() -> pieces(server.log()).stream().mapToInt(Integer::intValue).sum() >= 3000);
        }
        awaitLog("Errors: bye");
        // how loopback splits the 3000 bytes is the kernel's choice; the reference's bound is not
        List<Integer> pieces = pieces(server.log());
        assertThat(pieces.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3000);
        assertThat(pieces).allSatisfy(n -> assertThat(n).isBetween(1, 1460)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(server.log()).last().isEqualTo("Errors: bye");
    }

    @Test
    void aThrowingHandlerIsKeptAndEndsItsConnection() throws Exception {
        server = JvmServer.start(Errors.class, 0);
        try (Socket s = connect()) {
            s.getOutputStream().write('!');
            assertThat(readToEnd(s)).isEmpty();
        }
        awaitLog("Errors: bye");
        assertThat(server.failures()).singleElement().isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    @Test
    void tellsWhatEachConnectionHasDoneSoATestNeedNotSleep() throws Exception {
        server = JvmServer.start(Greeter.class, 0);
        int port;
        try (Socket s = connect()) {
            port = s.getLocalPort();
            assertThat(read(s, 3)).isEqualTo("hi\n");
            s.getOutputStream().write("12".getBytes(StandardCharsets.US_ASCII));
            awaitTrue(() -> server.receivedBytes(port) == 2);
            // read and handled: the next bytes come in a receive of their own
            s.getOutputStream().write("3".getBytes(StandardCharsets.US_ASCII));
            awaitTrue(() -> server.receivedBytes(port) == 3);
            assertThat(read(s, 3)).isEqualTo("123");
            awaitTrue(() -> server.traffic(port).orElseThrow().sent() == 6);
            assertThat(server.traffic(port)).contains(new JvmServer.Traffic(3, 6, 0, false));
        }
        awaitTrue(() -> server.traffic(port).orElseThrow().ended());
        // ended: OnDisconnect has returned, so its line is in
        assertThat(server.log()).containsExactly("Greeter: got 2, total 42", "Greeter: got 1, total 43",
                "Greeter: bye 43");
        assertThat(server.traffic(port)).contains(new JvmServer.Traffic(3, 6, 0, true));
        assertThat(server.traffic(port == 1 ? 2 : 1)).isEmpty();
        assertThat(server.receivedBytes(port == 1 ? 2 : 1)).isZero();
    }

    // --- a client ---

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(5_000);
        s.setTcpNoDelay(true);
        return s;
    }

    private static String read(Socket s, int n) throws IOException {
        byte[] b = s.getInputStream().readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean endedWithoutData(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException silent) {
            return false;
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static List<Integer> pieces(List<String> log) {
        return log.stream().filter(l -> l.startsWith("Errors: piece "))
                .map(l -> Integer.parseInt(l.substring("Errors: piece ".length()))).toList();
    }

    private void awaitLog(String line) throws InterruptedException {
        awaitLog(line, 1);
    }

    private void awaitLog(String line, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<String> log = server.log();
            if (log.stream().filter(line::equals).count() >= times) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(server.log()).as("log").contains(line);
    }
}
