package ${package};

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.TcpServer;

/** Greets each client and answers every line it sends; logs how many lines it answered when the client leaves. */
@TcpServer(port = 7777, maxConnections = 4, idleTimeoutSeconds = 300)
@Framed(delimiter = "\n", maxFrameBytes = 128, onOversize = OversizePolicy.DISCARD)
public class HelloServer {

    /** Per connection: one per entry of the connection table. */
    static class Session {
        int lines;
    }

    @OnConnect
    void hello(Connection c, Session s) {
        c.send("hello\n");
    }

    @OnFrame
    void line(Connection c, Session s, Bytes line) {
        s.lines++;
        c.send("you said: ");
        c.send(line);
        c.send("\n");
    }

    @OnOversize
    void tooLong(Connection c, Session s) {
        c.send("line too long\n");
    }

    @OnDisconnect
    void bye(Connection c, Session s) {
        Log.info("bye after %d lines", s.lines);
    }
}
