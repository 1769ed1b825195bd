package corpus.maxconn;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Two connections at most: a third is refused without a handler; once one leaves, a new one is served. */
@TcpServer(port = 7136, maxConnections = 2)
public class MaxConn {

    static class S {
        int id;
        byte[] out = new byte[32];
    }

    static int nextId(int previous) {
        return previous + 1;
    }

    @OnConnect
    void hello(Connection c, S s) {
        c.send("welcome\n");
        Log.info("connect");
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.id = nextId(s.id);
        int n = Text.append(s.out, 0, "msg ");
        n = Text.appendInt(s.out, n, s.id);
        n = Text.appendByte(s.out, n, ' ');
        n += data.copyTo(0, data.length(), s.out, n);
        c.send(s.out, 0, n);
    }

    @OnDisconnect
    void bye(S s) {
        Log.info("disconnect after %d messages", s.id);
    }
}
