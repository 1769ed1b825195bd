package corpus.framedlines;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Lines ending in \r\n, at most 16 bytes: each answered with its number, length and text; longer ones dropped. */
@TcpServer(port = 7160, maxConnections = 2)
@Framed(delimiter = "\r\n", maxFrameBytes = 16, onOversize = OversizePolicy.DISCARD)
public class FramedLines {

    static class Session {
        int lines;
        int dropped;
        byte[] out = new byte[48];
    }

    @OnFrame
    void line(Connection c, Session s, Bytes line) {
        s.lines++;
        int n = Text.appendInt(s.out, 0, s.lines);
        n = Text.append(s.out, n, " [");
        n = Text.appendInt(s.out, n, line.length());
        n = Text.append(s.out, n, "] ");
        c.send(s.out, 0, n);
        c.send(line);
        c.send("\r\n");
    }

    @OnOversize
    void tooLong(Connection c, Session s) {
        s.dropped++;
        c.send("ERR line too long\r\n");
    }

    @OnDisconnect
    void bye(Session s) {
        Log.info("%d lines, %d dropped", s.lines, s.dropped);
    }
}
