package corpus.casts;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "n\n": byte, short and char conversions of n, and arithmetic in those types. */
@TcpServer(port = 7112)
public class Casts {

    static class S {
        byte b;
        short sh;
        char ch;
        byte[] out = new byte[200];
        short[] shorts = new short[3];
        char[] chars = new char[3];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int v = data.parseInt(0, data.length() - 1, 0);
        s.b = (byte) v;
        s.sh = (short) v;
        s.ch = (char) v;
        byte b2 = (byte) (s.b * 3);
        short s2 = (short) (s.sh + s.sh);
        char c2 = (char) (s.ch + 1);
        int back = (int) (byte) (v + 128);
        long wide = (long) s.b * 1000000000L;
        int narrowed = (int) (wide >> 1);
        s.shorts[0] = (short) v;
        s.shorts[1] = (short) (v >> 16);
        s.chars[0] = (char) v;
        s.chars[1] = (char) -v;
        s.b += 100;
        s.sh -= 30000;
        s.ch++;
        int n = Text.append(s.out, 0, "byte=");
        n = Text.appendInt(s.out, n, (byte) v);
        n = Text.append(s.out, n, " short=");
        n = Text.appendInt(s.out, n, (short) v);
        n = Text.append(s.out, n, " char=");
        n = Text.appendInt(s.out, n, (char) v);
        n = Text.append(s.out, n, " b3=");
        n = Text.appendInt(s.out, n, b2);
        n = Text.append(s.out, n, " s2=");
        n = Text.appendInt(s.out, n, s2);
        n = Text.append(s.out, n, " c1=");
        n = Text.appendInt(s.out, n, c2);
        n = Text.append(s.out, n, " back=");
        n = Text.appendInt(s.out, n, back);
        n = Text.append(s.out, n, " narrowed=");
        n = Text.appendInt(s.out, n, narrowed);
        n = Text.append(s.out, n, " arrays=");
        n = Text.appendInt(s.out, n, s.shorts[0] + s.shorts[1]);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.chars[0] + s.chars[1]);
        n = Text.append(s.out, n, " compound=");
        n = Text.appendInt(s.out, n, s.b);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.sh);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, s.ch);
        n = Text.append(s.out, n, " unsigned=");
        n = Text.appendInt(s.out, n, s.b & 0xFF);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
        Log.info("b=%d sh=%d ch=%d", s.b, s.sh, (int) s.ch);
    }
}
