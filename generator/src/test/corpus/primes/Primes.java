package corpus.primes;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** A sieve of Eratosthenes in a boolean state array, built at connect; "n\n" asks about n. */
@TcpServer(port = 7146)
public class Primes {

    static final int LIMIT = 1000;

    static class Sieve {
        boolean[] composite = new boolean[1000];
        int count;
        byte[] out = new byte[64];
    }

    @OnConnect
    void build(Connection c, Sieve s) {
        s.composite[0] = true;
        s.composite[1] = true;
        for (int i = 2; i < LIMIT && i * i < LIMIT; i++) {
            if (s.composite[i]) {
                continue;
            }
            for (int j = i + i; j < LIMIT; j++) { // from 2i: the multiples below i * i are marked already
                if (j % i == 0) {
                    s.composite[j] = true;
                }
            }
        }
        for (boolean comp : s.composite) {
            if (!comp) {
                s.count++;
            }
        }
        int n = Text.appendInt(s.out, 0, s.count);
        n = Text.append(s.out, n, " primes below 1000\n");
        c.send(s.out, 0, n);
    }

    @OnReceive
    void ask(Connection c, Sieve s, Bytes data) {
        int v = data.parseInt(0, data.length() - 1, -1);
        int n = Text.appendInt(s.out, 0, v);
        if (v < 0 || v >= LIMIT) {
            n = Text.append(s.out, n, " out of range\n");
        } else if (s.composite[v]) {
            int d = 2;
            for (int i = 2; i < LIMIT && v % d != 0; i++) {
                d++;
            }
            n = Text.append(s.out, n, " = ");
            n = Text.appendInt(s.out, n, d);
            n = Text.append(s.out, n, " x ");
            n = Text.appendInt(s.out, n, v / d);
            n = Text.appendByte(s.out, n, '\n');
        } else {
            n = Text.append(s.out, n, " is prime\n");
        }
        c.send(s.out, 0, n);
    }
}
