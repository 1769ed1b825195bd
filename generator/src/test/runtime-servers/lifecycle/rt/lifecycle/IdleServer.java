package rt.lifecycle;

import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.TcpServer;

/** Greets, and lets the stack close whoever stays silent for a second. LifecycleServer's neighbour. */
@TcpServer(port = 7306, maxConnections = 4, idleTimeoutSeconds = 1)
public class IdleServer {

    @OnConnect
    void hello(Connection c) {
        c.send("hi\n");
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("gone: port %d", c.remotePort());
    }
}
