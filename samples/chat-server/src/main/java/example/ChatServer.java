package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * A chat: each line a member sends goes to every other member, prefixed with the sender's address
 * ({@code [192.168.4.2:50312] hello}). {@code /stats} answers the sender with the server's counters.
 *
 * <p>The overflow policy: every member has its own send queue of {@code sendQueueBytes}, and a line is queued on
 * each reader separately, so a member that stops reading fills its own queue only. With
 * {@link QueueFullPolicy#REFUSE} a line that does not fit is refused whole and counted for that member (see
 * {@link #deliver}); the sender and the other members go on at their own pace. When the slow member's queue
 * has drained to half, it is told how many lines it missed, in their place, and receives again.
 */
@TcpServer(port = 2323, maxConnections = 5, idleTimeoutSeconds = 600, sendQueueBytes = 4096,
        onQueueFull = QueueFullPolicy.REFUSE)
@Framed(delimiter = "\n", maxFrameBytes = ChatServer.MAX_LINE, onOversize = OversizePolicy.DISCARD)
public class ChatServer {

    /** The longest line a member may send, without its "\n". */
    static final int MAX_LINE = 200;

    // Counters all members share.
    static int relayed;
    static int dropped;

    /** Per member. */
    static class Member {
        /** Lines refused since the last notice: while it is above 0, the member receives nothing else. */
        int missed;
        /** A line as the others get it: "[a.b.c.d:port] " (at most 24 bytes), the line, "\r\n". */
        byte[] out = new byte[MAX_LINE + 32];
    }

    @OnConnect
    void joined(Connection c, Member m) {
        int n = Text.append(m.out, 0, "* ");
        n = address(c, m.out, n);
        n = Text.append(m.out, n, " joined\r\n");
        for (Connection o : c.connections()) {
            if (o != c) {
                deliver(o, m.out, n);
            }
        }
        n = Text.append(m.out, 0, "* welcome, ");
        n = Text.appendInt(m.out, n, c.connectionCount());
        n = Text.append(m.out, n, " here\r\n");
        deliver(c, m.out, n);
    }

    @OnFrame
    void said(Connection from, Member m, Bytes line) {
        int length = line.length();
        if (length > 0 && line.get(length - 1) == '\r') {   // telnet and nc -C end lines with "\r\n"
            length--;
        }
        if (length == 0) {
            return;
        }
        if (line.contentEquals("/stats") || line.contentEquals("/stats\r")) {
            stats(from, m);
            return;
        }
        relayed++;
        int n = Text.appendByte(m.out, 0, '[');
        n = address(from, m.out, n);
        n = Text.append(m.out, n, "] ");
        n += line.copyTo(0, length, m.out, n);
        n = Text.append(m.out, n, "\r\n");
        for (Connection o : from.connections()) {
            if (o != from) {
                deliver(o, m.out, n);
            }
        }
    }

    @OnOversize
    void tooLong(Connection c, Member m) {
        int n = Text.append(m.out, 0, "* line too long (at most ");
        n = Text.appendInt(m.out, n, MAX_LINE);
        n = Text.append(m.out, n, " bytes), not sent\r\n");
        deliver(c, m.out, n);
    }

    /** The queue has drained to half (or empty): a member that missed lines is told, and receives again. */
    @OnSent
    void drained(Connection c, Member m) {
        if (m.missed > 0) {
            int n = Text.append(m.out, 0, "* you missed ");
            n = Text.appendInt(m.out, n, m.missed);
            n = Text.append(m.out, n, " lines\r\n");
            Log.info("a slow reader missed %d lines", m.missed);
            m.missed = 0;
            deliver(c, m.out, n);
        }
    }

    @OnDisconnect
    void left(Connection c, Member m) {
        int n = Text.append(m.out, 0, "* ");
        n = address(c, m.out, n);
        n = Text.append(m.out, n, " left\r\n");
        for (Connection o : c.connections()) {
            if (o != c) {
                deliver(o, m.out, n);
            }
        }
    }

    /**
     * The overflow policy. A line is queued whole on one reader or not at all (REFUSE): when its queue is
     * full the line is counted as missed for that reader alone, and so is every line after it until the
     * reader has caught up and been told ({@link #drained}), so it never sees lines around a silent gap.
     */
    private static void deliver(Connection to, byte[] text, int length) {
        Member reader = to.state();
        if (reader.missed > 0 || !to.send(text, 0, length)) {
            reader.missed++;
            dropped++;
        }
    }

    private static void stats(Connection c, Member m) {
        int n = Text.append(m.out, 0, "* ");
        n = Text.appendInt(m.out, n, c.connectionCount());
        n = Text.append(m.out, n, " members, ");
        n = Text.appendInt(m.out, n, relayed);
        n = Text.append(m.out, n, " lines relayed, ");
        n = Text.appendInt(m.out, n, dropped);
        n = Text.append(m.out, n, " copies dropped for slow readers\r\n");
        deliver(c, m.out, n);
    }

    /** "a.b.c.d:port" at out[n]; returns the new length. */
    private static int address(Connection c, byte[] out, int n) {
        int ip = c.remoteIp();
        for (int i = 0; i < 4; i++) {
            n = Text.appendInt(out, n, (ip >>> (24 - 8 * i)) & 255);
            if (i < 3) {
                n = Text.appendByte(out, n, '.');
            }
        }
        n = Text.appendByte(out, n, ':');
        return Text.appendInt(out, n, c.remotePort());
    }
}
