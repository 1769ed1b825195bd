package corpus.pipelined;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * Requests pipelined faster than the answers drain: "GET /" gets a page of about 400 bytes, "GET /n" a short
 * numbered line. 200 page requests in one segment make 80 KB of answers through a 12 KB send queue, so frames
 * must wait while the queue is above its mark (half of it), with receive held, for every answer to arrive whole.
 */
@TcpServer(port = 7161, maxConnections = 2)
@Framed(delimiter = "\n", maxFrameBytes = 64)
public class Pipelined {

    static final String PAGE = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nThe quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. \n";

    static class Session {
        int requests;
        byte[] out = new byte[24];
    }

    @OnFrame
    void request(Connection c, Session s, Bytes line) {
        s.requests++;
        if (line.contentEquals("GET /")) {
            c.send(PAGE);
        } else if (line.contentEquals("GET /n")) {
            int n = Text.append(s.out, 0, "#");
            n = Text.appendInt(s.out, n, s.requests);
            n = Text.append(s.out, n, " ok\n");
            c.send(s.out, 0, n);
        } else {
            c.send("400 bad request\n");
        }
    }

    @OnDisconnect
    void bye(Session s) {
        Log.info("%d requests", s.requests);
    }
}
