package corpus.loops;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** while, do-while and for loops with break and continue: trims, finds, counts down, nests. */
@TcpServer(port = 7115)
public class Loops {

    static class S {
        byte[] out = new byte[200];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int len = data.length();
        // trim spaces and the newline at both ends
        int from = 0;
        for (int i = 0; i < data.length() && (data.get(i) == ' ' || data.get(i) == '\n'); i++) {
            from++;
        }
        int to = len;
        for (int i = data.length(); i > 0 && to > from; i--) {
            byte last = data.get(to - 1);
            if (last != ' ' && last != '\n') {
                break;
            }
            to--;
        }
        int n = Text.append(s.out, 0, "[");
        n += data.copyTo(from, to, s.out, n);
        n = Text.append(s.out, n, "] first digit at ");
        int digit = -1;
        for (int i = Math.max(0, from); i < data.length() && i < to; i++) {
            if (data.get(i) < '0' || data.get(i) > '9') {
                continue;
            }
            digit = i - from;
            break;
        }
        n = Text.appendInt(s.out, n, digit);
        // count down from the length in steps of three, at least once (a do-while, bounded)
        n = Text.append(s.out, n, " countdown");
        int k = to - from;
        for (int i = 0; i <= data.length(); i++) {
            n = Text.appendByte(s.out, n, ' ');
            n = Text.appendInt(s.out, n, k);
            k -= 3;
            if (k <= 0) {
                break;
            }
        }
        // nested loops: the first pair of equal bytes
        int pairs = 0;
        int firstI = -1;
        int firstJ = -1;
        for (int i = Math.max(0, from); i < data.length() && i < to; i++) {
            for (int j = i + 1; j < data.length() && j < to; j++) {
                if (data.get(i) == data.get(j)) {
                    pairs++;
                    if (firstI < 0) {
                        firstI = i - from;
                        firstJ = j - from;
                    }
                    break;
                }
            }
            if (pairs >= 3) {
                break;
            }
        }
        n = Text.append(s.out, n, " pairs ");
        n = Text.appendInt(s.out, n, pairs);
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, firstI);
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, firstJ);
        // two variables that meet, under a counted loop's cap
        int a = 0;
        int b = 10;
        for (int i = 0; i < 10 && a < b; i++) {
            a++;
            b--;
        }
        n = Text.append(s.out, n, " met ");
        n = Text.appendInt(s.out, n, a * 100 + b);
        int sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += 7;
            if (sum > 50) {
                break;
            }
        }
        n = Text.append(s.out, n, " sum ");
        n = Text.appendInt(s.out, n, sum);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
