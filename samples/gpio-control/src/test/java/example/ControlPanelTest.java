package example;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espgen.dsl.host.HostFirmware;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The firmware's own C, built for this machine: the test talks to it over TCP and drives its pins through the
 * emulation (fw.pins()). Every step waits for an answer or a pin's level, never for time.
 */
class ControlPanelTest {
    private static final int BUTTON = 0;
    private static final int STATUS_LED = 2;
    private static final int LED = 4;
    private static final int RELAY = 5;
    private static final int SWITCH = 14;

    /** A client of the line protocol. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Client(HostFirmware fw) throws IOException {
            socket = new Socket("127.0.0.1", fw.port());
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            out = socket.getOutputStream();
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(US_ASCII));
            out.flush();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** The next line, without its "\n"; waits for it (however TCP cut it), 30 s at most. */
        String line() throws IOException {
            String l = in.readLine();
            if (l == null) {
                throw new AssertionError("the firmware closed the connection");
            }
            return l;
        }

        String ask(String command) throws IOException {
            write(command + "\n");
            return line();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aPressIsToldToEveryClientAndTheButtonIsArmedAgainAfterAQuietSpell() throws Exception {
        try (HostFirmware fw = ControlPanelFirmware.startOnHost();
                Client a = new Client(fw); Client b = new Client(fw); Client c = new Client(fw)) {
            // each is in the connection table once it has had an answer
            a.ask("status");
            b.ask("status");
            assertTrue(c.ask("status").endsWith(" clients 3"));
            assertTrue(fw.pins().get(BUTTON), "the pull-up holds the button high");

            fw.pins().set(BUTTON, false);
            for (Client each : new Client[] {a, b, c}) {
                assertEquals("button 1", each.line());
            }
            assertEquals("button down", a.ask("read button"));
            fw.pins().set(BUTTON, true);
            assertEquals("button up", a.ask("read button"));

            fw.awaitLog("button armed after press 1");
            fw.pins().set(BUTTON, false);
            for (Client each : new Client[] {a, b, c}) {
                assertEquals("button 2", each.line());
            }
            assertTrue(b.ask("status").startsWith("presses 2 bounces 0 "));
        }
    }

    @Test
    void aBouncingButtonCountsEveryEdgeOnceAsAPressOrABounce() throws Exception {
        try (HostFirmware fw = ControlPanelFirmware.startOnHost(); Client a = new Client(fw)) {
            a.ask("status");
            for (int i = 0; i < 10; i++) {      // ten falling edges, as fast as the control socket goes
                fw.pins().set(BUTTON, false);
                fw.pins().set(BUTTON, true);
            }
            // set returns once the interrupt has run, so the counters are final; how many edges came after a quiet
            // spell of 50 ms depends on this machine's speed, their sum does not. The "button N" lines the posted task
            // sends may come before or after the status answer: read both, in whatever order
            a.write("status\n");
            Pattern status = Pattern.compile("presses (\\d+) bounces (\\d+) .*");
            int presses = -1;
            int lastTold = 0;
            for (int i = 0; i < 12 && (presses < 0 || lastTold != presses); i++) {
                String l = a.line();
                Matcher m = status.matcher(l);
                if (m.matches()) {
                    presses = Integer.parseInt(m.group(1));
                    assertTrue(presses >= 1, l);
                    assertEquals(10, presses + Integer.parseInt(m.group(2)), l);
                } else {
                    assertTrue(l.startsWith("button "), l);
                    int told = Integer.parseInt(l.substring("button ".length()));
                    assertTrue(told > lastTold, "each count told once, in order: " + l);
                    lastTold = told;
                }
            }
            assertEquals(presses, lastTold, "the last counted press is told");
        }
    }

    @Test
    void commandsDriveTheOutputsAndReadTheInputs() throws Exception {
        try (HostFirmware fw = ControlPanelFirmware.startOnHost(); Client a = new Client(fw)) {
            HostFirmware.Pins pins = fw.pins();
            assertFalse(pins.get(LED), "an output starts low");
            assertEquals("led on", a.ask("led on"));
            assertTrue(pins.get(LED));
            assertEquals("low", a.ask("led toggle"));
            assertFalse(pins.get(LED));
            assertEquals("high", a.ask("led toggle"));
            assertEquals("led off", a.ask("led off"));
            assertFalse(pins.get(LED));

            assertEquals("high", a.ask("read switch"));
            pins.set(SWITCH, false);
            assertEquals("low", a.ask("read switch"));

            assertEquals("relay on", a.ask("relay on"));
            assertTrue(pins.get(RELAY));
            assertEquals("relay off", a.ask("relay off"));
            assertFalse(pins.get(RELAY));
        }
    }

    @Test
    void theRelayTurnsItselfOffWhenNotRenewed() throws Exception {
        try (HostFirmware fw = ControlPanelFirmware.startOnHost(); Client a = new Client(fw)) {
            assertEquals("relay on", a.ask("relay on"));
            assertTrue(fw.pins().get(RELAY));
            assertEquals("relay on", a.ask("relay on"));   // renewed: the 5 s start again
            assertEquals("relay off: not renewed", a.line());
            assertFalse(fw.pins().get(RELAY));
        }
    }

    @Test
    void theStatusLedBlinksAndWithoutANetworkTheAccessPointOpens() {
        try (HostFirmware fw = ControlPanelFirmware.startOnHost()) {
            // the test build names no network: the firmware is its own access point at once
            assertTrue(fw.log().contains("espgen: wifi: the build named no network"), () -> String.join("\n", fw.log()));
            fw.awaitLog("wifi: access point");
            boolean level = fw.pins().get(STATUS_LED);
            fw.pins().awaitLevel(STATUS_LED, !level);      // the wait ends when the timer toggles it
            fw.pins().awaitLevel(STATUS_LED, level);
        }
    }

    @Test
    void garbageAndLongLinesGetAnErrorLineAndTheConnectionGoesOn() throws Exception {
        try (HostFirmware fw = ControlPanelFirmware.startOnHost(); Client a = new Client(fw); Client b = new Client(fw)) {
            a.write("x".repeat(1000) + "\n");
            assertEquals("error: line too long", a.line());
            a.write(new byte[] {0, (byte) 0xff, 27, '[', 'A', '\r', '\n'});
            assertTrue(a.line().startsWith("error: unknown command"));
            assertTrue(a.ask("").startsWith("error: unknown command"));
            assertTrue(a.ask("led on please").startsWith("error: unknown command"));
            a.write("le");                               // a command cut anywhere, with "\r\n"
            a.write("d on\r");
            a.write("\n");
            assertEquals("led on", a.line());
            assertTrue(fw.pins().get(LED));
            // the counters are the device's, shared by every client: a's four whole lines, then b's
            assertEquals("presses 0 bounces 0 commands 5 errors 4 clients 2", b.ask("status"));
        }
    }

    @Test
    void clientsThatLeaveLeaveNothingOnTheHeap() throws Exception {
        try (HostFirmware fw = ControlPanelFirmware.startOnHost()) {
            try (Client a = new Client(fw); Client b = new Client(fw)) {
                a.write("x".repeat(100) + "\n");
                assertEquals("error: line too long", a.line());
                assertEquals("led on", b.ask("led on"));
                fw.pins().set(BUTTON, false);
                assertEquals("button 1", a.line());
                assertEquals("button 1", b.line());
            }
            fw.awaitLog("client left (2 so far)");
            HostFirmware.Heap heap = fw.heap();
            assertEquals(0, heap.liveAllocations(), () -> "blocks still held after the clients left: " + heap);
        }
    }
}
