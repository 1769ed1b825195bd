package corpus.helpers;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Helper methods, private and static, taking primitives, arrays, Connection, Bytes and the state. */
@TcpServer(port = 7121)
public class Helpers {

    static class S {
        int[] squares = new int[6];
        byte[] out = new byte[128];
        int len;
        int calls;
    }

    private static int square(int x) {
        return x * x;
    }

    private static long cube(long x) {
        return x * x * x;
    }

    static boolean isVowel(byte b) {
        switch (b) {
            case 'a', 'e', 'i', 'o', 'u' -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static char upper(char ch) {
        return ch >= 'a' && ch <= 'z' ? (char) (ch - 32) : ch;
    }

    private static short clampShort(int v) {
        if (v > Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        return v < Short.MIN_VALUE ? Short.MIN_VALUE : (short) v;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i];
        }
        return total;
    }

    private static void fill(int[] values, int base) {
        for (int i = 0; i < values.length; i++) {
            values[i] = square(base + i);
        }
    }

    private int vowels(Bytes data) {
        int count = 0;
        for (byte b : data) {
            if (isVowel(b)) {
                count++;
            }
        }
        return count;
    }

    private void put(S s, int v) {
        s.len = Text.appendInt(s.out, s.len, v);
        s.len = Text.appendByte(s.out, s.len, ' ');
    }

    private void flush(Connection c, S s) {
        s.len = Text.appendByte(s.out, s.len, '\n');
        c.send(s.out, 0, s.len);
        s.len = 0;
        s.calls++;
    }

    private static int upperInto(byte[] dst, Bytes data) {
        int n = 0;
        for (int i = 0; i < data.length() && n < dst.length; i++) {
            n = Text.appendByte(dst, n, upper((char) data.get(i)));
        }
        return n;
    }

    @OnConnect
    void hello(Connection c, S s) {
        fill(s.squares, 3);
        put(s, sum(s.squares));
        put(s, (int) cube(-1290));
        put(s, clampShort(40000));
        put(s, clampShort(-40000));
        put(s, clampShort(123));
        flush(c, s);
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        put(s, vowels(data));
        put(s, square(data.length()));
        flush(c, s);
        int n = upperInto(s.out, data);
        c.send(s.out, 0, n);
        c.send("\n");
        Log.info("calls %d", s.calls);
    }
}
