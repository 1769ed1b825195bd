package corpus.cnames;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/**
 * Names C or the generated code would mistake, as Java names that run: C keywords, the generated file's own
 * macros and functions, the runtime's parameters, the SDK's macros; the firmware must answer as the JVM.
 */
@TcpServer(port = 7184, maxConnections = 2)
public class CNames {

    static final int PORT = 3;
    static final int SEND_CHUNK = 5;
    static final int MAX_CONNECTIONS = 7;
    static final String PAGE = "a page long enough to be kept in flash: 0123456789\n";
    static final int PAGE_LEN = PAGE.length();
    static final int NULL = 11;

    static int register;
    static int c_names_conns;
    static byte[] auto = new byte[4];

    static class Session {
        int typedef;
        int sizeof;
        int errno;
        int conn_;
        int fooBar;
        int foo_bar;
    }

    @OnConnect
    void start(Connection srv, Session state) {
        srv.send(PAGE);
        srv.sendDecimal(PAGE_LEN + PORT + SEND_CHUNK + MAX_CONNECTIONS + NULL);
        srv.send("\n");
    }

    @OnReceive
    void conns(Connection extern, Session rx_data, Bytes rx_len) {
        int inline = rx_len.length();
        int ESPCONN_OK = 1;
        int os_printf = 2;
        int b_index = 0;
        for (byte b : rx_len) {
            b_index += b;
        }
        rx_data.typedef += inline;
        rx_data.sizeof = handlers(inline, ESPCONN_OK);
        rx_data.errno = os_printf + b_index;
        rx_data.fooBar++;
        rx_data.foo_bar += 2;
        register += inline;
        c_names_conns++;
        auto[c_names_conns & 3] = (byte) inline;
        extern.sendDecimal(rx_data.typedef);
        extern.send(" ");
        extern.sendDecimal(rx_data.sizeof);
        extern.send(" ");
        extern.sendDecimal(rx_data.errno);
        extern.send(" ");
        extern.sendDecimal(rx_data.fooBar * 10 + rx_data.foo_bar);
        extern.send(" ");
        extern.sendDecimal(register + c_names_conns + auto[1]);
        extern.send("\n");
    }

    static int handlers(int unsigned, int conn) {
        int signed = unsigned * 3;
        return signed + conn;
    }

    @OnDisconnect
    void recvCb(Session conn) {
        Log.info("typedef %d errno %d", conn.typedef, conn.errno);
    }
}
