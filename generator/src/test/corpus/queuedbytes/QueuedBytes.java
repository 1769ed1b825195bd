package corpus.queuedbytes;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/** queuedBytes() as sends pile up in one handler, and OnSent once the queue has drained. */
@TcpServer(port = 7130, sendChunkSize = 100, sendQueueBytes = 1000)
public class QueuedBytes {

    static class S {
        int sentEvents;
        int receives;
    }

    @OnConnect
    void hello(Connection c, S s) {
        Log.info("queued at connect: %d", c.queuedBytes());
        c.send("0123456789");
        Log.info("after 10: %d", c.queuedBytes());
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.receives++;
        Log.info("receive %d starts with %d queued", s.receives, c.queuedBytes());
        c.send(data);
        int first = c.queuedBytes();
        c.send(data);
        c.send("");
        Log.info("queued %d then %d", first, c.queuedBytes());
    }

    @OnSent
    void drained(Connection c, S s) {
        s.sentEvents++;
        Log.info("drained #%d, queued %d", s.sentEvents, c.queuedBytes());
        if (s.sentEvents == 2) {
            c.send("second drain\n");
        }
    }
}
