package example;

import io.espgen.dsl.AfterInterrupt;
import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Edge;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;

/** A doorbell: the button's presses are counted at their interrupt, in IRAM, and announced to every client after. */
@TcpServer(port = 7401, maxConnections = 3)
public class DoorbellServer {
    static final Pin BUTTON = Pin.inputPullUp(0);
    static final Pin LED = Pin.output(2);
    static final Pin CHIME = Pin.output(14);
    static int rings;
    static int bounces;
    static int lastTick;
    static int ticks;

    @OnInterrupt(pin = 0, edge = Edge.FALLING)
    void ring() {
        ticks++;
        if (debounced(ticks, lastTick)) {
            rings++;
            CHIME.toggle();
        } else {
            bounces++;
        }
        lastTick = ticks;
    }

    /** Called from the interrupt and from a receive: one copy, in IRAM. */
    static boolean debounced(int now, int last) {
        return now - last > 1;
    }

    @AfterInterrupt(pin = 0, edge = Edge.FALLING)
    void announce(Connection server) {
        Log.info("rang %d times (%d bounces)", rings, bounces);
        for (Connection c : server.connections()) {
            c.send("ding ");
            c.sendDecimal(rings);
            c.send("\n");
        }
    }

    @OnReceive
    void light(Connection c, Bytes data) {
        LED.write(data.startsWith("on"));
        if (debounced(ticks, 0)) {
            c.send("ok\n");
        }
    }
}
