package corpus.closeaftersend;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/** close() after sends: everything queued still arrives, later sends fail, later data is dropped. */
@TcpServer(port = 7132, sendChunkSize = 10, sendQueueBytes = 100)
public class CloseAfterSend {

    static class S {
        int receives;
        int drained;
    }

    @OnConnect
    void hello(Connection c) {
        c.send("say quit\n");
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.receives++;
        if (data.startsWith("quit")) {
            c.send("closing after this long goodbye line\n");
            c.close();
            boolean late = c.send("too late\n");
            c.close();
            if (late) {
                Log.info("late send accepted, queued %d", c.queuedBytes());
            } else {
                Log.info("late send refused, queued %d", c.queuedBytes());
            }
            return;
        }
        if (data.startsWith("now")) {
            c.close();
            return;
        }
        c.send(data);
    }

    @OnSent
    void drained(S s) {
        s.drained++;
    }

    @OnDisconnect
    void bye(Connection c, S s) {
        boolean sent = c.send("x");
        Log.info("bye: %d receives, %d drains, send %d", s.receives, s.drained, sent ? 1 : 0);
    }
}
