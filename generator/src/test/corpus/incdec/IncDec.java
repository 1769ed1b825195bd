package corpus.incdec;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** ++ and -- (pre and post, as values and statements) on locals, fields and array elements, and wrap-around. */
@TcpServer(port = 7143)
public class IncDec {

    static class S {
        byte b = 126;
        short sh = -32767;
        char ch = 65534;
        int i = 2147483646;
        long l = -9223372036854775807L;
        int[] cells = new int[3];
        byte[] out = new byte[160];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int x = data.length();
        int a = x++;
        int b = ++x;
        int d = x--;
        int e = --x;
        s.b++;
        s.sh--;
        s.ch++;
        s.i++;
        s.l--;
        int f = s.i++;
        f += ++s.i;
        s.cells[0]++;
        s.cells[1]--;
        ++s.cells[2];
        s.cells[2] += s.cells[0] * 10;
        int i = 0;
        int g = i++;
        g += i++ * 10;
        g += ++i * 100;
        g -= i--;
        int n = Text.appendInt(s.out, 0, a);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, b);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, d);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, e);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.b);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.sh);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.ch);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.i);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, (int) (s.l >> 32));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, f);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.cells[0]);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.cells[1]);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.cells[2]);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, g);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
