package corpus.switchint;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "n\n": an old-style switch on int with fallthrough, grouped labels, default in the middle. */
@TcpServer(port = 7118)
public class SwitchInt {

    static final int ANSWER = 42;

    static class S {
        byte[] out = new byte[64];
        int calls;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int v = data.parseInt(0, data.length() - 1, -999);
        int score = 0;
        s.calls++;
        switch (v) {
            case 0:
                score += 1;
            case 1:
                score += 10;
                break;
            case 2:
            case 3:
                score += 100;
                // fall through
            default:
                score += 1000;
                if (v > 100) {
                    break;
                }
                score += 5;
            case 7:
                score += 10000;
                break;
            case ANSWER:
                score = -42;
                break;
            case -1:
                return;
            case Integer.MIN_VALUE:
                score = Integer.MAX_VALUE;
        }
        int level;
        switch (score % 3) {
            case 0 -> level = 0;
            case 1, -1 -> level = 1;
            default -> {
                level = 2;
                if (s.calls > 5) {
                    level = 20;
                }
            }
        }
        int n = Text.appendInt(s.out, 0, v);
        n = Text.append(s.out, n, " -> ");
        n = Text.appendInt(s.out, n, score);
        n = Text.append(s.out, n, " level ");
        n = Text.appendInt(s.out, n, level);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
