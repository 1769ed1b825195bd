package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espgen.dsl.host.HostFirmware;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The routes, through curl and through a raw socket, on the firmware built for the host. */
class HttpServerTest {

    /** The page as the server's constants hold it. */
    static final String PAGE = String.join("", HttpServer.PART_0, HttpServer.PART_1, HttpServer.PART_2,
            HttpServer.PART_3, HttpServer.PART_4, HttpServer.PART_5, HttpServer.PART_6, HttpServer.PART_7);

    @Test
    void curlGetsThePageWholeWithItsLength() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            String out = curl("-i", "http://127.0.0.1:" + fw.port() + "/");
            assertTrue(out.startsWith("HTTP/1.0 200 OK\r\n"), out);
            assertTrue(out.contains("\r\nContent-Type: text/html\r\n"), out);
            assertTrue(out.contains("\r\nConnection: close\r\n"), out);
            assertTrue(out.contains("\r\nContent-Length: " + PAGE.length() + "\r\n"), out);
            assertEquals(PAGE, out.substring(out.indexOf("\r\n\r\n") + 4));
            assertTrue(PAGE.length() > 7 * 1024 && PAGE.length() > HttpServerFirmware.SEND_QUEUE_BYTES,
                    "the page is larger than the send queue: it goes out part by part from @OnSent");
        }
    }

    @Test
    void curlSeesEachRouteAndStatus() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            String base = "http://127.0.0.1:" + fw.port();
            assertEquals("hello from the ESP8266\r\n", curl(base + "/hello"));
            assertEquals("200", curl("-o", "/dev/null", "-w", "%{http_code}", base + "/hello?name=x"));
            assertEquals("404", curl("-o", "/dev/null", "-w", "%{http_code}", base + "/favicon.ico"));
            assertEquals("501", curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-d", "x=1", base + "/"));
            String head = curl("-I", base + "/");                      // HEAD: the headers, no body
            assertTrue(head.startsWith("HTTP/1.0 200 OK\r\n") && head.endsWith("\r\n\r\n"), head);
            assertTrue(head.contains("Content-Length: " + PAGE.length() + "\r\n"), head);
            assertEquals(PAGE, curl(base + "/index.html"));

            String status = curl(base + "/status");
            assertTrue(status.matches("(?s)uptime_seconds \\d+\n.*"), status);
            assertEquals(String.join("\n", "requests 7", "ok_200 5", "pages_sent 1", "bad_request_400 0",
                    "not_found_404 1", "timeout_408 0", "uri_too_long_414 0", "headers_too_large_431 0",
                    "not_implemented_501 1", ""), status.substring(status.indexOf('\n') + 1));
        }
    }

    @Test
    void aKeepAliveRequestIsAnsweredThenClosed() throws Exception {
        try (HostFirmware fw = HttpServerFirmware.startOnHost()) {
            HttpClient.Reply r = HttpClient.exchange(fw.port(),
                    "GET /hello HTTP/1.1\r\nHost: device\r\nConnection: keep-alive\r\n\r\n");
            assertFalse(r.reset(), r.text());
            assertEquals(200, r.status(), r.text());
            assertTrue(r.text().contains("\r\nConnection: close\r\n"), r.text());
            assertEquals("hello from the ESP8266\r\n", r.body());      // readToEnd returned: the server closed
        }
    }

    /** Runs curl, which the tests need (scripts/setup installs it): a missing curl fails, it does not skip. */
    static String curl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new AssertionError("curl is missing: run scripts/setup (Debian package curl)", e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "curl did not end");
        assertEquals(0, p.exitValue(), "curl " + cmd + " failed; it wrote: " + out);
        return out;
    }
}
