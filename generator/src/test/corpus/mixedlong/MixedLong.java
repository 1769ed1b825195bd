package corpus.mixedlong;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Expressions mixing int and long: where Java computes in int before widening, and compound ops. */
@TcpServer(port = 7147)
public class MixedLong {

    static class S {
        long acc;
        int small;
        byte[] out = new byte[200];
    }

    private static int put(byte[] out, int n, long v) {
        n = Text.appendInt(out, n, (int) (v >> 32));
        n = Text.appendByte(out, n, ':');
        n = Text.appendInt(out, n, (int) v);
        return Text.appendByte(out, n, ' ');
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int sp = data.indexOf(' ', 0);
        int a = data.parseInt(0, sp, 0);
        int b = data.parseInt(sp + 1, data.length() - 1, 1);
        long l = b;
        int n = 0;
        n = put(s.out, n, a * b + l);
        n = put(s.out, n, l + a * b);
        n = put(s.out, n, (long) a * b);
        n = put(s.out, n, a + b + l);
        n = put(s.out, n, a / b / l);
        n = put(s.out, n, a % b % l);
        n = put(s.out, n, l * a * b);
        n = put(s.out, n, a << 20 << l);
        s.acc += a;
        s.acc *= b;
        s.acc -= l << 33;
        s.small += l;
        s.small *= l;
        s.small /= l;
        int q = a;
        q /= (l << 32) + 1;
        int r = a;
        r %= (l << 32) + 3;
        n = put(s.out, n, s.acc);
        n = put(s.out, n, s.small);
        n = put(s.out, n, q);
        n = put(s.out, n, r);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
