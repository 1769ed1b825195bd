package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** Greets each client, echoes what it sends, and logs how much it echoed when it leaves. */
@TcpServer(port = 7777, maxConnections = 4, idleTimeoutSeconds = 300)
public class EchoServer {

    /** Per-connection state: one per entry of the connection table. */
    static class Session {
        int bytesEchoed;
    }

    @OnConnect
    void hello(Connection c, Session s) {
        c.send("welcome\r\n");
    }

    @OnReceive
    void echo(Connection c, Session s, Bytes data) {
        s.bytesEchoed += data.length();
        c.send(data);
    }

    @OnDisconnect
    void bye(Connection c, Session s) {
        Log.info("bye, echoed %d bytes", s.bytesEchoed);
    }
}
