package corpus.longarith;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "a b\n": long arithmetic on a and b (ints widened, then grown), printed in decimal by a helper. */
@TcpServer(port = 7110)
public class LongArith {

    static final long BIG = 1L << 40;

    static class Calc {
        byte[] out = new byte[300];
        byte[] digits = new byte[20];
        long total;
    }

    /** Appends v in decimal; works for Long.MIN_VALUE too (digits come from negative remainders). */
    private static int appendLong(Calc k, int n, long v) {
        if (v < 0) {
            n = Text.appendByte(k.out, n, '-');
        }
        int count = 0;
        for (int i = 0; i < 19; i++) {    // a long has at most 19 digits
            int d = (int) (v % 10);
            if (d < 0) {
                d = -d;
            }
            k.digits[count] = (byte) ('0' + d);
            count++;
            v /= 10;
            if (v == 0) {
                break;
            }
        }
        for (int i = Math.min(count, k.digits.length) - 1; i >= 0; i--) {
            n = Text.appendByte(k.out, n, k.digits[i]);
        }
        return n;
    }

    @OnReceive
    void receive(Connection c, Calc k, Bytes data) {
        int sp = data.indexOf(' ', 0);
        int end = data.indexOf('\n', 0);
        if (sp < 0 || end < 0) {
            return;
        }
        long a = data.parseInt(0, sp, 0);
        long b = data.parseInt(sp + 1, end, 0);
        long big = a * BIG + b;
        k.total += big;
        int n = Text.append(k.out, 0, "big=");
        n = appendLong(k, n, big);
        n = Text.append(k.out, n, " sq=");
        n = appendLong(k, n, big * big);
        n = Text.append(k.out, n, " cube=");
        n = appendLong(k, n, big * big * big);
        if (b != 0) {
            n = Text.append(k.out, n, " quot=");
            n = appendLong(k, n, big / b);
            n = Text.append(k.out, n, " rem=");
            n = appendLong(k, n, big % b);
        }
        n = Text.append(k.out, n, " neg=");
        n = appendLong(k, n, -big);
        n = Text.append(k.out, n, " low=");
        n = Text.appendInt(k.out, n, (int) big);
        n = Text.append(k.out, n, " high=");
        n = Text.appendInt(k.out, n, (int) (big >>> 32));
        n = Text.append(k.out, n, " total=");
        n = appendLong(k, n, k.total);
        n = Text.append(k.out, n, " min=");
        n = appendLong(k, n, Long.MIN_VALUE + a);
        n = Text.appendByte(k.out, n, '\n');
        c.send(k.out, 0, n);
    }
}
