package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * A line protocol, for the C a reviewer reads: helper methods, switch with fallthrough, for-each over
 * the received bytes and over a state array, and the text helpers.
 */
@TcpServer(port = 7300, maxConnections = 2, idleTimeoutSeconds = 120)
public class CommandServer {

    static final int LINE_MAX = 64;
    static final String PROMPT = "> ";
    static final String HELP = "commands: sum <numbers>, echo <text>, stats, help, quit\n";

    static class Line {
        byte[] buf = new byte[64];
        int len;
        boolean overflow;
        byte[] out = new byte[80];
        int[] lengths = new int[4];
        int commands;
    }

    @OnConnect
    void hello(Connection c, Line l) {
        c.send(HELP);
        c.send(PROMPT);
    }

    @OnReceive
    void receive(Connection c, Line l, Bytes data) {
        for (byte b : data) {
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                command(c, l);
                l.len = 0;
                l.overflow = false;
            } else if (l.len < LINE_MAX) {
                l.buf[l.len] = b;
                l.len++;
            } else {
                l.overflow = true;
            }
        }
    }

    @OnError
    void failed(Connection c, ConnectionError e) {
        switch (e) {
            case TIMEOUT -> Log.warn("%d timed out", c.remotePort());
            case RESET, ABORTED -> Log.info("%d went away", c.remotePort());
            default -> Log.warn("%d failed", c.remotePort());
        }
    }

    private void command(Connection c, Line l) {
        if (l.overflow) {
            c.send("error: line too long\n");
            return;
        }
        l.lengths[l.commands % 4] = l.len;
        l.commands++;
        int space = Text.indexOf(l.buf, 0, l.len, ' ');
        int verbEnd = space < 0 ? l.len : space;
        switch (verb(l, verbEnd)) {
            case 's': {
                int n = Text.appendInt(l.out, 0, sum(l, verbEnd + 1));
                n = Text.appendByte(l.out, n, '\n');
                c.send(l.out, 0, n);
                break;
            }
            case 'e':
                if (space >= 0) {
                    c.send(l.buf, space + 1, l.len - space - 1);
                }
                c.send("\n");
                break;
            case 't':
                stats(c, l);
                // and the help after it
            case 'h':
                c.send(HELP);
                break;
            case 'q':
                c.close();
                return;
            default: {
                int n = Text.append(l.out, 0, "unknown command: ");
                c.send(l.out, 0, n);
                c.send(l.buf, 0, Math.min(verbEnd, 16));
                c.send("\n");
            }
        }
        c.send(PROMPT);
    }

    /** The command's first letter when the verb is one of the known ones, else '?'. */
    private static char verb(Line l, int end) {
        if (Text.contentEquals(l.buf, 0, end, "sum")) {
            return 's';
        }
        if (Text.contentEquals(l.buf, 0, end, "echo")) {
            return 'e';
        }
        if (Text.contentEquals(l.buf, 0, end, "stats")) {
            return 't';
        }
        if (Text.startsWith(l.buf, 0, end, "h")) {
            return 'h';
        }
        return Text.contentEquals(l.buf, 0, end, "quit") ? 'q' : '?';
    }

    /** The sum of the space-separated numbers from {@code from} on; a word that is not a number counts 0. */
    private static int sum(Line l, int from) {
        int total = 0;
        int start = from;
        for (int i = Math.max(0, from); i <= l.buf.length && i <= l.len; i++) {
            if (i == l.len || l.buf[i] == ' ') {
                total += Text.parseInt(l.buf, start, i, 0);
                start = i + 1;
            }
        }
        return total;
    }

    private void stats(Connection c, Line l) {
        int longest = 0;
        for (int n : l.lengths) {
            longest = Math.max(longest, n);
        }
        int k = Text.append(l.out, 0, "commands ");
        k = Text.appendInt(l.out, k, l.commands);
        k = Text.append(l.out, k, ", longest line ");
        k = Text.appendInt(l.out, k, longest);
        k = Text.appendByte(l.out, k, '\n');
        c.send(l.out, 0, k);
    }
}
