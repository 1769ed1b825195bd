package corpus.textapi;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** The Text helpers on a state buffer, with ranges inside, across and outside the array. */
@TcpServer(port = 7126)
public class TextApi {

    static class S {
        byte[] buf = new byte[12];
        int len;
        byte[] out = new byte[200];
    }

    private static int yn(byte[] out, int n, boolean b) {
        return Text.appendByte(out, n, b ? 'Y' : 'N');
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.len = data.copyTo(0, data.length(), s.buf, 0);
        int n = Text.append(s.out, 0, "eq ");
        n = yn(s.out, n, Text.contentEquals(s.buf, 0, s.len, "hello"));
        n = yn(s.out, n, Text.contentEquals(s.buf, 1, s.len, "ello"));
        n = yn(s.out, n, Text.contentEquals(s.buf, -5, 3, "hel"));
        n = yn(s.out, n, Text.contentEquals(s.buf, 10, 100, "xy"));
        n = yn(s.out, n, Text.contentEquals(s.buf, 4, 2, ""));
        n = yn(s.out, n, Text.contentEquals(s.buf, 3, 3, ""));
        n = Text.append(s.out, n, " sw ");
        n = yn(s.out, n, Text.startsWith(s.buf, 0, s.len, "he"));
        n = yn(s.out, n, Text.startsWith(s.buf, 2, s.len, "ll"));
        n = yn(s.out, n, Text.startsWith(s.buf, 0, 1, "he"));
        n = yn(s.out, n, Text.startsWith(s.buf, 11, 500, "d"));
        n = yn(s.out, n, Text.startsWith(s.buf, 5, 2, ""));
        n = Text.append(s.out, n, " idx ");
        n = Text.appendInt(s.out, n, Text.indexOf(s.buf, 0, s.len, 'l'));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, Text.indexOf(s.buf, 3, s.len, 'l'));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, Text.indexOf(s.buf, -3, 100, 0));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, Text.indexOf(s.buf, 0, s.len, 'l' + 256));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, Text.indexOf(s.buf, 5, 1, 'l'));
        n = Text.append(s.out, n, " int ");
        n = Text.appendInt(s.out, n, Text.parseInt(s.buf, 0, s.len, -1));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, Text.parseInt(s.buf, 1, 3, -1));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, Text.parseInt(s.buf, -100, 100, -1));
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
