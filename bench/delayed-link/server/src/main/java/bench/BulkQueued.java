package bench;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/**
 * The bulk sender of issue 9 ("the send path"), written the way users write one: "GET n\n" is answered with n bytes
 * queued as many 1024-byte {@code send}s, as many as the queue takes ({@code canSend}), refilled from {@code @OnSent}
 * (which runs when the peer's acknowledgements take the queue down to half its size, and when they empty it). Every
 * setting is the DSL's default (sendChunkSize, sendQueueBytes, onQueueFull, idle timeout) but the connection limit.
 * Measured on both stacks by bench/delayed-link/run-stacks; bench/delayed-link/run builds it too but does not
 * measure it.
 */
@TcpServer(port = BulkQueued.PORT, maxConnections = 1)
public class BulkQueued {
    static final int PORT = 9024;
    static final int PIECE = 1024;

    static class S {
        int remaining;
        byte[] piece = new byte[1024];
    }

    @OnConnect
    void hello(Connection c, S s) {
        for (int i = 0; i < s.piece.length; i++) {
            s.piece[i] = (byte) ('a' + i % 26);
        }
    }

    @OnReceive
    void request(Connection c, S s, Bytes data) {
        int end = data.indexOf('\n', 0);
        if (end < 0 || !data.startsWith("GET ")) {
            c.send("ERR\n");
            return;
        }
        if (end > 4 && data.get(end - 1) == '\r') {
            end = end - 1;
        }
        int n = data.parseInt(4, end, -1);
        if (n <= 0) {
            c.send("ERR\n");
            return;
        }
        s.remaining = n;
        feed(c, s);
    }

    @OnSent
    void more(Connection c, S s) {
        feed(c, s);
    }

    /** Queues 1024-byte pieces while the queue takes them, until the request is done. */
    private void feed(Connection c, S s) {
        for (int i = 0; i < 16 && s.remaining > 0 && c.canSend(PIECE); i++) {    // 12 pieces fill the queue
            int n = Math.min(s.remaining, PIECE);
            c.send(s.piece, 0, n);
            s.remaining -= n;
        }
    }
}
