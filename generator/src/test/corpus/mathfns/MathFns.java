package corpus.mathfns;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "a b\n": Math.min, max and abs on int and long, including abs(MIN_VALUE). */
@TcpServer(port = 7128)
public class MathFns {

    static class S {
        byte[] out = new byte[200];
        int lowest = Integer.MAX_VALUE;
        long widest;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int sp = data.indexOf(' ', 0);
        int a = data.parseInt(0, sp, 0);
        int b = data.parseInt(sp + 1, data.length() - 1, 0);
        long la = (long) a << 20;
        long lb = (long) b * -3;
        s.lowest = Math.min(s.lowest, Math.min(a, b));
        s.widest = Math.max(s.widest, Math.abs(la - lb));
        int n = Text.append(s.out, 0, "min=");
        n = Text.appendInt(s.out, n, Math.min(a, b));
        n = Text.append(s.out, n, " max=");
        n = Text.appendInt(s.out, n, Math.max(a, b));
        n = Text.append(s.out, n, " abs=");
        n = Text.appendInt(s.out, n, Math.abs(a));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, Math.abs(b));
        n = Text.append(s.out, n, " absdiff=");
        n = Text.appendInt(s.out, n, Math.abs(a - b));
        n = Text.append(s.out, n, " lmin=");
        n = Text.appendInt(s.out, n, (int) (Math.min(la, lb) >> 20));
        n = Text.append(s.out, n, " lmax=");
        n = Text.appendInt(s.out, n, (int) (Math.max(la, lb) % 1000000));
        n = Text.append(s.out, n, " labs=");
        n = Text.appendInt(s.out, n, (int) (Math.abs(la) >>> 20));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, (int) (Math.abs(Long.MIN_VALUE + b) >>> 40));
        n = Text.append(s.out, n, " lowest=");
        n = Text.appendInt(s.out, n, s.lowest);
        n = Text.append(s.out, n, " widest=");
        n = Text.appendInt(s.out, n, (int) (s.widest >> 8));
        n = Text.append(s.out, n, " clamp=");
        n = Text.appendInt(s.out, n, Math.max(-100, Math.min(100, a)));
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
