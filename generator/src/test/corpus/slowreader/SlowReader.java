package corpus.slowreader;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * A broadcast with a client among its targets that never reads: each line sends four 512-byte blocks to every
 * other client. The never-reader's queue fills and, under the default CLOSE policy, resets it (on the chip
 * sooner than on the JVM, whose kernel buffers more); the sender and the reading client get every byte, in
 * order, round after round: a slow reader holds up nobody.
 */
@TcpServer(port = 7183, maxConnections = 3)
public class SlowReader {

    static final int BLOCK = 512;
    static byte[] block = new byte[BLOCK];
    static int rounds;

    @OnConnect
    void hello(Connection c) {
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) ('a' + i % 26);
        }
        c.send("hi ");
        c.sendDecimal(c.connectionCount());
        c.send("\n");
    }

    @OnReceive
    void broadcast(Connection c, Bytes data) {
        rounds++;
        for (Connection o : c.connections()) {
            if (o != c) {
                for (int i = 0; i < 4; i++) {
                    o.send(block, 0, BLOCK);
                }
                o.send("|");
                o.sendDecimal(rounds);
                o.send("\n");
            }
        }
        c.send("round ");
        c.sendDecimal(rounds);
        c.send("\n");
    }
}
