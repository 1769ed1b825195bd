package corpus.httpline;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Reads an HTTP request line, answers a fixed response for a few paths, and closes. */
@TcpServer(port = 7104, maxConnections = 3)
public class HttpLine {

    static final String OK_HEAD = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n";
    static final String NOT_FOUND = "HTTP/1.0 404 Not Found\r\n\r\nno such page\n";
    static final String BAD_METHOD = "HTTP/1.0 405 Method Not Allowed\r\n\r\n";
    static final String BAD_REQUEST = "HTTP/1.0 400 Bad Request\r\n\r\n";

    static class Request {
        byte[] line = new byte[64];
        int len;
        boolean done;
        byte[] body = new byte[32];
    }

    @OnConnect
    void open(Request r) {
        r.len = 0;
    }

    @OnReceive
    void receive(Connection c, Request r, Bytes data) {
        if (r.done) {
            return;
        }
        int eol = data.indexOf('\n', 0);
        int end = eol < 0 ? data.length() : eol;
        r.len += data.copyTo(0, end, r.line, r.len);
        if (eol < 0 && r.len < r.line.length) {
            return;
        }
        r.done = true;
        int n = r.len;
        if (n > 0 && r.line[n - 1] == '\r') {
            n--;
        }
        answer(c, r, n);
        c.close();
    }

    private void answer(Connection c, Request r, int n) {
        int sp1 = Text.indexOf(r.line, 0, n, ' ');
        int sp2 = sp1 < 0 ? -1 : Text.indexOf(r.line, sp1 + 1, n, ' ');
        if (sp1 <= 0 || sp2 < 0 || !Text.startsWith(r.line, sp2 + 1, n, "HTTP/")) {
            c.send(BAD_REQUEST);
            return;
        }
        boolean head = Text.contentEquals(r.line, 0, sp1, "HEAD");
        if (!head && !Text.contentEquals(r.line, 0, sp1, "GET")) {
            c.send(BAD_METHOD);
            return;
        }
        if (Text.contentEquals(r.line, sp1 + 1, sp2, "/")) {
            c.send(OK_HEAD);
            if (!head) {
                c.send("hello from the chip\n");
            }
        } else if (Text.contentEquals(r.line, sp1 + 1, sp2, "/count")) {
            c.send(OK_HEAD);
            int len = Text.appendInt(r.body, 0, sp2 - sp1 - 1);
            len = Text.appendByte(r.body, len, '\n');
            if (!head) {
                c.send(r.body, 0, len);
            }
        } else if (Text.startsWith(r.line, sp1 + 1, sp2, "/echo/")) {
            c.send(OK_HEAD);
            c.send(r.line, sp1 + 7, sp2 - sp1 - 7);
            c.send("\n");
        } else {
            c.send(NOT_FOUND);
        }
    }

    @OnDisconnect
    void done(Request r) {
        if (r.done) {
            Log.info("request of %d bytes, %s", r.len, "answered");
        } else {
            Log.info("request of %d bytes, %s", r.len, "unanswered");
        }
    }
}
