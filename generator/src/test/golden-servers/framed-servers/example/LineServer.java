package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.TcpServer;

/** A line protocol: "PING" answers "PONG", anything else is echoed; lines over 128 bytes are refused. */
@TcpServer(port = 2323, maxConnections = 3)
@Framed(delimiter = "\r\n", maxFrameBytes = 128, onOversize = OversizePolicy.DISCARD)
public class LineServer {

    @OnFrame
    void line(Connection c, Bytes line) {
        if (line.contentEquals("PING")) {
            c.send("PONG\r\n");
            return;
        }
        c.send(line);
        c.send("\r\n");
    }

    @OnOversize
    void tooLong(Connection c) {
        c.send("-ERR line too long\r\n");
    }
}
