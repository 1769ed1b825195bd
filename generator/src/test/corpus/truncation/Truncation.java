package corpus.truncation;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Appends into an 8-byte buffer until it is full, and sends array ranges clamped at both ends. */
@TcpServer(port = 7127)
public class Truncation {

    static class S {
        byte[] small = new byte[8];
        byte[] out = new byte[64];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int v = data.parseInt(0, data.length(), 0);
        int n = Text.append(s.small, 0, "ab");
        int a = n;
        n = Text.appendInt(s.small, n, v);
        int b = n;
        n = Text.append(s.small, n, "XYZ");
        int d = n;
        n = Text.appendByte(s.small, n, '!');
        int e = n;
        n = Text.appendByte(s.small, n, '?');
        int f = Text.append(s.small, -5, "Q");
        int g = Text.append(s.small, 100, "Q");
        int h = Text.appendInt(s.small, 7, -5);
        c.send(s.small, 0, n);
        int m = Text.append(s.out, 0, " | ");
        m = Text.appendInt(s.out, m, a);
        m = Text.appendInt(s.out, m, b);
        m = Text.appendInt(s.out, m, d);
        m = Text.appendInt(s.out, m, e);
        m = Text.appendInt(s.out, m, n);
        m = Text.appendByte(s.out, m, ',');
        m = Text.appendInt(s.out, m, f);
        m = Text.appendInt(s.out, m, g);
        m = Text.appendInt(s.out, m, h);
        m = Text.append(s.out, m, " | ");
        c.send(s.out, 0, m);
        c.send(s.small, -3, 2);
        c.send(s.small, 6, 100);
        c.send(s.small, 8, 1);
        c.send(s.small, 2, -1);
        c.send(s.small, 100, 5);
        c.send(s.small, 1, Integer.MAX_VALUE);
        c.send(s.small, Integer.MIN_VALUE, Integer.MIN_VALUE);
        int nested = Text.append(s.small, Text.appendInt(s.small, 0, v), "#");
        c.send(s.small, 0, nested);
        c.send("\n");
    }
}
