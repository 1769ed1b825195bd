package corpus.foreachbytes;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** for-each over the received Bytes, as byte and widened to int, with break and continue. */
@TcpServer(port = 7116)
public class ForEachBytes {

    static class S {
        long total;
        byte[] out = new byte[100];
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int sum = 0;
        int max = Integer.MIN_VALUE;
        int negatives = 0;
        for (byte b : data) {
            sum += b;
            if (b > max) {
                max = b;
            }
            if (b >= 0) {
                continue;
            }
            negatives++;
        }
        int beforeStop = 0;
        for (int v : data) {
            if (v == '!') {
                break;
            }
            beforeStop++;
            s.total += v & 0xFF;
        }
        int n = Text.append(s.out, 0, "sum ");
        n = Text.appendInt(s.out, n, sum);
        n = Text.append(s.out, n, " max ");
        n = Text.appendInt(s.out, n, max);
        n = Text.append(s.out, n, " neg ");
        n = Text.appendInt(s.out, n, negatives);
        n = Text.append(s.out, n, " before ");
        n = Text.appendInt(s.out, n, beforeStop);
        n = Text.append(s.out, n, " total ");
        n = Text.appendInt(s.out, n, (int) s.total);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
        Log.info("%d bytes", data.length());
    }
}
