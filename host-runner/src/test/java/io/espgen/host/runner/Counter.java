package io.espgen.host.runner;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** The test firmware's second server: answers each receive with how many bytes all clients sent so far. */
@TcpServer(port = 7441, maxConnections = 2)
public class Counter {
    static int total;

    @OnReceive
    void count(Connection c, Bytes data) {
        total += data.length();
        c.sendDecimal(total);
        c.send("\n");
    }
}
