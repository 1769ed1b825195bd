package rt.oneshot;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OneShot;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Timers;

/**
 * One-shot timers (OneShotTest, OneShotJvmTest): a line starts, re-arms or cancels "ring", and "witness", a second
 * one-shot timer, marks a time by which a ring would have come. Each command runs in one handler, so its timings
 * do not depend on how fast the lines arrive.
 */
@TcpServer(port = 7423, maxConnections = 2)
@Framed(delimiter = "\n", maxFrameBytes = 32)
public class OneShotServer {
    static int rings;

    @OnFrame
    void command(Connection c, Bytes line) {
        if (line.startsWith("arm ")) {
            Timers.start("ring", line.parseInt(4, line.length(), 0)); // computed: clamped to 5 .. 6870947 ms
            c.send("armed\n");
        } else if (line.contentEquals("rearm")) {
            // the second start re-arms the running timer: ring comes after the witness, once
            Timers.start("ring", 100);
            Timers.start("ring", 600);
            Timers.start("witness", 300);
        } else if (line.contentEquals("cancel")) {
            Timers.start("ring", 100);
            Timers.cancel("ring");
            Timers.start("witness", 300);
        } else if (line.contentEquals("cancel idle")) {
            Timers.cancel("ring"); // not running: nothing happens
            c.send("cancelled\n");
        }
    }

    @OneShot
    void ring(Connection server) {
        rings++;
        Log.info("ring %d", rings);
        for (Connection c : server.connections()) {
            c.send("ring ");
            c.sendDecimal(rings);
            c.send("\n");
        }
    }

    @OneShot
    void witness(Connection server) {
        for (Connection c : server.connections()) {
            c.send("witness\n");
        }
    }
}
