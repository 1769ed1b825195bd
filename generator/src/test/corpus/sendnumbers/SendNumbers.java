package corpus.sendnumbers;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * Numbers sent as text without a buffer (sendDecimal, sendHex, as Integer.toString and Integer.toHexString),
 * a received number parsed (Bytes.parseInt), and string constants' lengths as constants.
 */
@TcpServer(port = 7182, maxConnections = 1)
public class SendNumbers {

    static final String HELLO = "numbers: send one\n";
    static final int HELLO_LEN = HELLO.length();
    static final int[] EDGES = {0, 1, -1, 9, 10, 15, 16, 255, 256, 2147483647, -2147483648, -123456789};

    @OnConnect
    void hello(Connection c) {
        c.send(HELLO);
        c.sendDecimal(HELLO_LEN);
        c.send(" ");
        c.sendDecimal("caf\u00e9".length());
        c.send("\n");
        for (int v : EDGES) {
            c.sendDecimal(v);
            c.send(" = 0x");
            c.sendHex(v);
            c.send("\n");
        }
    }

    @OnReceive
    void number(Connection c, Bytes data) {
        int end = data.indexOf('\n', 0);
        if (end < 0) {
            end = data.length();
        }
        int v = data.parseInt(0, end, Integer.MIN_VALUE);
        if (v == Integer.MIN_VALUE && !data.startsWith("-2147483648")) {
            c.send("not a number\n");
            return;
        }
        c.sendDecimal(v * 3);
        c.send(" ");
        c.sendHex(v * 3);
        c.send(" ");
        c.sendDecimal(v / 7);
        c.send("\n");
    }
}
