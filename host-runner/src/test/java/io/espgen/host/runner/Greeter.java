package io.espgen.host.runner;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** The test firmware's first server: greets, echoes, and logs what it echoed (the espgen processor runs on it). */
@TcpServer(port = 7440, maxConnections = 2)
public class Greeter {
    static class Visit {
        int echoed;
    }

    @OnConnect
    void hello(Connection c, Visit v) {
        c.send("hi\r\n");
    }

    @OnReceive
    void echo(Connection c, Visit v, Bytes data) {
        v.echoed += data.length();
        c.send(data);
    }

    @OnDisconnect
    void bye(Connection c, Visit v) {
        Log.info("greeter: bye, echoed %d bytes", v.echoed);
    }
}
