package io.espgen.dsl.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.dsl.Connection;
import io.espgen.dsl.Every;
import io.espgen.dsl.TcpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** @Every on the JVM reference: run on the server's thread, with the never-open connection, as the firmware does. */
@Timeout(120)
class TimerJvmTest {

    @TcpServer(port = 7331, maxConnections = 2)
    static class Ticker {
        static int ticks;
        static int notOpen;

        @Every(millis = 10)
        void tick(Connection server) {
            ticks++;
            if (!server.isOpen() && server.id() == 0 && !server.send("x")) {
                notOpen++;
            }
            for (Connection c : server.connections()) {
                c.send("t");
                c.sendDecimal(ticks);
                c.send("\n");
            }
        }
    }

    @Test
    void timersTickOnTheServersThreadAndReachTheClients() throws Exception {
        try (JvmServer server = JvmServer.start(Ticker.class, 0);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            StringBuilder got = new StringBuilder();
            while (got.chars().filter(ch -> ch == '\n').count() < 5) {
                got.append((char) in.read());
            }
            Matcher m = Pattern.compile("t(\\d+)\n").matcher(got);
            int previous = -1;
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (previous >= 0) {
                    assertThat(n).as(got.toString()).isEqualTo(previous + 1);
                }
                previous = n;
            }
            assertThat(Ticker.notOpen).isPositive();
            assertThat(server.failures()).isEmpty();
        }
    }
}
