package corpus.constants;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** static final int, long, char, byte, boolean and String constants in sends, arithmetic and labels. */
@TcpServer(port = 7122)
public class Constants {

    static final String GREETING = "constants v" + 2 + "\n";
    static final String PROMPT = "> ";
    static final int LIMIT = 3;
    static final int MASK = 0xF0F0;
    static final long BIG = 0x7FFF_FFFF_FFFFL;
    static final char SEP = ':';
    static final char QUOTE = '\'';
    static final byte HIGH = (byte) 0x80;
    static final short SMALL = -12;
    static final boolean VERBOSE = true;
    static final int DERIVED = LIMIT * 10 + 'A';

    static class S {
        int count;
        byte[] out = new byte[100];
    }

    @OnConnect
    void hello(Connection c) {
        c.send(GREETING);
        c.send(PROMPT);
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.count++;
        int n = Text.appendInt(s.out, 0, s.count);
        n = Text.appendByte(s.out, n, SEP);
        n = Text.appendInt(s.out, n, data.length() & MASK | DERIVED);
        n = Text.appendByte(s.out, n, SEP);
        n = Text.appendInt(s.out, n, (int) (BIG >> 20) + SMALL);
        n = Text.appendByte(s.out, n, QUOTE);
        n = Text.appendInt(s.out, n, data.get(0) == HIGH ? 1 : 0);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
        if (s.count >= LIMIT) {
            c.send("limit reached\n");
            c.close();
            return;
        }
        c.send(PROMPT);
        if (VERBOSE) {
            Log.info("%s %d of %d", PROMPT, s.count, LIMIT);
        }
    }
}
