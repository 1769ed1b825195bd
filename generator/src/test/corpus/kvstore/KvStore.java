package corpus.kvstore;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** SET k v / GET k / DEL k / SUM over eight fixed slots named a to h; one store per connection. */
@TcpServer(port = 7103)
public class KvStore {

    static final int SLOTS = 8;
    static final char FIRST_KEY = 'a';

    static class Store {
        int[] values = new int[8];
        boolean[] used = new boolean[8];
        byte[] line = new byte[40];
        int len;
        byte[] out = new byte[64];
    }

    @OnReceive
    void receive(Connection c, Store s, Bytes data) {
        for (int i = 0; i < data.length(); i++) {
            byte b = data.get(i);
            if (b == '\n') {
                execute(c, s);
                s.len = 0;
                continue;
            }
            if (s.len < s.line.length) {
                s.line[s.len] = b;
                s.len = s.len + 1;
            }
        }
    }

    /** The slot a key byte names, or -1. */
    private static int slot(byte key) {
        int k = key - FIRST_KEY;
        return k >= 0 && k < SLOTS ? k : -1;
    }

    private void execute(Connection c, Store s) {
        if (s.len < 3 && !Text.contentEquals(s.line, 0, s.len, "SUM")) {
            c.send("ERR\n");
            return;
        }
        int k = s.len >= 5 ? slot(s.line[4]) : -1;
        if (Text.startsWith(s.line, 0, s.len, "SET ") && k >= 0 && s.len > 6 && s.line[5] == ' ') {
            int v = Text.parseInt(s.line, 6, s.len, -1);
            if (v < 0) {
                c.send("ERR value\n");
                return;
            }
            boolean fresh = !s.used[k];
            s.values[k] = v;
            s.used[k] = true;
            if (fresh) {
                c.send("CREATED\n");
            } else {
                c.send("UPDATED\n");
            }
        } else if (Text.startsWith(s.line, 0, s.len, "GET ") && k >= 0) {
            if (!s.used[k]) {
                c.send("NONE\n");
                return;
            }
            int n = Text.appendByte(s.out, 0, s.line[4]);
            n = Text.append(s.out, n, "=");
            n = Text.appendInt(s.out, n, s.values[k]);
            n = Text.append(s.out, n, "\n");
            c.send(s.out, 0, n);
        } else if (Text.startsWith(s.line, 0, s.len, "DEL ") && k >= 0) {
            if (s.used[k]) {
                c.send("DELETED\n");
            } else {
                c.send("NONE\n");
            }
            s.used[k] = false;
            s.values[k] = 0;
        } else if (Text.contentEquals(s.line, 0, s.len, "SUM")) {
            long sum = 0;
            int count = 0;
            for (int j = 0; j < SLOTS; j++) {
                if (s.used[j]) {
                    sum += s.values[j];
                    count++;
                }
            }
            int n = Text.append(s.out, 0, "SUM ");
            n = Text.appendInt(s.out, n, (int) sum);
            n = Text.append(s.out, n, " HIGH ");
            n = Text.appendInt(s.out, n, (int) (sum >> 32));
            n = Text.append(s.out, n, " OF ");
            n = Text.appendInt(s.out, n, count);
            n = Text.appendByte(s.out, n, '\n');
            c.send(s.out, 0, n);
        } else {
            c.send("ERR\n");
        }
    }
}
