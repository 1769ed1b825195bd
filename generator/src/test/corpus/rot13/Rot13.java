package corpus.rot13;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** ROT13 of every receive (letters only), in pieces of a 16-byte buffer. */
@TcpServer(port = 7107)
public class Rot13 {

    static class Buf {
        byte[] out = new byte[16];
    }

    static byte rot(byte b) {
        if (b >= 'a' && b <= 'z') {
            return (byte) ('a' + (b - 'a' + 13) % 26);
        }
        if (b >= 'A' && b <= 'Z') {
            char c = (char) b;
            c += 13;
            if (c > 'Z') {
                c -= 26;
            }
            return (byte) c;
        }
        return b;
    }

    @OnReceive
    void receive(Connection c, Buf buf, Bytes data) {
        int n = 0;
        for (byte b : data) {
            buf.out[n] = rot(b);
            n++;
            if (n == buf.out.length) {
                c.send(buf.out, 0, n);
                n = 0;
            }
        }
        c.send(buf.out, 0, n);
    }
}
