package corpus.switchchar;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Switches on char and byte, in the arrow form with grouped labels, as a tiny tokenizer. */
@TcpServer(port = 7119)
public class SwitchChar {

    static final char PLUS = '+';

    static class S {
        byte[] out = new byte[128];
        short depth;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int n = 0;
        for (int i = 0; i < data.length(); i++) {
            char ch = (char) (data.get(i) & 0xFF);
            switch (ch) {
                case '(', '[', '{' -> {
                    s.depth++;
                    n = Text.append(s.out, n, "open ");
                }
                case ')', ']', '}' -> {
                    s.depth--;
                    n = Text.append(s.out, n, "close ");
                }
                case PLUS, '-' -> n = Text.append(s.out, n, "sign ");
                case ' ', '\n' -> {
                }
                case '\u00ff' -> n = Text.append(s.out, n, "ff ");
                default -> {
                    if (ch >= '0' && ch <= '9') {
                        n = Text.append(s.out, n, "digit ");
                        continue;
                    }
                    n = Text.append(s.out, n, "other ");
                }
            }
            switch (data.get(i)) {
                case 'x':
                    n = Text.append(s.out, n, "(x) ");
                    break;
                case -1:
                    n = Text.append(s.out, n, "(minus one) ");
                    break;
                default:
                    break;
            }
        }
        n = Text.append(s.out, n, "depth ");
        n = Text.appendInt(s.out, n, s.depth);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
