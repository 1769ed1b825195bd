package bench;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/**
 * The bulk sender of issue 9 ("the send path"), written the way users write one: "GET n\n" is answered with n bytes
 * queued as many 1024-byte {@code send}s, up to 32 KB at a time, refilled when the queue has drained. Every
 * setting is the DSL's default (sendChunkSize, onQueueFull) but the queue's size, which must hold 32 KB, and the
 * idle timeout (120 s: an emulation that restarts a client's idle count only on received data would close a slow
 * transfer midway at the default 10 s). Queued data sits in blocks that cost a header and up to sendChunkSize, so
 * the loop stops one block short of the queue's size: a send that does not fit would close the connection (the
 * default policy since the send-path change). Measured on both stacks by bench/delayed-link/run-stacks;
 * bench/delayed-link/run builds it too but does not measure it.
 */
@TcpServer(port = BulkQueued.PORT, maxConnections = 1, idleTimeoutSeconds = 120, sendQueueBytes = BulkQueued.QUEUE)
public class BulkQueued {
    static final int PORT = 9024;
    static final int PIECE = 1024;
    static final int QUEUE = 32 * 1024;
    /** One block: sendChunkSize (2920, the default) and its header (16 bytes, Limits.SEND_BLOCK_OVERHEAD). */
    static final int BLOCK = 2920 + 16;

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

    /** Queues 1024-byte pieces until the queue is one block short of 32 KB, or the request is done. */
    private void feed(Connection c, S s) {
        while (s.remaining > 0 && c.queuedBytes() + PIECE + BLOCK <= QUEUE) {
            int n = Math.min(s.remaining, PIECE);
            if (!c.send(s.piece, 0, n)) {
                return;
            }
            s.remaining -= n;
        }
    }
}
