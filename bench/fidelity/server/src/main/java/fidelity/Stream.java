package fidelity;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/**
 * "GET n\n" is answered with n bytes, queued in 1024-byte sends and refilled when the queue has drained. A 2 s idle
 * timeout, so a client that only reads shows whether acknowledged data keeps a connection alive. The queue is filled
 * to one block (sendChunkSize and its header) short of its size: queued data sits in blocks that cost more than
 * they hold, and a send that does not fit closes the connection (the default policy).
 */
@TcpServer(port = 7002, maxConnections = 2, idleTimeoutSeconds = 2, sendQueueBytes = 8192)
public class Stream {
    static class S {
        int remaining;
        int rx;
        int tx;
        int dropped;
        byte[] piece = new byte[1024];
    }

    @OnReceive
    void request(Connection c, S s, Bytes data) {
        s.rx += data.length();
        int end = data.indexOf('\n', 0);
        int n = end > 4 && data.startsWith("GET ") ? data.parseInt(4, end, -1) : -1;
        if (n <= 0) {
            return;
        }
        Log.info("open %d", c.remotePort());
        for (int i = 0; i < s.piece.length; i++) {
            s.piece[i] = (byte) ('a' + i % 26);
        }
        s.remaining = n;
        feed(c, s);
    }

    @OnSent
    void more(Connection c, S s) {
        feed(c, s);
    }

    private void feed(Connection c, S s) {
        for (int i = 0; i < 8 && s.remaining > 0 && c.queuedBytes() + 1024 + 2936 <= 8192; i++) {    // 5 fit
            int n = Math.min(s.remaining, 1024);
            if (!c.send(s.piece, 0, n)) {
                s.dropped += n;
                return;
            }
            s.tx += n;
            s.remaining -= n;
        }
    }

    @OnError
    void failed(Connection c, S s, ConnectionError e) {
        reportError(c.remotePort(), e);
    }

    @OnDisconnect
    void bye(Connection c, S s) {
        Log.info("end %d rx %d tx %d dropped %d", c.remotePort(), s.rx, s.tx, s.dropped);
    }

    /** The error callback's kind, for bench/fidelity/fidelity.py. */
    private void reportError(int port, ConnectionError e) {
        switch (e) {
            case TIMEOUT -> Log.info("error %d TIMEOUT", port);
            case ABORTED -> Log.info("error %d ABORTED", port);
            case RESET -> Log.info("error %d RESET", port);
            case CLOSED -> Log.info("error %d CLOSED", port);
            default -> Log.info("error %d CONNECTION_FAILED", port);
        }
    }
}
