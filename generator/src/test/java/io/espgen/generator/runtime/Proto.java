package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The protocol of SessionServer and LifecycleServer (runtime-servers/session, runtime-servers/lifecycle). */
final class Proto {

    static final byte[] HI = ascii("hi\n");
    static final byte[] BYE = ascii("bye\n");
    /**
     * The answer to "big": 8 sends of the same 1000-byte block in one handler. The send queue keeps them in 6
     * blocks and hands them to the SDK merged into 3 pieces of at most 2920 bytes (espgen_txq.c). Three
     * connections with such a reply queued (about 10 KB of heap each) stay above the heap reserve; four would not,
     * on the chip either.
     */
    static final byte[] BIG;

    static {
        byte[] block = new byte[1000];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) ('a' + i % 26);
        }
        BIG = new byte[8 * block.length];
        for (int k = 0; k < 8; k++) {
            System.arraycopy(block, 0, BIG, k * block.length, block.length);
        }
    }

    private Proto() {}

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A greeted client. */
    static Peer greeted(int port) throws IOException {
        Peer p = Peer.connect(port);
        p.expect(HI);
        return p;
    }

    /** One request and the answer it must get. */
    record Step(byte[] request, byte[] answer) {}

    /** The scripted session: connect, three echoes, a big reply, the server's close. */
    static final Step[] SESSION = {
        new Step(null, HI),
        new Step(ascii("one"), ascii("one")),
        new Step(ascii("two:22"), ascii("two:22")),
        new Step(ascii("big"), BIG),
        new Step(ascii("three, with more bytes"), ascii("three, with more bytes")),
        new Step(ascii("close"), BYE),
    };

    /** What a session ending in its own way saw. */
    record Outcome(boolean complete, byte[] received, Peer.End end) {}

    /**
     * Runs SESSION on a new connection. Complete when every answer came byte-exact and the server then closed the
     * connection; otherwise what came must be a prefix of what was expected and the connection must have ended (EOF
     * or reset) rather than stalled: a failure is clean, never a corrupted or stuck stream.
     */
    static Outcome session(int port) throws IOException {
        return session(port, false);
    }

    /**
     * As {@link #session(int)}; with mayLoseARequest an answer that never comes (the SDK had no heap to copy the
     * request and dropped it, its window already credited: espconn_tcp.c: espconn_server_recv) ends the session
     * with {@link Peer.End#TIMEOUT} instead of failing it.
     */
    static Outcome session(int port, boolean mayLoseARequest) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Peer connected;
        try {
            connected = Peer.connect(port);
        } catch (java.net.SocketException reset) {
            // reset right after the handshake (the SDK had no heap for the client, or the firmware aborted it at
            // once): the connect call itself may see it
            return new Outcome(false, new byte[0], Peer.End.RESET);
        }
        try (Peer p = connected) {
            for (Step step : SESSION) {
                if (step.request() != null) {
                    try {
                        p.send(step.request());
                    } catch (IOException reset) {
                        return ended(p, expected, got);
                    }
                }
                expected.writeBytes(step.answer());
                Peer.Tail t = p.readUpTo(step.answer().length, Peer.READ_TIMEOUT_MS);
                got.writeBytes(t.data());
                assertThat(Peer.isPrefix(got.toByteArray(), expected.toByteArray()))
                        .as("what the client received is a prefix of the session's answers").isTrue();
                if (t.end() != Peer.End.LIMIT) {
                    if (!(mayLoseARequest && t.end() == Peer.End.TIMEOUT)) {
                        assertThat(t.end()).as("a short answer ends the connection, it does not stall it")
                                .isIn(Peer.End.EOF, Peer.End.RESET);
                    }
                    return new Outcome(false, got.toByteArray(), t.end());
                }
            }
            Peer.Tail rest = p.readToEnd(1, Peer.READ_TIMEOUT_MS);
            assertThat(rest.data()).as("nothing after bye").isEmpty();
            assertThat(rest.end()).as("the server closes after bye").isEqualTo(Peer.End.EOF);
            return new Outcome(true, got.toByteArray(), rest.end());
        }
    }

    private static Outcome ended(Peer p, ByteArrayOutputStream expected, ByteArrayOutputStream got)
            throws IOException {
        Peer.Tail t = p.readToEnd(expected.size() + 1, Peer.READ_TIMEOUT_MS);
        got.writeBytes(t.data());
        assertThat(Peer.isPrefix(got.toByteArray(), expected.toByteArray())).isTrue();
        assertThat(t.end()).isIn(Peer.End.EOF, Peer.End.RESET);
        return new Outcome(false, got.toByteArray(), t.end());
    }

    /** A byte-exact conversation that must fully succeed: greeting, an echo of tag, the big reply. Returns the
     * client's port. */
    static int served(int port, String tag) throws IOException {
        try (Peer p = greeted(port)) {
            byte[] m = ascii(tag);
            p.send(m);
            p.expect(m);
            p.send(ascii("big"));
            p.expect(BIG);
            return p.localPort();
        }
    }
}
