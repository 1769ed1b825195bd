package rt.ticker;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Every;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * Timers (TimerTest): every 20 ms a tick goes to every client, numbered by shared state; a second timer with no
 * parameter counts on its own; a client's "stop" makes the ticks stop reaching anyone.
 */
@TcpServer(port = 7330, maxConnections = 2)
public class TickerServer {
    static int ticks;
    static int slow;
    static boolean stopped;

    @Every(millis = 20)
    void tick(Connection server) {
        if (stopped) {
            return;
        }
        ticks++;
        for (Connection c : server.connections()) {
            c.send("tick ");
            c.sendDecimal(ticks);
            c.send("\n");
        }
        if (!server.isOpen() && server.id() == 0 && !server.send("x")) {
            Log.debug("the server's view sends nothing");
        }
    }

    @Every(millis = 100)
    void count() {
        slow++;
        if (slow == 3) {
            Log.info("slow timer ran 3 times, %d ticks so far", ticks);
        }
    }

    @OnReceive
    void command(Connection c, Bytes data) {
        if (data.startsWith("stop")) {
            stopped = true;
            Log.info("stopped after %d ticks", ticks);
        }
    }
}
