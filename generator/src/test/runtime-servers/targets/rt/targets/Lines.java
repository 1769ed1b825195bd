package rt.targets;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.TcpServer;

/** Lines of at most 16 bytes, answered in brackets; a longer one is dropped with an error line. */
@TcpServer(port = 7482, maxConnections = 2)
@Framed(delimiter = "\n", maxFrameBytes = 16, onOversize = OversizePolicy.DISCARD)
public class Lines {

    @OnFrame
    void line(Connection c, Bytes line) {
        c.send("[");
        c.send(line);
        c.send("]\n");
    }

    @OnOversize
    void tooLong(Connection c) {
        c.send("-ERR too long\n");
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("lines gone: port %d", c.remotePort());
    }
}
