package example;

import io.espgen.dsl.AfterInterrupt;
import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Edge;
import io.espgen.dsl.Every;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OnWifiUp;
import io.espgen.dsl.OneShot;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;
import io.espgen.dsl.Timers;
import io.espgen.dsl.WiFi;

/**
 * A small device on a line protocol: commands switch a LED and a relay and read the inputs, a button's presses are
 * counted at their interrupt and told to every client, a timer blinks the status LED, and the relay turns itself off
 * unless renewed. Lines end with "\n" or "\r\n".
 */
@WiFi(hostname = "gpio-control", fallbackApAfterSeconds = 60)
@TcpServer(port = 2424, maxConnections = 4, idleTimeoutSeconds = 600)
@Framed(delimiter = "\n", maxFrameBytes = ControlPanel.MAX_LINE, onOversize = OversizePolicy.DISCARD)
public class ControlPanel {
    static final int MAX_LINE = 32;
    /** A press counts once the button has been quiet this long: its contacts bounce for a few ms. */
    static final int DEBOUNCE_MILLIS = 50;
    /** The relay turns off this long after the last "relay on", unless renewed. */
    static final int RELAY_HOLD_MILLIS = 5000;

    static final Pin BUTTON = Pin.inputPullUp(0);   // the FLASH button of most boards, to ground
    static final Pin STATUS_LED = Pin.output(2);    // the module's blue LED
    static final Pin LED = Pin.output(4);
    static final Pin RELAY = Pin.output(5);
    static final Pin SWITCH = Pin.inputPullUp(14);

    // shared by all clients; the interrupt writes presses and bounces, and only reads buttonArmed's "true"
    static int presses;
    static int bounces;
    static boolean buttonArmed = true;
    static int reported;
    static int commands;
    static int errors;
    static int departures;
    /** The line being read, without its "\r": handlers run one at a time, so one copy serves every client. */
    static byte[] line = new byte[MAX_LINE];

    @OnInterrupt(pin = 0, edge = Edge.FALLING)
    void pressed() {
        if (buttonArmed) {
            buttonArmed = false;
            presses++;
        } else {
            bounces++;
        }
    }

    @AfterInterrupt(pin = 0, edge = Edge.FALLING)
    void tellClients(Connection server) {
        // each edge, bounces included, pushes the re-arming back: the button is armed again after a quiet spell
        Timers.start("rearm", DEBOUNCE_MILLIS);
        if (presses == reported) {
            return;
        }
        reported = presses;
        for (Connection c : server.connections()) {
            c.send("button ");
            c.sendDecimal(presses);
            c.send("\n");
        }
    }

    @OneShot
    void rearm() {
        buttonArmed = true;
        Log.info("button armed after press %d", presses);
    }

    @Every(millis = 500)
    void blink() {
        STATUS_LED.toggle();
    }

    @OneShot
    void relayTimeout(Connection server) {
        RELAY.write(false);
        for (Connection c : server.connections()) {
            c.send("relay off: not renewed\n");
        }
    }

    @OnFrame
    void command(Connection c, Bytes frame) {
        int n = frame.length();
        if (n > 0 && frame.get(n - 1) == '\r') {
            n--;
        }
        n = frame.copyTo(0, n, line, 0);
        commands++;
        if (Text.contentEquals(line, 0, n, "led on")) {
            LED.write(true);
            c.send("led on\n");
        } else if (Text.contentEquals(line, 0, n, "led off")) {
            LED.write(false);
            c.send("led off\n");
        } else if (Text.contentEquals(line, 0, n, "led toggle")) {
            LED.toggle();
            sendLevel(c, LED.read());
        } else if (Text.contentEquals(line, 0, n, "relay on")) {
            RELAY.write(true);
            Timers.start("relayTimeout", RELAY_HOLD_MILLIS);    // renews: only the last start counts
            c.send("relay on\n");
        } else if (Text.contentEquals(line, 0, n, "relay off")) {
            Timers.cancel("relayTimeout");
            RELAY.write(false);
            c.send("relay off\n");
        } else if (Text.contentEquals(line, 0, n, "read button")) {
            if (BUTTON.read()) {
                c.send("button up\n");        // the pull-up holds it high while nobody presses
            } else {
                c.send("button down\n");
            }
        } else if (Text.contentEquals(line, 0, n, "read switch")) {
            sendLevel(c, SWITCH.read());
        } else if (Text.contentEquals(line, 0, n, "status")) {
            c.send("presses ");
            c.sendDecimal(presses);
            c.send(" bounces ");
            c.sendDecimal(bounces);
            c.send(" commands ");
            c.sendDecimal(commands);
            c.send(" errors ");
            c.sendDecimal(errors);
            c.send(" clients ");
            c.sendDecimal(c.connectionCount());
            c.send("\n");
        } else {
            errors++;
            c.send("error: unknown command (led on|off|toggle, relay on|off, read button|switch, status)\n");
        }
    }

    @OnOversize
    void tooLong(Connection c) {
        errors++;
        c.send("error: line too long\n");
    }

    @OnDisconnect
    void left(Connection c) {
        departures++;
        Log.info("client left (%d so far)", departures);
    }

    @OnWifiUp
    void online(Connection server) {
        Log.info("online, port 2424");
    }

    static void sendLevel(Connection c, boolean high) {
        if (high) {
            c.send("high\n");
        } else {
            c.send("low\n");
        }
    }
}
