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

/** Logs the length of every receive callback ("recv PORT N"), and answers nothing. */
@TcpServer(port = 7005, maxConnections = 1, idleTimeoutSeconds = 30)
public class Sizes {
    static class S {
        int rx;
    }

    @OnConnect
    void hello(Connection c, S s) {
        Log.info("open %d", c.remotePort());
    }

    @OnReceive
    void got(Connection c, S s, Bytes data) {
        s.rx += data.length();
        Log.info("recv %d %d", c.remotePort(), data.length());
    }

    @OnError
    void failed(Connection c, S s, ConnectionError e) {
        reportError(c.remotePort(), e);
    }

    @OnDisconnect
    void bye(Connection c, S s) {
        Log.info("end %d rx %d tx %d dropped %d", c.remotePort(), s.rx, 0, 0);
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
