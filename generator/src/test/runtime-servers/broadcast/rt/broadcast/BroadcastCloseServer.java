package rt.broadcast;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * "b<n>" sends n blocks of 1024 bytes to every other open connection and tells the sender how many sends were
 * queued and refused; with a client among the targets that never reads, the CLOSE policy applies to it alone.
 */
@TcpServer(port = 7310, maxConnections = 3, idleTimeoutSeconds = 60, sendQueueBytes = 16384,
        onQueueFull = QueueFullPolicy.CLOSE)
public class BroadcastCloseServer {

    static final int BLOCK = 1024;
    static byte[] block = new byte[BLOCK];
    static int refusals;

    static class Peer {
        byte[] out = new byte[48];
    }

    @OnConnect
    void hello(Connection c, Peer p) {
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) ('A' + i % 26);
        }
        if (!c.send("hi\n")) {
            Log.warn("the greeting was refused");
        }
    }

    @OnReceive
    void broadcast(Connection c, Peer p, Bytes data) {
        int blocks = data.parseInt(1, data.length(), 0);
        int queued = 0;
        int refused = 0;
        for (Connection o : c.connections()) {
            if (o == c) {
                continue;
            }
            for (int i = 0; i < 1000 && i < blocks; i++) {
                if (o.send(block, 0, BLOCK)) {
                    queued++;
                } else {
                    refused++;
                }
            }
        }
        refusals += refused;
        int n = Text.append(p.out, 0, "queued ");
        n = Text.appendInt(p.out, n, queued);
        n = Text.append(p.out, n, " refused ");
        n = Text.appendInt(p.out, n, refused);
        n = Text.appendByte(p.out, n, '\n');
        if (!c.send(p.out, 0, n)) {
            Log.warn("the sender's answer was refused");
        }
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("gone: port %d, %d refusals so far, %d open", c.remotePort(), refusals, c.connectionCount());
    }
}
