package rt.farewell;

import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.TcpServer;

/** Greets, and tells everyone still there when a client leaves: a disconnect handler that sends to others. */
@TcpServer(port = 7460, maxConnections = 4, idleTimeoutSeconds = 30)
public class FarewellServer {

    @OnConnect
    void hello(Connection c) {
        c.send("hi\n");
    }

    @OnDisconnect
    void gone(Connection c) {
        for (Connection o : c.connections()) {
            if (o != c) {
                o.send("bye\n");
            }
        }
        Log.info("gone: port %d", c.remotePort());
    }
}
