package fidelity;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * Request and response: every "GET n\n" line is answered at once with n bytes (one send each), as a naive server
 * would; pipelined requests then meet the queue's limit and its policy.
 */
@TcpServer(port = 7004, maxConnections = 1, idleTimeoutSeconds = 30, sendQueueBytes = 16384)
public class Answer {
    static class S {
        int rx;
        int tx;
        int dropped;
        byte[] body = new byte[2048];
    }

    @OnConnect
    void hello(Connection c, S s) {
        Log.info("open %d", c.remotePort());
        for (int i = 0; i < s.body.length; i++) {
            s.body[i] = (byte) ('A' + i % 26);
        }
    }

    @OnReceive
    void requests(Connection c, S s, Bytes data) {
        s.rx += data.length();
        int start = 0;
        for (int i = 0; i < data.length() && start < data.length(); i++) {    // each request takes a byte at least
            int end = data.indexOf('\n', start);
            if (end < 0) {
                return;
            }
            int n = data.get(start) == 'G' ? data.parseInt(start + 4, end, 0) : 0;
            if (n > 0 && n <= 2048) {
                if (c.send(s.body, 0, n)) {
                    s.tx += n;
                } else {
                    s.dropped += n;
                }
            }
            start = end + 1;
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
