package corpus.parseints;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Bytes.parseInt on every whitespace-separated word, and on clamped ranges, with a failure marker. */
@TcpServer(port = 7125)
public class ParseInts {

    static final int FAIL = -77;

    static class S {
        byte[] out = new byte[300];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int n = 0;
        int start = 0;
        int len = data.length();
        for (int i = 0; i <= data.length() && start <= len; i++) {    // at least one number per byte
            int end = data.indexOf(' ', start);
            if (end < 0) {
                end = len;
            }
            int v = data.parseInt(start, end, FAIL);
            n = Text.appendInt(s.out, n, v);
            n = Text.appendByte(s.out, n, v == FAIL ? '!' : ';');
            start = end + 1;
        }
        n = Text.append(s.out, n, " whole=");
        n = Text.appendInt(s.out, n, data.parseInt(0, len, FAIL));
        n = Text.append(s.out, n, " clamped=");
        n = Text.appendInt(s.out, n, data.parseInt(-10, 3, FAIL));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, data.parseInt(len - 2, 1000, FAIL));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, data.parseInt(3, 1, FAIL));
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
