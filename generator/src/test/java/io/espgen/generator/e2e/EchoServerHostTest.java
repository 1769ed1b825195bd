package io.espgen.generator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.generator.Espgen;
import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The echo sample, generated, built with the host emulation under ASan and UBSan, and driven through real
 * TCP sockets on 127.0.0.1.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EchoServerHostTest {

    private static final byte[] WELCOME = "welcome\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path work;

    static HostFirmware.Running firmware;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        firmware = HostRun.start(Espgen.sample("echo-server"), work);
        port = firmware.port(7777);
    }

    @AfterAll
    static void stop() {
        if (firmware != null) {
            firmware.close();
        }
    }

    static Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(20_000);
        s.setTcpNoDelay(true);
        return s;
    }

    static byte[] read(InputStream in, int n) throws IOException {
        byte[] buf = in.readNBytes(n);
        assertThat(buf).as("bytes read before EOF").hasSize(n);
        return buf;
    }

    static Socket greeted() throws IOException {
        Socket s = connect();
        assertThat(read(s.getInputStream(), WELCOME.length)).isEqualTo(WELCOME);
        return s;
    }

    @Test
    @Order(1)
    void greetsEachClient() throws IOException {
        try (Socket s = greeted()) {
            assertThat(s.isConnected()).isTrue();
        }
    }

    @Test
    @Order(2)
    void echoesSmallMessages() throws IOException {
        try (Socket s = greeted()) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (String m : List.of("hello\n", "x", "a longer line with spaces\r\n", "\u00e9t\u00e9\n")) {
                byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
                out.write(bytes);
                out.flush();
                assertThat(read(in, bytes.length)).isEqualTo(bytes);
            }
        }
    }

    @Test
    @Order(3)
    void echoesA100KilobytePayloadSplitIntoChunks() throws Exception {
        byte[] payload = new byte[100 * 1024];
        new Random(7777).nextBytes(payload);
        try (Socket s = greeted()) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int off = 0; off < payload.length; off += 8192) {
                        out.write(payload, off, Math.min(8192, payload.length - off));
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] echoed = read(s.getInputStream(), payload.length);
            writer.get(30, TimeUnit.SECONDS);
            assertThat(echoed).isEqualTo(payload);
        }
    }

    @Test
    @Order(4)
    void servesFourClientsAtOnceAndRefusesTheFifth() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(greeted());
            }
            for (int i = 0; i < 4; i++) {
                clients.get(i).getOutputStream().write(("client " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < 4; i++) {
                byte[] expected = ("client " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                assertThat(read(clients.get(i).getInputStream(), expected.length)).isEqualTo(expected);
            }
            try (Socket fifth = connect()) {
                fifth.setSoTimeout(5_000);
                assertThat(refused(fifth)).as("the fifth client is refused, not greeted").isTrue();
            }
            // the four are unaffected
            clients.get(3).getOutputStream().write('!');
            assertThat(read(clients.get(3).getInputStream(), 1)).containsExactly('!');
        } finally {
            for (Socket c : clients) {
                c.close();
            }
        }
        // once they are gone, a new client is served again
        awaitByes(4 + 3);
        try (Socket again = greeted()) {
            assertThat(again.isConnected()).isTrue();
        }
    }

    @Test
    @Order(5)
    void logsEachDisconnectAndFreesEverything() throws Exception {
        int byes = awaitByes(4 + 3 + 1);
        assertThat(byes).isGreaterThanOrEqualTo(8);
        assertThat(firmware.stdout()).contains("EchoServer: bye, echoed " + 100 * 1024 + " bytes");
        int exit = firmware.stop();
        assertThat(firmware.stderr()).doesNotContain("AddressSanitizer").doesNotContain("runtime error")
                .doesNotContain("SDK misuse");
        assertThat(exit).as("exit code; stderr: " + firmware.stderr()).isZero();
        Matcher heap = HostFirmware.HEAP_SUMMARY.matcher(firmware.stdout());
        assertThat(heap.find()).as("heap summary in " + firmware.stdout()).isTrue();
        assertThat(heap.group(1)).as("live allocations after every client left").isEqualTo("0");
    }

    /** True when the server closed or reset the connection without a byte of greeting. */
    private static boolean refused(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException silent) {
            return false;
        }
    }

    /** Waits until the log shows at least n "bye" lines; returns how many it shows. */
    private static int awaitByes(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int count = 0;
        while (System.nanoTime() < deadline) {
            count = (int) firmware.stdout().lines().filter(l -> l.startsWith("EchoServer: bye, echoed")).count();
            if (count >= n) {
                return count;
            }
            Thread.sleep(20);
        }
        return count;
    }
}
