package corpus.division;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Division and remainder with negative operands and MIN_VALUE / -1, int and long, plain and compound. */
@TcpServer(port = 7113)
public class Division {

    static final int MINUS_ONE = -1;

    static class S {
        byte[] out = new byte[240];
        int n;
    }

    private static void put(S s, int v) {
        s.n = Text.appendInt(s.out, s.n, v);
        s.n = Text.appendByte(s.out, s.n, ' ');
    }

    @OnConnect
    void fixed(Connection c, S s) {
        int min = Integer.MIN_VALUE;
        long lmin = Long.MIN_VALUE;
        int m1 = -1;
        s.n = 0;
        put(s, min / m1);
        put(s, min % m1);
        put(s, min / -1);
        put(s, min % -1);
        put(s, min / MINUS_ONE);
        put(s, (int) (lmin / m1 >>> 32));
        put(s, (int) (lmin % m1));
        put(s, (int) (lmin / -1L));
        put(s, -7 / 2);
        put(s, -7 % 2);
        put(s, 7 % -2);
        int x = min;
        x /= m1;
        put(s, x);
        x = -100;
        x %= 7;
        put(s, x);
        long y = lmin;
        y /= -1;
        put(s, (int) (y >> 32));
        y = -1000000000000L;
        y %= 7;
        put(s, (int) y);
        s.n = Text.appendByte(s.out, s.n, '\n');
        c.send(s.out, 0, s.n);
    }

    @OnReceive
    void divide(Connection c, S s, Bytes data) {
        int sp = data.indexOf(' ', 0);
        int a = data.parseInt(0, sp, 0);
        int b = data.parseInt(sp + 1, data.length() - 1, 1);
        if (b == 0) {
            c.send("no division by zero\n");
            return;
        }
        s.n = 0;
        put(s, a / b);
        put(s, a % b);
        put(s, (int) ((long) a * 1000 / b));
        put(s, (int) ((long) a * 1000 % b));
        short sa = (short) a;
        sa /= b;
        put(s, sa);
        byte ba = (byte) a;
        ba %= b;
        put(s, ba);
        char ca = (char) a;
        ca /= b;
        put(s, ca);
        s.n = Text.appendByte(s.out, s.n, '\n');
        c.send(s.out, 0, s.n);
    }
}
