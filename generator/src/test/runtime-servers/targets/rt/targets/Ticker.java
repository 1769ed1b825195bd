package rt.targets;

import io.espgen.dsl.Connection;
import io.espgen.dsl.Every;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.TcpServer;

/** Every 20 ms a numbered tick to every client: a timer's handler runs on the same task as the rest. */
@TcpServer(port = 7484, maxConnections = 2)
public class Ticker {
    static int ticks;

    @Every(millis = 20)
    void tick(Connection server) {
        ticks++;
        for (Connection c : server.connections()) {
            c.send("tick ");
            c.sendDecimal(ticks);
            c.send("\n");
        }
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("ticker gone: port %d", c.remotePort());
    }
}
