package rt.floodrefuse;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;

/**
 * Floods: every received byte is answered with a 1024-byte block, and from then on every drained queue is refilled
 * with four more, so a client that never reads fills its send queue. A send that does not fit is refused (REFUSE): the
 * handler sees false and logs how much was queued. "echo" lines are echoed instead.
 */
@TcpServer(port = 7303, maxConnections = 3, idleTimeoutSeconds = 60, sendQueueBytes = 16384,
        onQueueFull = QueueFullPolicy.REFUSE)
public class FloodRefuseServer {

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
        if (!c.send("hi\n")) {
            Log.warn("greeting refused");
        }
    }

    @OnReceive
    void flood(Connection c, Flood f, Bytes data) {
        if (data.startsWith("echo")) {
            if (!c.send(data)) {
                Log.warn("echo refused");
            }
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
        if (f.refusals > 0) {
            // the client reads again: keep flooding it
            Log.info("drained after %d refusals", f.refusals);
        }
        for (int i = 0; i < 4; i++) {
            if (!c.send(f.block, 0, BLOCK)) {
                f.refusals++;
                Log.info("refused: %d bytes queued, refusal %d", c.queuedBytes(), f.refusals);
                return;
            }
        }
    }

    @OnDisconnect
    void gone(Connection c, Flood f) {
        Log.info("gone: port %d, %d refusals", c.remotePort(), f.refusals);
    }
}
