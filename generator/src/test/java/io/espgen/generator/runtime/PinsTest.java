package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins on the host, on both targets (PanelServer): the NONOS emulation (registers and ROM calls) and the FreeRTOS
 * target (ESP8266_RTOS_SDK's GPIO driver, emulated on the same registers, its loop serving the control socket).
 * The test drives GPIO 0 through the emulation's control socket (ESPGEN_HOST_GPIO); each falling edge runs the
 * @OnInterrupt handler at once, whose count the posted @AfterInterrupt handler sends to the client; TCP commands
 * drive GPIO 2 and 16, which the test reads back, and a "wait" is answered when a handler's write brings the pin
 * there. Every step waits for an answer (the control socket answers after the interrupt handler returned), never
 * for time. Both builds run under ASan and UBSan.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PinsTest {

    /** The emulation's control socket: one command, one answer line. */
    private static final class Control implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Control(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(Peer.READ_TIMEOUT_MS);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        String ask(String command) throws IOException {
            send(command);
            return line();
        }

        void send(String command) throws IOException {
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String line() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @ParameterizedTest
    @EnumSource(BothTargetsTest.Target.class)
    void anEdgeRunsTheInterruptThenTheTaskAndCommandsDriveTheOutputs(BothTargetsTest.Target target) throws Exception {
        HostFirmware.Running fw = RtFirmware.start(target.build("pins"), Map.of("ESPGEN_HOST_GPIO", "0"));
        try {
            int controlPort = Integer.parseInt(fw.awaitStdout("^espgen-host: gpio control on 127\\.0\\.0\\.1:(\\d+)$",
                    Duration.ofSeconds(10)).group(1));
            try (Peer a = Peer.connect(fw.port(7400)); Control gpio = new Control(controlPort)) {
                // the connection is served (its state exists) before any edge: its answer says so
                a.send("switch\n");
                a.expect("low\n");
                assertThat(gpio.ask("get 0")).as("the pull-up holds the button high").isEqualTo("0 1");

                assertThat(gpio.ask("set 0 0")).isEqualTo("ok");
                a.expect("presses 1\n");
                assertThat(gpio.ask("set 0 1")).as("a rising edge raises nothing").isEqualTo("ok");
                assertThat(gpio.ask("set 0 0")).isEqualTo("ok");
                a.expect("presses 2\n");

                assertThat(gpio.ask("get 2")).as("an output starts low").isEqualTo("2 0");
                a.send("led on\n");
                a.expect("done 1\n");
                assertThat(gpio.ask("get 2")).isEqualTo("2 1");
                a.send("toggle\n");
                a.expect("done 1\n");
                assertThat(gpio.ask("get 2")).isEqualTo("2 0");
                assertThat(gpio.ask("get 16")).as("GPIO 16, through the RTC registers").isEqualTo("16 1");

                assertThat(gpio.ask("set 4 1")).isEqualTo("ok");
                a.send("switch\n");
                a.expect("high\n");
                assertThat(gpio.ask("set 2 1")).isEqualTo("error: the pin is an output");

                // a wait is answered by the handler's write that brings the pin there, and holds other commands
                gpio.send("wait 2 1");
                assertThat(gpio.ask("get 0")).isEqualTo("error: waiting for GPIO 2");
                a.send("led on\n");
                assertThat(gpio.line()).isEqualTo("2 1");
                a.expect("done 1\n");
                assertThat(gpio.ask("wait 2 1")).as("already there: at once").isEqualTo("2 1");
                assertThat(gpio.ask("set 0 0")).as("a low input: no edge").isEqualTo("ok");
                assertThat(gpio.ask("set 0 1")).isEqualTo("ok");
                assertThat(gpio.ask("set 0 0")).isEqualTo("ok");
                a.expect("presses 3\n");
            }
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
