package io.espgen.dsl.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.dsl.AfterInterrupt;
import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Edge;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pins on the JVM reference: a test drives an input, its interrupt handlers run on the server's thread; outputs read back. */
@Timeout(30)
class PinsJvmTest {

    @TcpServer(port = 7402, maxConnections = 2)
    static class Panel {
        static final Pin BUTTON = Pin.inputPullUp(0);
        static final Pin LED = Pin.output(2);
        static int presses;

        @OnInterrupt(pin = 0, edge = Edge.FALLING)
        void pressed() {
            presses++;
        }

        @AfterInterrupt(pin = 0, edge = Edge.FALLING)
        void report(Connection server) {
            for (Connection c : server.connections()) {
                c.send("p");
                c.sendDecimal(presses);
                c.send("\n");
            }
        }

        @OnReceive
        void command(Connection c, Bytes data) {
            LED.write(data.startsWith("on"));
            c.send("ok\n");
        }
    }

    private static String line(InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int ch = in.read(); ch != '\n'; ch = in.read()) {
            assertThat(ch).as("the connection ended after \"" + b + "\"").isNotNegative();
            b.append((char) ch);
        }
        return b.toString();
    }

    @Test
    void aFallingEdgeRunsBothHandlersAndCommandsDriveTheLed() throws Exception {
        try (JvmServer server = JvmServer.start(Panel.class, 0);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write("on".getBytes(StandardCharsets.US_ASCII));
            assertThat(line(in)).isEqualTo("ok"); // served: the report below reaches it
            assertThat(server.pin(2)).isTrue();
            assertThat(server.pin(0)).as("the pull-up").isTrue();

            server.setInput(0, false);
            assertThat(line(in)).isEqualTo("p1");
            server.setInput(0, true); // rising: nothing
            server.setInput(0, false);
            assertThat(line(in)).isEqualTo("p2");
            assertThat(Panel.presses).isEqualTo(2);

            out.write("off".getBytes(StandardCharsets.US_ASCII));
            assertThat(line(in)).isEqualTo("ok");
            assertThat(server.pin(2)).isFalse();
            assertThatThrownBy(() -> server.setInput(2, true)).hasMessageContaining("no input on GPIO 2");
            assertThat(server.failures()).isEmpty();
        }
    }
}
