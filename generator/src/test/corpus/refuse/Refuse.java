package corpus.refuse;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** The REFUSE policy: a send that does not fit the 48-byte queue queues nothing and returns false. */
@TcpServer(port = 7133, sendChunkSize = 16, sendQueueBytes = 48, onQueueFull = QueueFullPolicy.REFUSE)
public class Refuse {

    static class S {
        byte[] out = new byte[32];
        int refused;
        int drains;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int times = data.parseInt(0, data.length(), 1);
        int accepted = 0;
        for (int i = 0; i < 1000 && i < times; i++) {
            int n = Text.append(s.out, 0, "item ");
            n = Text.appendInt(s.out, n, i);
            n = Text.appendByte(s.out, n, '\n');
            if (c.send(s.out, 0, n)) {
                accepted++;
            } else {
                s.refused++;
            }
        }
        boolean big = c.send(s.out, 0, 32);
        Log.info("%d of %d accepted, queued %d, big %d, refused so far %d", accepted, times, c.queuedBytes(),
                big ? 1 : 0, s.refused);
    }

    @OnSent
    void drained(Connection c, S s) {
        s.drains++;
        if (s.drains == 1) {
            if (!c.send("first drain\n")) {
                Log.warn("first drain refused");
            }
        }
    }
}
