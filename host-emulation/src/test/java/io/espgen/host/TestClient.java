package io.espgen.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A TCP client of a test firmware, on 127.0.0.1 only, with timeouts on everything. */
final class TestClient implements AutoCloseable {

    private final Socket socket;

    private TestClient(Socket socket) {
        this.socket = socket;
    }

    static TestClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** receiveBuffer > 0 shrinks the socket's receive buffer before connecting (so the window is small). */
    static TestClient connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(5000);
        s.setTcpNoDelay(true);
        return new TestClient(s);
    }

    /** A client bound to its port before connecting: the port is known even when the reset beats connect(). */
    record Attempt(int localPort, TestClient client) {}

    /**
     * Connects from a port bound first; client is null when the server reset the connection before connect()
     * returned (Java's connect reads SO_ERROR once the handshake is done, and a reset may already be there).
     */
    static Attempt attempt(int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress("127.0.0.1", 0));
        int local = s.getLocalPort();
        try {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            s.setTcpNoDelay(true);
        } catch (SocketException reset) {
            s.close();
            return new Attempt(local, null);
        }
        return new Attempt(local, new TestClient(s));
    }

    /**
     * Connects and expects the server side to refuse: the connection is reset or closed at once (the reset may even
     * come before connect() returns). Returns false when it stays open.
     */
    static boolean refused(int port, Duration timeout) throws IOException {
        TestClient c;
        try {
            c = connect(port);
        } catch (SocketException e) {
            return true;
        }
        try (c) {
            return c.drainUntilClosed(timeout) == 0;
        }
    }

    int localPort() {
        return socket.getLocalPort();
    }

    Socket socket() {
        return socket;
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    byte[] read(int n) throws IOException {
        byte[] buf = socket.getInputStream().readNBytes(n);
        if (buf.length != n) {
            throw new IOException("EOF after " + buf.length + " of " + n + " bytes");
        }
        return buf;
    }

    String readText(int n) throws IOException {
        return new String(read(n), StandardCharsets.ISO_8859_1);
    }

    int available() throws IOException {
        return socket.getInputStream().available();
    }

    /** Reads and drops until the server closes (EOF or reset); returns what was read, or -1 on timeout. */
    long drainUntilClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return total;
                }
                total += n;
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            } catch (SocketException e) {
                return total; // reset
            }
        }
        return -1;
    }

    enum End { EOF, RESET, TIMEOUT }

    /** Reads and drops until the server ends the stream; how it ended. */
    End endOfStream(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buf) < 0) {
                    return End.EOF;
                }
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            } catch (SocketException e) {
                return End.RESET;
            }
        }
        return End.TIMEOUT;
    }

    /** Closes with a reset (SO_LINGER 0). */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
