package corpus.echo;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** Greets, echoes each receive, and logs how much it echoed. */
@TcpServer(port = 7101)
public class EchoGreeter {

    static class Session {
        int echoed;
        int receives;
    }

    @OnConnect
    void hello(Connection c, Session s) {
        c.send("welcome\r\n");
    }

    @OnReceive
    void echo(Connection c, Session s, Bytes data) {
        s.echoed += data.length();
        s.receives++;
        c.send(data);
    }

    @OnDisconnect
    void bye(Session s) {
        Log.info("bye after %d receives, %d bytes", s.receives, s.echoed);
    }
}
