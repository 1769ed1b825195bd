package corpus.counter;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** A line protocol: INCR n, DECR n, GET, RESET; one counter per connection. */
@TcpServer(port = 7102)
public class Counter {

    static final int LINE_MAX = 32;

    static class State {
        byte[] line = new byte[32];
        int len;
        int value;
        byte[] out = new byte[48];
        boolean overflow;
    }

    @OnConnect
    void hello(Connection c) {
        c.send("counter ready\n");
    }

    @OnReceive
    void receive(Connection c, State s, Bytes data) {
        for (byte b : data) {
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                command(c, s);
                s.len = 0;
                s.overflow = false;
            } else if (s.len < LINE_MAX) {
                s.line[s.len] = b;
                s.len++;
            } else {
                s.overflow = true;
            }
        }
    }

    private void command(Connection c, State s) {
        if (s.overflow) {
            c.send("ERR line too long\n");
        } else if (Text.startsWith(s.line, 0, s.len, "INCR ")) {
            int n = Text.parseInt(s.line, 5, s.len, Integer.MIN_VALUE);
            if (n == Integer.MIN_VALUE) {
                c.send("ERR not a number\n");
                return;
            }
            s.value += n;
            reply(c, s, false);
        } else if (Text.startsWith(s.line, 0, s.len, "DECR ")) {
            int n = Text.parseInt(s.line, 5, s.len, 0);
            s.value -= n;
            reply(c, s, false);
        } else if (Text.contentEquals(s.line, 0, s.len, "GET")) {
            reply(c, s, true);
        } else if (Text.contentEquals(s.line, 0, s.len, "RESET")) {
            s.value = 0;
            c.send("OK 0\n");
        } else {
            c.send("ERR unknown command\n");
        }
    }

    private static void reply(Connection c, State s, boolean get) {
        int n = get ? Text.append(s.out, 0, "VALUE ") : Text.append(s.out, 0, "OK ");
        n = Text.appendInt(s.out, n, s.value);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
