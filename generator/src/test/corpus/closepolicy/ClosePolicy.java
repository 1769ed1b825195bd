package corpus.closepolicy;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;

/**
 * The CLOSE policy: a send that does not fit the queue resets the connection; the send and every later
 * one return false. (Only sends into an empty queue overflow here: what a handler queued just before is
 * on its way when the reset comes, and whether it arrives first is a race on the chip.)
 */
@TcpServer(port = 7134, sendChunkSize = 16, sendQueueBytes = 32, onQueueFull = QueueFullPolicy.CLOSE)
public class ClosePolicy {

    static class S {
        int receives;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.receives++;
        if (data.startsWith("small")) {
            c.send("fits\n");
            return;
        }
        boolean huge = c.send("this line alone is longer than the whole queue of 32\n");
        boolean after = c.send("x");
        Log.info("huge %d, after %d, queued %d", huge ? 1 : 0, after ? 1 : 0, c.queuedBytes());
    }

    @OnSent
    void drained(Connection c) {
        Log.info("drained");
    }

    @OnError
    void failed(ConnectionError e) {
        Log.warn("error");
    }

    @OnDisconnect
    void bye(S s) {
        Log.info("bye after %d receives", s.receives);
    }
}
