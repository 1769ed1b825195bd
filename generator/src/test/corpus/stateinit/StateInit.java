package corpus.stateinit;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** State fields with initializers of every type, fresh for each connection. */
@TcpServer(port = 7123)
public class StateInit {

    static final int START = 100;

    static class S {
        int counter = START;
        long big = -5_000_000_000L;
        char letter = 'k';
        byte small = -3;
        short medium = 30000;
        boolean flag = true;
        int zero;
        int negative = -1;
        int hex = 0xCAFE;
        int[] cells = new int[3];
        byte[] out = new byte[128];
    }

    @OnConnect
    void hello(Connection c, S s) {
        report(c, s);
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.counter += data.length();
        s.big *= 2;
        s.letter++;
        s.small--;
        s.medium += 5000;
        s.flag = !s.flag;
        s.zero = s.zero + 1;
        s.negative <<= 1;
        s.hex ^= 0xFF;
        s.cells[s.zero % 3] += s.counter;
        report(c, s);
    }

    private void report(Connection c, S s) {
        int n = Text.appendInt(s.out, 0, s.counter);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, (int) (s.big / 1000));
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendByte(s.out, n, s.letter);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.small);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.medium);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendByte(s.out, n, s.flag ? 'T' : 'F');
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.zero);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.negative);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.hex);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.cells[0] + s.cells[1] * 2 + s.cells[2] * 3);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
