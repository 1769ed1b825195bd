package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espgen.dsl.host.HostFirmware;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests a device on a network meets from broken or hostile clients: each gets a defined answer and its
 * connection closed, and the server goes on serving.
 */
class HostileRequestsTest {

    static final String HELLO = "GET /hello HTTP/1.0\r\n\r\n";

    @Test
    void garbageAndBinaryLinesGet400() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            assertEquals(400, HttpClient.exchange(fw.port(), "hello there\r\n\r\n").status());
            assertEquals(400, HttpClient.exchange(fw.port(), "GET\r\n\r\n").status());
            assertEquals(400, HttpClient.exchange(fw.port(), "GET / HTTP/2.0\r\n\r\n").status());
            assertEquals(400, HttpClient.exchange(fw.port(), "GET nope HTTP/1.0\r\n\r\n").status());
            StringBuilder binary = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                binary.append((char) ((i * 37 + 11) & 0xff));   // every kind of byte, no "\r\n" among them
            }
            assertEquals(400, HttpClient.exchange(fw.port(), binary.toString().replace("\r\n", "") + "\r\n\r\n")
                    .status());
            assertEquals(400, HttpClient.exchange(fw.port(), "GET / HTTP/1.0\r\n no colon\r\n\r\n").status());
            assertEquals(200, HttpClient.exchange(fw.port(), HELLO).status());
        }
    }

    @Test
    void oversizedLinesGet414And431() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            String longPath = "/" + "a".repeat(HttpServer.MAX_LINE);
            assertEquals(414, HttpClient.exchange(fw.port(), "GET " + longPath + " HTTP/1.0\r\n\r\n").status());
            String longHeader = "Cookie: " + "b".repeat(HttpServer.MAX_LINE);
            assertEquals(431, HttpClient.exchange(fw.port(), "GET / HTTP/1.0\r\n" + longHeader + "\r\n\r\n").status());
            String flood = "GET / HTTP/1.0\r\n" + "X-Flood: y\r\n".repeat(HttpServer.MAX_HEADERS + 1) + "\r\n";
            assertEquals(431, HttpClient.exchange(fw.port(), flood).status());
            String most = "GET /hello HTTP/1.0\r\n" + "X-Flood: y\r\n".repeat(HttpServer.MAX_HEADERS) + "\r\n";
            assertEquals(200, HttpClient.exchange(fw.port(), most).status());
            String status = HttpClient.exchange(fw.port(), "GET /status HTTP/1.0\r\n\r\n").body();
            assertTrue(status.contains("\nuri_too_long_414 1\nheaders_too_large_431 2\n"), status);
        }
    }

    @Test
    void aRequestSentByteByByteIsAnswered() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost(); Socket s = HttpClient.connect(fw.port())) {
            HttpClient.trickle(s, "GET /hello HTTP/1.0\r\nHost: device\r\nUser-Agent: slow\r\n\r\n");
            HttpClient.Reply r = HttpClient.readToEnd(s);
            assertEquals(200, r.status(), r.text());
            assertEquals("hello from the ESP8266\r\n", r.body());
        }
    }

    /** A slowloris client holds a connection by never finishing its request: the deadline ends it. */
    @Test
    void anUnfinishedRequestGets408AtTheDeadline() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost(); Socket s = HttpClient.connect(fw.port())) {
            long start = System.nanoTime();
            HttpClient.trickle(s, "GET /hello HTTP/1.0\r\nHost: dev");
            HttpClient.Reply r = HttpClient.readToEnd(s);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(408, r.status(), r.text());
            assertTrue(seconds >= HttpServer.REQUEST_SECONDS - 2, "closed after " + seconds + " s");
            assertEquals(200, HttpClient.exchange(fw.port(), HELLO).status());
        }
    }

    /** HTTP/1.0 answers one request per connection: pipelined ones after it are read and ignored. */
    @Test
    void pipelinedRequestsGetOneAnswer() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            HttpClient.Reply r = HttpClient.exchange(fw.port(),
                    HELLO + "GET /status HTTP/1.0\r\n\r\n" + "GET / HTTP/1.0\r\n\r\n");
            assertFalse(r.reset(), r.text());
            assertEquals(200, r.status());
            assertEquals("hello from the ESP8266\r\n", r.body());
            assertEquals(1, r.text().split("HTTP/1.0 ", -1).length - 1, r.text());
        }
    }

    @Test
    void aBodyAfterTheHeadersIsIgnored() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            HttpClient.Reply r = HttpClient.exchange(fw.port(),
                    "POST /hello HTTP/1.0\r\nContent-Length: 9\r\n\r\nname=chip");
            assertEquals(501, r.status(), r.text());
            assertEquals("501\n", new String(r.body().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII));
        }
    }
}
