package corpus.idle;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.TcpServer;

/** A one-second idle timeout: a silent client is closed; one that keeps talking is not. */
@TcpServer(port = 7137, idleTimeoutSeconds = 1)
public class Idle {

    static class S {
        int receives;
    }

    @OnConnect
    void hello(Connection c) {
        c.send("talk or be closed\n");
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.receives++;
        c.send(".");
    }

    @OnError
    void failed(ConnectionError e) {
        Log.warn("error instead of a timeout");
    }

    @OnDisconnect
    void bye(S s, Connection c) {
        Log.info("closed after %d receives", s.receives);
    }
}
