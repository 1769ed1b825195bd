package corpus.fizzbuzz;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "n\n": FizzBuzz from 1 to n, built in a 64-byte buffer that is sent whenever it fills up. */
@TcpServer(port = 7144, sendQueueBytes = 8192)
public class FizzBuzz {

    static final String FIZZ = "Fizz";
    static final String BUZZ = "Buzz";

    static class S {
        byte[] buf = new byte[64];
        int len;
    }

    private static void emit(Connection c, S s, int i) {
        if (s.len > s.buf.length - 10) {
            c.send(s.buf, 0, s.len);
            s.len = 0;
        }
        if (i % 15 == 0) {
            s.len = Text.append(s.buf, s.len, FIZZ);
            s.len = Text.append(s.buf, s.len, BUZZ);
        } else if (i % 3 == 0) {
            s.len = Text.append(s.buf, s.len, FIZZ);
        } else if (i % 5 == 0) {
            s.len = Text.append(s.buf, s.len, BUZZ);
        } else {
            s.len = Text.appendInt(s.buf, s.len, i);
        }
        s.len = Text.appendByte(s.buf, s.len, ' ');
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int n = data.parseInt(0, data.length() - 1, 0);
        for (int i = 1; i <= 100 && i <= n; i++) {
            emit(c, s, i);
        }
        s.len = Text.appendByte(s.buf, s.len, '\n');
        c.send(s.buf, 0, s.len);
        s.len = 0;
    }
}
