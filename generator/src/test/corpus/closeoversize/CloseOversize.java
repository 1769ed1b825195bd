package corpus.closeoversize;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;

/** Commands of at most 8 bytes; a longer one closes the connection (the default policy) after the answers before it. */
@TcpServer(port = 7164, maxConnections = 3)
@Framed(delimiter = "\n", maxFrameBytes = 8)
public class CloseOversize {

    static class Session {
        int commands;
    }

    @OnFrame
    void command(Connection c, Session s, Bytes cmd) {
        s.commands++;
        c.send("ok ");
        c.send(cmd);
        c.send("\n");
    }

    @OnDisconnect
    void bye(Session s) {
        Log.info("%d commands", s.commands);
    }
}
