package corpus.ifchain;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Classifies each byte with an if/else chain and answers one class letter per byte, then totals. */
@TcpServer(port = 7114)
public class IfChain {

    static class S {
        int digits;
        int upper;
        int lower;
        int space;
        int control;
        int high;
        int other;
        byte[] out = new byte[128];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int n = 0;
        for (int i = 0; i < data.length(); i++) {
            byte b = data.get(i);
            char cls;
            if (b < 0) {
                cls = 'H';
                s.high++;
            } else if (b >= '0' && b <= '9') {
                cls = 'd';
                s.digits++;
            } else if (b >= 'A' && b <= 'Z') {
                cls = 'U';
                s.upper++;
            } else if (b >= 'a' && b <= 'z') {
                cls = 'l';
                s.lower++;
            } else if (b == ' ' || b == '\t') {
                cls = '_';
                s.space++;
            } else if (b < 32 || b == 127) {
                cls = 'c';
                s.control++;
            } else {
                cls = '?';
                s.other++;
            }
            n = Text.appendByte(s.out, n, cls);
        }
        if (s.digits > 3 && s.upper == 0 || s.high > 0 && !(s.lower > 2)) {
            n = Text.append(s.out, n, " !");
        } else if (s.other != 0) {
            n = Text.append(s.out, n, " ?");
        } else {
            n = Text.append(s.out, n, " .");
        }
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
        Log.info("d%d u%d l%d s%d c%d h%d o%d", s.digits, s.upper, s.lower, s.space, s.control, s.high, s.other);
    }
}
