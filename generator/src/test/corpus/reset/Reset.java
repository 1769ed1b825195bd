package corpus.reset;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** A client's reset: OnError (RESET), then OnDisconnect, exactly once each; other clients go on. */
@TcpServer(port = 7138)
public class Reset {

    static class S {
        int received;
        boolean failed;
        int disconnects;
    }

    @OnConnect
    void hello(Connection c) {
        c.send("hello\n");
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.received += data.length();
        c.send(data);
    }

    @OnError
    void failed(Connection c, S s, ConnectionError e) {
        s.failed = true;
        Log.warn("failed: %d (reset %d), remote %x", s.received, e == ConnectionError.RESET ? 1 : 0, c.remoteIp());
    }

    @OnDisconnect
    void gone(S s) {
        s.disconnects++;
        Log.info("gone: %d bytes, failed %d, disconnects %d", s.received, s.failed ? 1 : 0, s.disconnects);
    }
}
