package corpus.sharedstate;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * State all clients share (static fields: scalars, arrays, an array of arrays), constant tables in flash,
 * and constants only the processor folds (BANNER.length()). A tiny store: "s<slot><text>" stores, "g<slot>"
 * gets, "x<n>" prints n in hex through a table, "n" prints the counters.
 */
@TcpServer(port = 7180, maxConnections = 3)
public class SharedState {

    static final String BANNER = "shared store\n";
    static final int BANNER_LEN = BANNER.length();
    static final int WIDTH = BANNER_LEN - 5;
    static final int SLOTS = 4;
    static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    static final short[] WEIGHTS = {1, -2, 300, -4000, 5};
    static final char[] MARKS = {'<', '>', '|'};
    static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17};
    static final boolean[] ODD = {false, true, false, true, false};

    static int requests;
    static long total = 5;
    static boolean seen;
    static byte[] last = new byte[WIDTH];
    static int lastLen;
    static byte[][] keys = new byte[SLOTS][WIDTH];
    static int[][] counts = new int[SLOTS][2];
    static int[] history = {10, 20, 30};

    static class Session {
        byte[] out = new byte[64];
    }

    @OnConnect
    void hello(Connection c, Session s) {
        requests++;
        c.send(BANNER);
        int n = Text.appendInt(s.out, 0, BANNER_LEN);
        n = Text.appendByte(s.out, n, MARKS[2]);
        n = Text.appendInt(s.out, n, WIDTH * SLOTS);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }

    @OnReceive
    void receive(Connection c, Session s, Bytes data) {
        requests++;
        total += data.length();
        byte op = data.get(0);
        int slot = data.get(1) - '0';
        if (op == 's' && slot >= 0 && slot < keys.length) {
            int n = data.copyTo(2, data.length(), keys[slot], 0);
            counts[slot][0] = n;
            counts[slot][1]++;
            lastLen = data.copyTo(0, data.length(), last, 0);
            seen = true;
            int out = Text.append(s.out, 0, "stored ");
            out = Text.appendInt(s.out, out, n);
            out = Text.appendByte(s.out, out, '\n');
            c.send(s.out, 0, out);
        } else if (op == 'g' && slot >= 0 && slot < SLOTS) {
            c.send(keys[slot], 0, counts[slot][0]);
            int out = Text.appendByte(s.out, 0, ' ');
            out = Text.appendInt(s.out, out, counts[slot][1]);
            out = Text.appendByte(s.out, out, '/');
            out = Text.appendInt(s.out, out, keys[slot].length);
            out = Text.appendByte(s.out, out, '\n');
            c.send(s.out, 0, out);
        } else if (op == 'x') {
            int v = data.parseInt(1, data.length(), 0);
            hex(c, s, v);
        } else if (op == 'n') {
            int out = Text.appendInt(s.out, 0, requests);
            out = Text.appendByte(s.out, out, ' ');
            out = Text.appendInt(s.out, out, (int) total);
            out = Text.appendByte(s.out, out, seen ? 'y' : 'n');
            out = Text.appendInt(s.out, out, weigh(lastLen));
            for (int h : history) {
                out = Text.appendByte(s.out, out, ',');
                out = Text.appendInt(s.out, out, h);
            }
            out = Text.appendByte(s.out, out, '\n');
            c.send(s.out, 0, out);
            history[requests % history.length] = requests;
        } else {
            c.send(last, 0, lastLen);
            c.send("?\n");
        }
    }

    /** n in hex, from the flash table, high digit first. */
    void hex(Connection c, Session s, int v) {
        int out = Text.appendByte(s.out, 0, MARKS[0]);
        for (int shift = 28; shift >= 0; shift -= 4) {
            out = Text.appendByte(s.out, out, HEX[(v >>> shift) & 15]);
        }
        out = Text.appendByte(s.out, out, MARKS[1]);
        out = Text.appendByte(s.out, out, '\n');
        c.send(s.out, 0, out);
    }

    /** Reads the tables of every width and a shared counter. */
    static int weigh(int n) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * PRIMES[(i + n) % PRIMES.length];
            if (ODD[i]) {
                sum -= requests;
            }
        }
        return sum;
    }

    @OnDisconnect
    void bye(Session s) {
        Log.info("requests %d, slot 0 set %d times", requests, counts[0][1]);
    }
}
