package rt.targets;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** Greets and echoes, two clients at a time: the same bytes on both targets, a third client turned away. */
@TcpServer(port = 7480, maxConnections = 2)
public class EchoTwo {

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
        Log.info("echo gone: port %d", c.remotePort());
    }
}
