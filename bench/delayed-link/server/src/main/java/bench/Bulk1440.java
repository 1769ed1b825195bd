package bench;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/**
 * Bulk sender of the delayed-link benchmark: "GET n\n" is answered with n bytes, queued from
 * {@code @OnSent} one chunk-sized piece at a time, so the runtime's send path (one espconn_send of at
 * most sendChunkSize bytes in flight, the next from the sent callback) is all that sets the pace.
 * Bulk1440 and Bulk2920 differ only in the lines marked VARIANT (bench/delayed-link/run checks it).
 */
@TcpServer(port = Bulk1440.PORT, maxConnections = 2, idleTimeoutSeconds = 60, sendChunkSize = Bulk1440.CHUNK,
        sendQueueBytes = Bulk1440.QUEUE)
public class Bulk1440 {
    static final int PORT = 9440; // VARIANT
    static final int CHUNK = 1440; // VARIANT sendChunkSize: 1440 bytes, the classic notes' size
    /** Whole chunks only: a queued piece that is not a multiple of CHUNK would end in a short chunk. */
    static final int QUEUE = 4 * CHUNK;

    static class S {
        int remaining;
        byte[] piece = new byte[2920];
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

    /** The queue has drained (the peer acknowledged every byte): refill it. */
    @OnSent
    void more(Connection c, S s) {
        feed(c, s);
    }

    /** Queues pieces of one chunk each until the queue is full or the request is done. */
    private void feed(Connection c, S s) {
        for (int i = 0; i < 64 && s.remaining > 0 && c.canSend(CHUNK); i++) {    // more than fill the queue
            int n = Math.min(s.remaining, CHUNK);
            if (!c.send(s.piece, 0, n)) {
                return;
            }
            s.remaining -= n;
        }
    }
}
