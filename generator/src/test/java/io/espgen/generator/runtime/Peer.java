package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A TCP client of a firmware on 127.0.0.1, every wait bounded. */
final class Peer implements AutoCloseable {

    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int READ_TIMEOUT_MS = 5_000;

    /** How a read to the end of a stream ended. */
    enum End { EOF, RESET, TIMEOUT, LIMIT }

    /** What a read to the end of a stream saw. */
    record Tail(byte[] data, End end) {}

    final Socket socket;
    final InputStream in;

    private Peer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static Peer connect(int port) throws IOException {
        return connect(port, 0);
    }

    /**
     * Connects, or returns null when the server reset the connection before connect() returned (Java's connect
     * reads SO_ERROR once the handshake is done, and a firmware that aborts in its connect callback may have
     * reset it by then).
     */
    static Peer connectOrReset(int port) throws IOException {
        try {
            return connect(port, 0);
        } catch (java.net.SocketException e) {
            if (String.valueOf(e.getMessage()).contains("reset")) {
                return null;
            }
            throw e;
        }
    }

    /** Connects with a receive buffer of rcvBuf bytes (0: the system's), set before the handshake. */
    static Peer connect(int port, int rcvBuf) throws IOException {
        Socket s = new Socket();
        try {
            if (rcvBuf > 0) {
                s.setReceiveBufferSize(rcvBuf);
            }
            s.setSoTimeout(READ_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            return new Peer(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void send(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads exactly n bytes; fails the test when the stream ends or stalls first. */
    byte[] read(int n) throws IOException {
        byte[] buf = in.readNBytes(n);
        assertThat(buf.length).as("bytes read before EOF").isEqualTo(n);
        return buf;
    }

    void expect(byte[] expected) throws IOException {
        assertThat(read(expected.length)).isEqualTo(expected);
    }

    void expect(String ascii) throws IOException {
        expect(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads up to n bytes, or until the stream ends, resets or stalls for timeoutMs. */
    Tail readUpTo(int n, int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (got.size() < n) {
                int r = in.read(buf, 0, Math.min(buf.length, n - got.size()));
                if (r < 0) {
                    return new Tail(got.toByteArray(), End.EOF);
                }
                got.write(buf, 0, r);
            }
            return new Tail(got.toByteArray(), End.LIMIT);
        } catch (SocketTimeoutException e) {
            return new Tail(got.toByteArray(), End.TIMEOUT);
        } catch (SocketException e) {
            return new Tail(got.toByteArray(), End.RESET);
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(READ_TIMEOUT_MS);
            }
        }
    }

    /** Reads what is left (at most limit bytes) and how the stream ended. */
    Tail readToEnd(int limit, int timeoutMs) throws IOException {
        Tail t = readUpTo(limit, timeoutMs);
        if (t.end() != End.LIMIT) {
            return t;
        }
        Tail more = readUpTo(1, timeoutMs);
        return new Tail(t.data(), more.data().length > 0 ? End.LIMIT : more.end());
    }

    /** Waits for the server to end the connection without a byte; true when it did (EOF or reset). */
    boolean closedByServer(int timeoutMs) throws IOException {
        Tail t = readUpTo(1, timeoutMs);
        return t.data().length == 0 && (t.end() == End.EOF || t.end() == End.RESET);
    }

    /**
     * Connects and expects to be turned away without a byte: the connection is reset (as the stack refuses a
     * client over its limit, possibly before connect returns) or closed. True when it was.
     */
    static boolean refused(int port, int timeoutMs) throws IOException {
        Peer p;
        try {
            p = connect(port);
        } catch (SocketException reset) {
            return true;
        }
        try (p) {
            return p.closedByServer(timeoutMs);
        }
    }

    /** Half-closes: the server reads the end of the stream, this side keeps reading. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with a reset (SO_LINGER 0) instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static boolean isPrefix(byte[] prefix, byte[] of) {
        return prefix.length <= of.length && Arrays.equals(prefix, 0, prefix.length, of, 0, prefix.length);
    }
}
