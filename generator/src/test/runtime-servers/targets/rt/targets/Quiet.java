package rt.targets;

import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.TcpServer;

/** Greets, and lets the stack close whoever stays silent for a second. */
@TcpServer(port = 7481, maxConnections = 2, idleTimeoutSeconds = 1)
public class Quiet {

    @OnConnect
    void hello(Connection c) {
        c.send("hi\n");
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("quiet gone: port %d", c.remotePort());
    }
}
