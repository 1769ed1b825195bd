package corpus.logging;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** Log lines with every conversion: %d %x %c %s %% on int, short, byte and char values; every level. */
@TcpServer(port = 7129)
public class Logging {

    static final String NAME = "logger 100%";

    static class S {
        int lines;
        short sh = -2;
        byte by = -1;
        char last = '-';
    }

    @OnConnect
    void hello(Connection c, S s) {
        Log.info("hello from %s", NAME);
        Log.warn("plain warning, no arguments");
        Log.info("percent: 100%%, literal %s, then %d", "%d", 5);
        c.send("log away\n");
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.lines++;
        int v = data.parseInt(0, data.length(), -1);
        s.last = (char) data.get(0);
        Log.info("line %d: value %d hex %x neg hex %x", s.lines, v, v, -v);
        Log.info("byte %d/%x short %d/%x", s.by, s.by, s.sh, s.sh);
        Log.info("char '%c' code %d, first byte %d", s.last, (int) s.last, data.get(0));
        Log.warn("%d%d%d", v, v * 2, v * 3);
        // the default level, INFO, keeps errors and leaves debug lines out, on the chip and on the JVM
        Log.error("error level: %d", v);
        Log.debug("debug level: %d, never printed at INFO", v);
        s.by -= 3;
        s.sh *= 1000;
        c.send("logged\n");
    }

    @OnDisconnect
    void bye(S s) {
        Log.info("bye after %d lines [%x]", s.lines, Integer.MIN_VALUE);
    }
}
