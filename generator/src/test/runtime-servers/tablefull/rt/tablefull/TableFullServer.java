package rt.tablefull;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * A table of two. The SDK turns clients beyond it down; one test builds it with the stack's per-server limit
 * disarmed (espgen_test_allow_all.c), so that a client beyond the table reaches the runtime anyway.
 */
@TcpServer(port = 7305, maxConnections = 2, idleTimeoutSeconds = 3)
public class TableFullServer {

    @OnConnect
    void hello(Connection c) {
        c.send("hi\n");
    }

    @OnReceive
    void echo(Connection c, Bytes data) {
        c.send(data);
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("gone: port %d", c.remotePort());
    }
}
