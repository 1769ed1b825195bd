package rt.targets;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/** "GET n" streams n bytes ('a' to 'z' over and over), refilled from @OnSent as the queue drains. */
@TcpServer(port = 7483, maxConnections = 2, idleTimeoutSeconds = 60)
@Framed(delimiter = "\n", maxFrameBytes = 32)
public class Download {

    static final int PIECE = 512;

    static class D {
        byte[] piece = new byte[PIECE];
        int remaining;
        int at;
    }

    @OnFrame
    void request(Connection c, D d, Bytes line) {
        d.remaining = line.parseInt(4, line.length(), 0);
        d.at = 0;
        fill(c, d);
    }

    @OnSent
    void more(Connection c, D d) {
        fill(c, d);
    }

    void fill(Connection c, D d) {
        for (int k = 0; k < 16 && d.remaining > 0 && c.canSend(PIECE); k++) {
            int n = Math.min(d.remaining, PIECE);
            for (int i = 0; i < PIECE && i < n; i++) {
                d.piece[i] = (byte) ('a' + (d.at + i) % 26);
            }
            c.send(d.piece, 0, n);
            d.at += n;
            d.remaining -= n;
        }
        if (d.remaining == 0 && d.at > 0) {
            Log.info("download done %d", d.at);
            d.at = 0;
        }
    }

    @OnDisconnect
    void gone(Connection c) {
        Log.info("download gone: port %d", c.remotePort());
    }
}
