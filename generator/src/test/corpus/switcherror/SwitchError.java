package corpus.switcherror;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** A reset reaches OnError, which switches on the ConnectionError both ways, then OnDisconnect. */
@TcpServer(port = 7120)
public class SwitchError {

    static class S {
        int received;
        int errors;
    }

    @OnConnect
    void hello(Connection c) {
        c.send("ready\n");
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.received += data.length();
        c.send("ok\n");
    }

    @OnError
    void failed(S s, ConnectionError error, Connection c) {
        s.errors++;
        int code;
        switch (error) {
            case TIMEOUT:
                code = 1;
                break;
            case RESET:
                code = 2;
                break;
            case ABORTED:
            case CLOSED:
                code = 3;
                break;
            default:
                code = 4;
        }
        switch (error) {
            case RESET -> Log.warn("reset after %d bytes (code %d)", s.received, code);
            case TIMEOUT, ABORTED -> Log.warn("timeout or abort (code %d)", code);
            default -> Log.warn("other error (code %d)", code);
        }
        if (error == ConnectionError.RESET && !c.send("too late")) {
            Log.info("cannot send from OnError");
        }
    }

    @OnDisconnect
    void gone(S s, Connection c) {
        Log.info("gone: %d bytes, %d errors, queued %d", s.received, s.errors, c.queuedBytes());
    }
}
