package rt.pins;

import io.espgen.dsl.AfterInterrupt;
import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Edge;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;

/**
 * Pins (PinsTest): a button on GPIO 0 counted at its interrupt (from IRAM, through a helper that lands in IRAM too)
 * and reported to every client by a posted task; an LED on GPIO 2 and the RTC's GPIO 16 driven by TCP commands;
 * GPIO 4 read on request.
 */
@TcpServer(port = 7400, maxConnections = 2)
public class PanelServer {
    static final Pin BUTTON = Pin.inputPullUp(0);
    static final Pin LED = Pin.output(2);
    static final Pin SWITCH = Pin.input(4);
    static final Pin WAKE = Pin.output(16);
    static int presses;
    static int reported;

    @OnInterrupt(pin = 0, edge = Edge.FALLING)
    void pressed() {
        presses = bump(presses);
    }

    static int bump(int n) {
        return n + 1;
    }

    @AfterInterrupt(pin = 0, edge = Edge.FALLING)
    void report(Connection server) {
        reported++;
        for (Connection c : server.connections()) {
            c.send("presses ");
            c.sendDecimal(presses);
            c.send("\n");
        }
    }

    @OnReceive
    void command(Connection c, Bytes data) {
        if (data.startsWith("led on")) {
            LED.write(true);
        } else if (data.startsWith("led off")) {
            LED.write(false);
        } else if (data.startsWith("toggle")) {
            LED.toggle();
            WAKE.toggle();
        } else if (data.startsWith("switch")) {
            if (SWITCH.read()) {
                c.send("high\n");
            } else {
                c.send("low\n");
            }
            return;
        }
        c.send("done ");
        c.sendDecimal(bump(0));
        c.send("\n");
    }
}
