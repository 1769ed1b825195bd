package rt.halfclose;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;

/** "GET n" answers n bytes ('a' to 'z' over and over); the client may shut its side right after asking. */
@TcpServer(port = 7310, maxConnections = 2, idleTimeoutSeconds = 30, sendQueueBytes = 16384)
@Framed(delimiter = "\n", maxFrameBytes = 32)
public class HalfCloseServer {

    static class S {
        byte[] block = new byte[26];
        int answered;
    }

    @OnFrame
    void request(Connection c, S s, Bytes line) {
        int n = line.parseInt(4, line.length(), 0);
        for (int i = 0; i < 26; i++) {
            s.block[i] = (byte) ('a' + i);
        }
        for (int i = 0; i < 1000 && i * 26 < n; i++) {    // up to 26000 bytes a request
            c.send(s.block, 0, Math.min(26, n - i * 26));
        }
        s.answered += n;
        Log.info("queued %d", c.queuedBytes());
    }

    @OnDisconnect
    void gone(S s) {
        Log.info("gone after %d", s.answered);
    }
}
