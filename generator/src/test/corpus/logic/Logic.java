package corpus.logic;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Booleans and conditionals: && and || short-circuit (counted), & | ^ ! on booleans, nested ?: . */
@TcpServer(port = 7142)
public class Logic {

    static class S {
        int evaluations;
        boolean toggle;
        byte[] out = new byte[80];
    }

    private static boolean check(S s, boolean value) {
        s.evaluations++;
        return value;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int v = data.parseInt(0, data.length(), 0);
        s.evaluations = 0;
        boolean pos = v > 0;
        boolean even = v % 2 == 0;
        boolean a = check(s, pos) && check(s, even);
        boolean b = check(s, pos) || check(s, even);
        // & and | evaluate both sides; C may evaluate them in either order, so the first goes to a local
        boolean first = check(s, pos);
        boolean x = first & check(s, even);
        first = check(s, pos);
        boolean y = first | check(s, even);
        boolean z = pos ^ even;
        s.toggle ^= true;
        s.toggle = !s.toggle ? s.toggle : !s.toggle & true;
        int sign = v > 0 ? 1 : v < 0 ? -1 : 0;
        int size = v > 1000 ? 3 : v > 100 ? 2 : v > 10 ? 1 : 0;
        int n = Text.appendByte(s.out, 0, a ? 'A' : 'a');
        n = Text.appendByte(s.out, n, b ? 'B' : 'b');
        n = Text.appendByte(s.out, n, x ? 'X' : 'x');
        n = Text.appendByte(s.out, n, y ? 'Y' : 'y');
        n = Text.appendByte(s.out, n, z ? 'Z' : 'z');
        n = Text.appendByte(s.out, n, s.toggle ? 'T' : 't');
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, s.evaluations);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, sign);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, size);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, (pos ? v : -v) >= 50 == even ? 1 : 0);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
