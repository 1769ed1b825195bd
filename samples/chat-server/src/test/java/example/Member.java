package example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A chat member for the tests: writes lines, reads lines, never waits forever. */
final class Member implements AutoCloseable {

    static final int READ_TIMEOUT_MS = 30_000;

    final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private Member(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        this.out = socket.getOutputStream();
    }

    /** Connects and reads the server's welcome. */
    static Member join(int port) throws IOException {
        return join(port, 0);
    }

    /** As {@link #join(int)}, with a receive buffer of that many bytes (0: the system's). */
    static Member join(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);     // before connecting: it sets the window offered
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.setTcpNoDelay(true);
        Member m = new Member(s);
        String welcome = m.readLine();
        if (!welcome.startsWith("* welcome, ")) {
            throw new AssertionError("no welcome: " + welcome);
        }
        return m;
    }

    /** "127.0.0.1:port", as the others see this member. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    void say(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The next line, without "\r\n"; fails the test when the server sends none in time or ends. */
    String readLine() throws IOException {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new AssertionError("the server ended the stream");
            }
            return line;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no line within " + READ_TIMEOUT_MS + " ms", e);
        }
    }

    /** The next line that is not a server notice of someone joining or leaving. */
    String readChatLine() throws IOException {
        for (int i = 0; i < 1000; i++) {
            String line = readLine();
            if (!line.endsWith(" joined") && !line.endsWith(" left")) {
                return line;
            }
        }
        throw new AssertionError("1000 join and leave notices in a row");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
