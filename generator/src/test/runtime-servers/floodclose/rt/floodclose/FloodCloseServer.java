package rt.floodclose;

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

/**
 * FloodRefuseServer's flood with the CLOSE policy: a send that does not fit aborts the connection, and the handler
 * sees false. "echo" lines are echoed instead.
 */
@TcpServer(port = 7304, maxConnections = 3, idleTimeoutSeconds = 60, sendQueueBytes = 16384,
        onQueueFull = QueueFullPolicy.CLOSE)
public class FloodCloseServer {

    static final int BLOCK = 1024;

    static class Flood {
        boolean flooding;
        int refusals;
        byte[] block = new byte[1024];
    }

    @OnConnect
    void hello(Connection c, Flood f) {
        for (int i = 0; i < BLOCK; i++) {
            f.block[i] = (byte) ('A' + i % 26);
        }
        c.send("hi\n");
    }

    @OnReceive
    void flood(Connection c, Flood f, Bytes data) {
        if (data.startsWith("echo")) {
            c.send(data);
            return;
        }
        f.flooding = true;
        for (int i = 0; i < data.length(); i++) {
            if (!c.send(f.block, 0, BLOCK)) {
                f.refusals++;
                Log.info("refused: %d bytes queued, refusal %d", c.queuedBytes(), f.refusals);
                return;
            }
        }
    }

    @OnSent
    void more(Connection c, Flood f) {
        if (!f.flooding) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            if (!c.send(f.block, 0, BLOCK)) {
                f.refusals++;
                Log.info("refused: %d bytes queued, refusal %d", c.queuedBytes(), f.refusals);
                return;
            }
        }
    }

    @OnError
    void failed(Connection c, ConnectionError e) {
        Log.info("failed: port %d", c.remotePort());
    }

    @OnDisconnect
    void gone(Connection c, Flood f) {
        Log.info("gone: port %d, %d refusals", c.remotePort(), f.refusals);
    }
}
