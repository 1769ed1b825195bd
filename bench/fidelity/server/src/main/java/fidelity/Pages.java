package fidelity;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;

/**
 * A framed server: every "GET n" line is answered with n bytes (at most 16384), one frame at a time while the
 * send queue is at or below half its size; pipelined requests wait in the receive buffer, with receive held.
 */
@TcpServer(port = 7007, maxConnections = 2, idleTimeoutSeconds = 30, sendQueueBytes = 32768)
@Framed(delimiter = "\n", maxFrameBytes = 32)
public class Pages {
    static class S {
        int rx;
        int tx;
        int dropped;
        byte[] body = new byte[1024];
    }

    @OnConnect
    void hello(Connection c, S s) {
        Log.info("open %d", c.remotePort());
        for (int i = 0; i < s.body.length; i++) {
            s.body[i] = (byte) ('a' + i % 26);
        }
    }

    @OnFrame
    void request(Connection c, S s, Bytes line) {
        s.rx += line.length() + 1;
        int n = line.startsWith("GET ") ? line.parseInt(4, line.length(), 0) : 0;
        int left = Math.min(n, 16384);
        for (int i = 0; i < 16 && left > 0; i++) {
            int k = Math.min(left, 1024);
            left -= k;
            if (c.send(s.body, 0, k)) {
                s.tx += k;
            } else {
                s.dropped += k;
            }
        }
    }

    @OnError
    void failed(Connection c, ConnectionError e) {
        switch (e) {
            case TIMEOUT -> Log.info("error %d TIMEOUT", c.remotePort());
            case ABORTED -> Log.info("error %d ABORTED", c.remotePort());
            case RESET -> Log.info("error %d RESET", c.remotePort());
            case CLOSED -> Log.info("error %d CLOSED", c.remotePort());
            default -> Log.info("error %d CONNECTION_FAILED", c.remotePort());
        }
    }

    @OnDisconnect
    void bye(Connection c, S s) {
        Log.info("end %d rx %d tx %d dropped %d", c.remotePort(), s.rx, s.tx, s.dropped);
    }
}
