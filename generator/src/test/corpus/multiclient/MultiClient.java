package corpus.multiclient;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Several clients at once, each with its own state: a named tally per connection. */
@TcpServer(port = 7135, maxConnections = 4)
public class MultiClient {

    static class Tally {
        byte[] name = new byte[8];
        int nameLen;
        int total;
        int messages;
        byte[] out = new byte[64];
    }

    @OnConnect
    void hello(Connection c, Tally t) {
        c.send("name?\n");
    }

    @OnReceive
    void receive(Connection c, Tally t, Bytes data) {
        if (t.nameLen == 0) {
            t.nameLen = data.copyTo(0, data.length(), t.name, 0);
            int n = Text.append(t.out, 0, "hi ");
            n += data.copyTo(0, t.nameLen, t.out, n);
            n = Text.appendByte(t.out, n, '\n');
            c.send(t.out, 0, n);
            return;
        }
        int v = data.parseInt(0, data.length(), 0);
        t.total += v;
        t.messages++;
        int n = data.copyTo(0, 0, t.out, 0);
        n = Text.append(t.out, n, "");
        for (int i = 0; i < t.name.length && i < t.nameLen; i++) {
            n = Text.appendByte(t.out, n, t.name[i]);
        }
        n = Text.append(t.out, n, " total ");
        n = Text.appendInt(t.out, n, t.total);
        n = Text.appendByte(t.out, n, '\n');
        c.send(t.out, 0, n);
    }

    @OnDisconnect
    void bye(Tally t) {
        Log.info("%d messages, total %d", t.messages, t.total);
    }
}
