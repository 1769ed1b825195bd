package example;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw HTTP client for the tests: writes bytes, reads to the end of the stream, never waits forever. */
final class HttpClient {

    /** How long a read may wait before the test calls the server hung. */
    static final int READ_TIMEOUT_MS = 30_000;

    private HttpClient() {}

    /** What one connection got: the bytes before the end, and whether it ended with a reset. */
    record Reply(byte[] bytes, boolean reset) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        /** The status code of the response, or -1 when the bytes do not start with a status line. */
        int status() {
            String t = text();
            return t.startsWith("HTTP/1.0 ") && t.length() >= 12 ? Integer.parseInt(t.substring(9, 12)) : -1;
        }

        /** The body: what follows the first empty line. */
        String body() {
            String t = text();
            int end = t.indexOf("\r\n\r\n");
            return end < 0 ? "" : t.substring(end + 4);
        }
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Sends request whole and reads the reply to its end. */
    static Reply exchange(int port, String request) throws IOException {
        Socket connected;
        try {
            connected = connect(port);
        } catch (ConnectException e) {
            throw e;                                   // nothing listens: a failure, not the server's refusal
        } catch (SocketException e) {
            // the kernel finished the handshake and the server's reset came before connect returned
            return new Reply(new byte[0], true);
        }
        try (Socket s = connected) {
            try {
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            } catch (SocketException e) {
                return new Reply(new byte[0], true);   // refused before the request went out
            }
            return readToEnd(s);
        }
    }

    /** Reads until the server ends the stream (or resets it); a silent server fails the test by timeout. */
    static Reply readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no end of the response within " + READ_TIMEOUT_MS + " ms; got: "
                    + got.toString(StandardCharsets.ISO_8859_1));
        } catch (SocketException e) {
            return new Reply(got.toByteArray(), true);
        }
        return new Reply(got.toByteArray(), false);
    }

    /** Writes each byte in a segment of its own (TCP_NODELAY, one write per byte). */
    static void trickle(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            out.write(b);
            out.flush();
        }
    }
}
