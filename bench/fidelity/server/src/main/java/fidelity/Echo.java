package fidelity;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** The echo sample (samples/echo-server: same settings, greeting and echo), reporting what it saw. */
@TcpServer(port = 7001, maxConnections = 4, idleTimeoutSeconds = 300)
public class Echo {
    static class S {
        int rx;
        int tx;
        int dropped;
    }

    @OnConnect
    void hello(Connection c, S s) {
        Log.info("open %d", c.remotePort());
        c.send("welcome\r\n");
    }

    @OnReceive
    void echo(Connection c, S s, Bytes data) {
        s.rx += data.length();
        if (c.send(data)) {
            s.tx += data.length();
        } else {
            s.dropped += data.length();
        }
    }

    @OnError
    void failed(Connection c, S s, ConnectionError e) {
        reportError(c.remotePort(), e);
    }

    @OnDisconnect
    void bye(Connection c, S s) {
        Log.info("end %d rx %d tx %d dropped %d", c.remotePort(), s.rx, s.tx, s.dropped);
    }

    /** The error callback's kind, for bench/fidelity/fidelity.py. */
    private void reportError(int port, ConnectionError e) {
        switch (e) {
            case TIMEOUT -> Log.info("error %d TIMEOUT", port);
            case ABORTED -> Log.info("error %d ABORTED", port);
            case RESET -> Log.info("error %d RESET", port);
            case CLOSED -> Log.info("error %d CLOSED", port);
            default -> Log.info("error %d CONNECTION_FAILED", port);
        }
    }
}
