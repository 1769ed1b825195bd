package corpus.records;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Fixed 6-byte records, a 2-byte key and a 4-byte big-endian value: each answered with the running sum. */
@TcpServer(port = 7163, maxConnections = 2)
@Framed(fixedSize = 6)
public class Records {

    static class Sum {
        int records;
        int total;
        byte[] out = new byte[32];
    }

    @OnFrame
    void record(Connection c, Sum s, Bytes r) {
        s.records++;
        int value = (r.get(2) & 0xFF) << 24 | (r.get(3) & 0xFF) << 16 | (r.get(4) & 0xFF) << 8 | r.get(5) & 0xFF;
        s.total += value;
        int n = Text.appendByte(s.out, 0, r.get(0));
        n = Text.appendByte(s.out, n, r.get(1));
        n = Text.append(s.out, n, "=");
        n = Text.appendInt(s.out, n, s.total);
        n = Text.append(s.out, n, "\n");
        c.send(s.out, 0, n);
    }

    @OnDisconnect
    void bye(Sum s) {
        Log.info("%d records, total %d", s.records, s.total);
    }
}
