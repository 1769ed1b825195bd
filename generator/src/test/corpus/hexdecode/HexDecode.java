package corpus.hexdecode;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** Decodes hex pairs into raw bytes (0x00 and 0xFF included); a bad digit is skipped and counted. */
@TcpServer(port = 7145)
public class HexDecode {

    static class S {
        byte[] out = new byte[64];
        int pending = -1;
        int bad;
    }

    private static int value(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        char lower = (char) (b | 0x20);
        if (lower >= 'a' && lower <= 'f') {
            return lower - 'a' + 10;
        }
        return -1;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int n = 0;
        for (byte b : data) {
            if (b == ' ' || b == '\n') {
                continue;
            }
            int v = value(b);
            if (v < 0) {
                s.bad++;
                continue;
            }
            if (s.pending < 0) {
                s.pending = v;
            } else {
                if (n < s.out.length) {
                    s.out[n] = (byte) (s.pending << 4 | v);
                    n++;
                }
                s.pending = -1;
            }
        }
        c.send(s.out, 0, n);
        Log.info("%d bytes, %d bad, pending %d", n, s.bad, s.pending);
    }
}
