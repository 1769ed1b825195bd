package corpus.halfclose;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;

/**
 * "GET n" answers n bytes. Clients ask and shut their side at once (nc -N, HTTP/1.0): an answer shorter than one
 * piece (2920 bytes) is with lwIP already when the FIN arrives, and is delivered whole before the FIN.
 */
@TcpServer(port = 7165, maxConnections = 2)
@Framed(delimiter = "\n", maxFrameBytes = 16)
public class HalfClose {

    static class S {
        int asked;
        byte[] block = new byte[100];
    }

    @OnFrame
    void get(Connection c, S s, Bytes line) {
        int n = line.parseInt(4, line.length(), 0);
        for (int i = 0; i < s.block.length; i++) {
            s.block[i] = (byte) ('0' + (s.asked + i) % 10);
        }
        for (int i = 0; i < 100 && i * 100 < n; i++) {    // up to 10000 bytes a request
            c.send(s.block, 0, Math.min(100, n - i * 100));
        }
        s.asked += n;
    }

    @OnDisconnect
    void bye(S s) {
        Log.info("asked for %d", s.asked);
    }
}
