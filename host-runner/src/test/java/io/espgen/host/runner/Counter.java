package io.espgen.host.runner;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Edge;
import io.espgen.dsl.Every;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;

/**
 * The test firmware's second server: answers each receive with how many bytes all clients sent so far; its pins
 * (PinsTest): each press of the button on GPIO 0 toggles the lamp on GPIO 4, a timer blinks GPIO 5.
 */
@TcpServer(port = 7441, maxConnections = 2)
public class Counter {
    static final Pin BUTTON = Pin.inputPullUp(0);
    static final Pin LAMP = Pin.output(4);
    static final Pin BLINK = Pin.output(5);
    static int total;

    @OnReceive
    void count(Connection c, Bytes data) {
        total += data.length();
        c.sendDecimal(total);
        c.send("\n");
    }

    @OnInterrupt(pin = 0, edge = Edge.FALLING)
    void pressed() {
        LAMP.toggle();
    }

    @Every(millis = 20)
    void blink(Connection server) {
        BLINK.toggle();
    }
}
