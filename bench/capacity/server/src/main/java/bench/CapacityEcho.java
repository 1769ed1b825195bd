package bench;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** The echo sample with the most connections espconn takes (espconn.h: linkMax 15), for bench/run capacity. */
@TcpServer(port = 9777, maxConnections = 15, idleTimeoutSeconds = 300)
public class CapacityEcho {

    @OnConnect
    void hello(Connection c) {
        c.send("welcome\r\n");
    }

    @OnReceive
    void echo(Connection c, Bytes data) {
        c.send(data);
    }
}
