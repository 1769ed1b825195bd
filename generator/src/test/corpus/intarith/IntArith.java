package corpus.intarith;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "a b\n": answers int arithmetic on a and b with Java's wrapping semantics. */
@TcpServer(port = 7109)
public class IntArith {

    static class Calc {
        byte[] out = new byte[240];
    }

    @OnReceive
    void receive(Connection c, Calc k, Bytes data) {
        int sp = data.indexOf(' ', 0);
        int end = data.indexOf('\n', 0);
        if (sp < 0 || end < 0) {
            c.send("usage: a b\n");
            return;
        }
        int a = data.parseInt(0, sp, 0);
        int b = data.parseInt(sp + 1, end, 0);
        int n = Text.append(k.out, 0, "sum=");
        n = Text.appendInt(k.out, n, a + b);
        n = Text.append(k.out, n, " diff=");
        n = Text.appendInt(k.out, n, a - b);
        n = Text.append(k.out, n, " prod=");
        n = Text.appendInt(k.out, n, a * b);
        if (b != 0) {
            n = Text.append(k.out, n, " quot=");
            n = Text.appendInt(k.out, n, a / b);
            n = Text.append(k.out, n, " rem=");
            n = Text.appendInt(k.out, n, a % b);
        }
        n = Text.append(k.out, n, " neg=");
        n = Text.appendInt(k.out, n, -a);
        n = Text.append(k.out, n, " not=");
        n = Text.appendInt(k.out, n, ~a);
        n = Text.append(k.out, n, " and=");
        n = Text.appendInt(k.out, n, a & b);
        n = Text.append(k.out, n, " or=");
        n = Text.appendInt(k.out, n, a | b);
        n = Text.append(k.out, n, " xor=");
        n = Text.appendInt(k.out, n, a ^ b);
        n = Text.append(k.out, n, " sq=");
        n = Text.appendInt(k.out, n, a * a + b * b);
        n = Text.append(k.out, n, " mix=");
        n = Text.appendInt(k.out, n, (a + 1) * (b - 1) / 7 - a % 5);
        n = Text.append(k.out, n, " inc=");
        int x = a;
        x += b;
        x *= 3;
        x -= 1;
        n = Text.appendInt(k.out, n, x);
        n = Text.appendByte(k.out, n, '\n');
        c.send(k.out, 0, n);
    }
}
