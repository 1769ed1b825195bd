package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espgen.dsl.host.HostFirmware;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a browser does: it asks for keep-alive, opens several connections at once, more than the server's
 * {@code maxConnections}, and opens a new one when a connection is refused. The stack resets a client beyond the
 * limit at once; every connection it accepts gets a whole response and its end. Nobody waits forever.
 */
class BrowserLikeClientsTest {

    static final String REQUEST = "GET / HTTP/1.1\r\nHost: device\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\n"
            + "Accept: text/html,application/xhtml+xml\r\nAccept-Encoding: gzip, deflate\r\n"
            + "Connection: keep-alive\r\n\r\n";

    /** Attempts per client: a refused one tries again (as a browser does), each attempt a new connection. */
    static final int ATTEMPTS = 200;

    @Test
    void clientsBeyondTheLimitAreRefusedAndTheOthersServedWhole() throws Exception {
        int max = HttpServerFirmware.MAX_CONNECTIONS;
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            // max connections with an unfinished request hold every entry of the table
            List<Socket> holders = new ArrayList<>();
            int served = 0;
            try {
                for (int i = 0; i < max; i++) {
                    Socket s = HttpClient.connect(fw.port());
                    holders.add(s);
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: device\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                // one more is accepted by the kernel, then refused by the firmware: a reset, no byte
                HttpClient.Reply extra = HttpClient.exchange(fw.port(), REQUEST);
                assertEquals(0, extra.bytes().length, extra.text());
                assertTrue(extra.reset(), "the client over the limit was reset");

                for (Socket s : holders) {
                    try {
                        s.getOutputStream().write("Connection: keep-alive\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (SocketException e) {
                        // only when this machine took longer than the request deadline to get here: checked below
                    }
                }
                for (Socket s : holders) {
                    HttpClient.Reply r = HttpClient.readToEnd(s);
                    if (r.status() != 200) {
                        // only when this machine took longer than the request deadline to get here: the 408,
                        // or the reset our late write met after it
                        assertTrue(r.status() == 408 || r.reset(), r.text());
                    } else {
                        assertEquals(HttpServerTest.PAGE, r.body());
                        served++;
                    }
                }
            } finally {
                for (Socket s : holders) {
                    s.close();
                }
            }

            // 3 x max browsers at once, each retrying when refused: all get the page
            int clients = 3 * max;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Integer>> attempts = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    attempts.add(pool.submit(() -> fetchPage(fw.port())));
                }
                for (Future<Integer> f : attempts) {
                    int tries = f.get(5, TimeUnit.MINUTES);
                    assertTrue(tries >= 1 && tries <= ATTEMPTS, "attempts: " + tries);
                }
            } finally {
                pool.shutdownNow();
            }
            String status = HttpClient.exchange(fw.port(), "GET /status HTTP/1.0\r\n\r\n").body();
            assertTrue(status.contains("\npages_sent " + (served + clients) + "\n"), status);
        }
    }

    /** Fetches the page until a connection is not refused; returns how many attempts it took. */
    static int fetchPage(int port) throws IOException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpClient.Reply r = HttpClient.exchange(port, REQUEST);
            if (r.bytes().length == 0 && r.reset()) {
                continue;                                   // refused: over the limit
            }
            assertEquals(200, r.status(), r.text());
            assertEquals(HttpServerTest.PAGE, r.body(), "a whole page, then the end of the stream");
            return attempt;
        }
        throw new AssertionError("refused " + ATTEMPTS + " times");
    }
}
