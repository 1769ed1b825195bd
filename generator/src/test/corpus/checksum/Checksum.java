package corpus.checksum;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * A checksum service: every byte up to a '=' counts; '=' answers the byte sum, XOR, Fletcher-16 and
 * Adler-32 of what came before it, in hexadecimal, and starts again.
 */
@TcpServer(port = 7105)
public class Checksum {

    static final int ADLER_MOD = 65521;

    static class Sums {
        int count;
        int sum;
        int xor;
        int f1;
        int f2;
        long adlerA = 1;
        long adlerB;
        byte[] out = new byte[80];
    }

    @OnReceive
    void receive(Connection c, Sums s, Bytes data) {
        for (byte b : data) {
            if (b == '=') {
                report(c, s);
                reset(s);
                continue;
            }
            int u = b & 0xFF;
            s.count++;
            s.sum += u;
            s.xor ^= u;
            s.f1 = (s.f1 + u) % 255;
            s.f2 = (s.f2 + s.f1) % 255;
            s.adlerA = (s.adlerA + u) % ADLER_MOD;
            s.adlerB = (s.adlerB + s.adlerA) % ADLER_MOD;
        }
    }

    private static void reset(Sums s) {
        s.count = 0;
        s.sum = 0;
        s.xor = 0;
        s.f1 = 0;
        s.f2 = 0;
        s.adlerA = 1;
        s.adlerB = 0;
    }

    private static char hexDigit(int v) {
        return (char) (v < 10 ? '0' + v : 'a' + v - 10);
    }

    /** Appends the low {@code digits} hex digits of value. */
    private static int appendHex(byte[] out, int n, int value, int digits) {
        for (int i = Math.min(digits, 8) - 1; i >= 0; i--) { // an int has 8 hex digits
            n = Text.appendByte(out, n, hexDigit((value >>> (i * 4)) & 0xF));
        }
        return n;
    }

    private void report(Connection c, Sums s) {
        int n = Text.appendInt(s.out, 0, s.count);
        n = Text.append(s.out, n, " bytes sum=");
        n = appendHex(s.out, n, s.sum, 8);
        n = Text.append(s.out, n, " xor=");
        n = appendHex(s.out, n, s.xor, 2);
        n = Text.append(s.out, n, " fletcher16=");
        n = appendHex(s.out, n, s.f2 << 8 | s.f1, 4);
        n = Text.append(s.out, n, " adler32=");
        long adler = s.adlerB << 16 | s.adlerA;
        n = appendHex(s.out, n, (int) adler, 8);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
