package io.espgen.dsl.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OneShot;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Timers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * @OneShot on the JVM reference: Timers.start re-arms, Timers.cancel disarms, a computed delay is clamped, as the
 * firmware's espgen_timer_start does (OneShotTest runs the same commands on the host emulation). Each expectation is
 * an order of fixed lines: the "witness" timer fires at a time by which a ring that should not come would have come.
 */
@Timeout(30)
class OneShotJvmTest {

    @TcpServer(port = 7424, maxConnections = 2)
    @Framed(delimiter = "\n", maxFrameBytes = 32)
    static class Rings {
        static int rings;

        @OnFrame
        void command(Connection c, Bytes line) {
            if (line.startsWith("arm ")) {
                Timers.start("ring", line.parseInt(4, line.length(), 0));
                c.send("armed\n");
            } else if (line.contentEquals("rearm")) {
                Timers.start("ring", 100);
                Timers.start("ring", 600);
                Timers.start("witness", 300);
            } else if (line.contentEquals("cancel")) {
                Timers.start("ring", 100);
                Timers.cancel("ring");
                Timers.start("witness", 300);
            }
        }

        @OneShot
        void ring(Connection server) {
            rings++;
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

    @Test
    void startRestartAndCancel() throws Exception {
        try (JvmServer server = JvmServer.start(Rings.class, 0);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write("arm 20\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(in, "armed\nring 1\n")).isEqualTo("armed\nring 1\n");
            out.write("rearm\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(in, "witness\nring 2\n")).isEqualTo("witness\nring 2\n");
            out.write("cancel\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(in, "witness\n")).isEqualTo("witness\n");
            out.write("arm -7\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(in, "armed\nring 3\n")).isEqualTo("armed\nring 3\n");
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void outsideAServerTimersSayWhereTheyRun() {
        assertThatThrownBy(() -> Timers.start("ring", 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs in a handler of a server");
    }

    private static String read(InputStream in, String expected) throws Exception {
        return new String(in.readNBytes(expected.length()), StandardCharsets.US_ASCII);
    }
}
