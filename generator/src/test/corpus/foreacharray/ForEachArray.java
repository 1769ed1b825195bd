package corpus.foreacharray;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** A histogram in state arrays of several types, walked with for-each. */
@TcpServer(port = 7117)
public class ForEachArray {

    static class Hist {
        int[] buckets = new int[4];
        long[] weights = new long[4];
        char[] seen = new char[8];
        short[] lengths = new short[3];
        boolean[] flags = new boolean[5];
        int next;
        byte[] out = new byte[160];
    }

    @OnReceive
    void receive(Connection c, Hist h, Bytes data) {
        for (byte b : data) {
            int bucket = (b & 0xFF) >> 6;
            h.buckets[bucket] += 1;
            h.weights[bucket] += (b & 0xFF) * 1000003L;
            h.seen[h.next & 7] = (char) (b & 0x7F);
            h.next++;
        }
        h.lengths[h.next % 3] = (short) data.length();
        h.flags[data.length() % 5] = true;
        int n = Text.append(h.out, 0, "buckets");
        for (int count : h.buckets) {
            n = Text.appendByte(h.out, n, ' ');
            n = Text.appendInt(h.out, n, count);
        }
        long all = 0;
        for (long w : h.weights) {
            all += w;
        }
        n = Text.append(h.out, n, " weight ");
        n = Text.appendInt(h.out, n, (int) (all % 1000000007L));
        n = Text.append(h.out, n, " last8 ");
        for (char ch : h.seen) {
            n = Text.appendByte(h.out, n, ch >= ' ' ? ch : '.');
        }
        int total = 0;
        for (short len : h.lengths) {
            total += len;
        }
        n = Text.append(h.out, n, " lengths ");
        n = Text.appendInt(h.out, n, total);
        n = Text.append(h.out, n, " flags ");
        for (boolean f : h.flags) {
            n = Text.appendByte(h.out, n, f ? '1' : '0');
        }
        n = Text.appendByte(h.out, n, '\n');
        c.send(h.out, 0, n);
    }
}
