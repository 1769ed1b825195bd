package rt.session;

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
 * The runtime tests' workhorse: greets, echoes, answers "big" with a reply that needs many chunks, and closes on
 * "close". A send that is refused (out of memory) closes the connection, so a client never sees a stream with a
 * hole in it: it sees every byte, or a prefix and then the end.
 */
@TcpServer(port = 7301, maxConnections = 4, idleTimeoutSeconds = 30, sendQueueBytes = 16384)
public class SessionServer {

    static final int BLOCK = 1000;
    static final int BLOCKS = 8;

    static class Session {
        byte[] block = new byte[1000];
    }

    @OnConnect
    void hello(Connection c, Session s) {
        for (int i = 0; i < BLOCK; i++) {
            s.block[i] = (byte) ('a' + i % 26);
        }
        if (!c.send("hi\n")) {
            Log.warn("greeting refused, closing");
            c.close();
        }
    }

    @OnReceive
    void serve(Connection c, Session s, Bytes data) {
        if (data.startsWith("big")) {
            for (int i = 0; i < BLOCKS; i++) {
                if (!c.send(s.block, 0, BLOCK)) {
                    Log.warn("big reply refused at block %d, closing", i);
                    c.close();
                    return;
                }
            }
        } else if (data.startsWith("close")) {
            if (!c.send("bye\n")) {
                Log.warn("bye refused");
            }
            c.close();
        } else if (!c.send(data)) {
            Log.warn("echo refused, closing");
            c.close();
        }
    }

    @OnError
    void failed(Connection c, ConnectionError e) {
        Log.info("failed: port %d", c.remotePort());
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("gone: port %d", c.remotePort());
    }
}
