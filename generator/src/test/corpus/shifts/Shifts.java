package corpus.shifts;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "x n\n": Java's shifts of x by n (the distance masked to 5 or 6 bits), int and long. */
@TcpServer(port = 7111)
public class Shifts {

    static class Out {
        byte[] b = new byte[256];
    }

    @OnReceive
    void receive(Connection c, Out o, Bytes data) {
        int sp = data.indexOf(' ', 0);
        int x = data.parseInt(0, sp, 0);
        int s = data.parseInt(sp + 1, data.length() - 1, 0);
        long lx = (long) x * 3;
        int n = Text.append(o.b, 0, "shl=");
        n = Text.appendInt(o.b, n, x << s);
        n = Text.append(o.b, n, " shr=");
        n = Text.appendInt(o.b, n, x >> s);
        n = Text.append(o.b, n, " ushr=");
        n = Text.appendInt(o.b, n, x >>> s);
        n = Text.append(o.b, n, " lshl=");
        n = Text.appendInt(o.b, n, (int) (lx << s >> 16));
        n = Text.append(o.b, n, " lshr=");
        n = Text.appendInt(o.b, n, (int) (lx >> s));
        n = Text.append(o.b, n, " lushr=");
        n = Text.appendInt(o.b, n, (int) (lx >>> s));
        n = Text.append(o.b, n, " lushrhi=");
        n = Text.appendInt(o.b, n, (int) ((lx >>> s) >>> 32));
        n = Text.append(o.b, n, " const=");
        n = Text.appendInt(o.b, n, (x << 33) + (x >> 35) + (x >>> 64) + (1 << 31));
        int y = x;
        y <<= s;
        y >>= 1;
        y >>>= s + 1;
        n = Text.append(o.b, n, " compound=");
        n = Text.appendInt(o.b, n, y);
        byte bb = (byte) x;
        bb >>>= 2;
        short sh = (short) x;
        sh <<= 3;
        char ch = (char) x;
        ch >>= 1;
        n = Text.append(o.b, n, " narrow=");
        n = Text.appendInt(o.b, n, bb);
        n = Text.appendByte(o.b, n, ',');
        n = Text.appendInt(o.b, n, sh);
        n = Text.appendByte(o.b, n, ',');
        n = Text.appendInt(o.b, n, ch);
        n = Text.append(o.b, n, " promoted=");
        n = Text.appendInt(o.b, n, bb >>> 28);
        n = Text.appendByte(o.b, n, ',');
        n = Text.appendInt(o.b, n, ch << 20);
        n = Text.appendByte(o.b, n, '\n');
        c.send(o.b, 0, n);
    }
}
