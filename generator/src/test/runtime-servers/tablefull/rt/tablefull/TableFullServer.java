package rt.tablefull;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * A table of two: the test builds it with the stack's per-server limit disarmed (espgen_test_allow_all.c), so
 * clients beyond the table reach the runtime, which must refuse them itself.
 */
@TcpServer(port = 7305, maxConnections = 2, idleTimeoutSeconds = 60)
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
