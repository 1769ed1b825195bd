package rt.holdclose;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * "fill" queues a 12000-byte reply, more than a slow reader takes, so the runtime holds receiving; "bye" then
 * arrives while held and closes: the close must still end with every byte and a FIN.
 */
@TcpServer(port = 7306, maxConnections = 2, idleTimeoutSeconds = 30, sendQueueBytes = 16384)
public class HoldCloseServer {

    static class S {
        byte[] block = new byte[1000];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        if (data.startsWith("fill")) {
            for (int i = 0; i < 1000; i++) {
                s.block[i] = (byte) ('a' + i % 26);
            }
            for (int i = 0; i < 12; i++) {
                c.send(s.block, 0, 1000);
            }
            Log.info("filled, %d queued", c.queuedBytes());
        } else if (data.startsWith("bye")) {
            Log.info("bye with %d queued", c.queuedBytes());
            c.close();
        }
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("gone: port %d", c.remotePort());
    }
}
