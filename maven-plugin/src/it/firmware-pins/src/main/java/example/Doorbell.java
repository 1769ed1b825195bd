package example;

import io.espgen.dsl.AfterInterrupt;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Edge;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;

@TcpServer(port = 7403)
public class Doorbell {
    static final Pin BUTTON = Pin.inputPullUp(0);
    static final Pin LED = Pin.output(2);
    static int rings;

    @OnInterrupt(pin = 0, edge = Edge.FALLING)
    void ring() {
        rings++;
        LED.toggle();
    }

    @AfterInterrupt(pin = 0, edge = Edge.FALLING)
    void announce(Connection server) {
        for (Connection c : server.connections()) {
            c.send("ding\n");
        }
    }

    @OnReceive
    void hello(Connection c) {
        c.sendDecimal(rings);
    }
}
