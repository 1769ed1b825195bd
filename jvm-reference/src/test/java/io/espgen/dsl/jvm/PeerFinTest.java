package io.espgen.dsl.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The peer's FIN with an answer queued, as the SDK handles it (JvmServer.peerClosed). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerFinTest {

    @TcpServer(port = 1, maxConnections = 2, sendQueueBytes = 16384) // 12000 bytes in 100-byte sends fit
    @Framed(delimiter = "\n", maxFrameBytes = 16)
    public static class Answers {
        static class S {
            byte[] block = new byte[100];
        }

        @OnFrame
        void get(Connection c, S s, Bytes line) {
            int n = line.parseInt(4, line.length(), 0);
            for (int i = 0; i < 200 && i * 100 < n; i++) {    // up to 20000 bytes: a bounded loop, as the firmware's must be
                c.send(s.block, 0, Math.min(100, n - i * 100));
            }
        }

        @OnDisconnect
        void bye() {
            Log.info("bye");
        }
    }

    private static byte[] askThenShut(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                got.write(buf, 0, n);
            }
            return got.toByteArray();
        }
    }

    @Test
    void anAnswerUnderOnePieceArrivesWholeBeforeTheFin() throws Exception {
        try (JvmServer server = JvmServer.start(Answers.class, 0)) {
            assertThat(askThenShut(server.port(), "GET 1000\n")).hasSize(1000);
        }
    }

    /**
     * A reader that takes everything: either the answer left before the FIN was read, or the FIN came while the
     * first piece filled lwIP's send buffer, the close failed and was retried a second later, the answer drained.
     */
    @Test
    void aFastReaderOfALongAnswerGetsWhatDrainedBeforeTheCloseSucceeded() throws Exception {
        try (JvmServer server = JvmServer.start(Answers.class, 0)) {
            assertThat(askThenShut(server.port(), "GET 12000\n")).hasSize(12000);
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void anUnfinishedFrameIsNeverAnswered() throws Exception {
        try (JvmServer server = JvmServer.start(Answers.class, 0)) {
            assertThat(askThenShut(server.port(), "GET 10")).isEmpty();
        }
    }
}
