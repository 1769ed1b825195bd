package corpus.onsentstream;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** "n\n" streams n numbered lines, one part per OnSent, then closes: a long response in small parts. */
@TcpServer(port = 7131, sendChunkSize = 64, sendQueueBytes = 128)
public class OnSentStream {

    static class S {
        int wanted;
        int next;
        boolean streaming;
        byte[] line = new byte[40];
    }

    @OnReceive
    void request(Connection c, S s, Bytes data) {
        if (s.streaming) {
            c.send("busy\n");
            return;
        }
        start(s, data.parseInt(0, data.length() - 1, 0));
        part(c, s);
    }

    /** A helper whose C name would be the server's own on_sent_stream_start. */
    private static void start(S s, int wanted) {
        s.wanted = wanted;
        s.next = 1;
        s.streaming = true;
    }

    @OnSent
    void more(Connection c, S s) {
        if (s.streaming) {
            part(c, s);
        }
    }

    private void part(Connection c, S s) {
        if (s.next > s.wanted) {
            s.streaming = false;
            Log.info("streamed %d lines", s.wanted);
            c.send("end\n");
            if (s.wanted > 5) {
                c.close();
            }
            return;
        }
        // two lines per part
        for (int k = 0; k < 2 && s.next <= s.wanted; k++) {
            int n = Text.append(s.line, 0, "line ");
            n = Text.appendInt(s.line, n, s.next);
            n = Text.append(s.line, n, " of ");
            n = Text.appendInt(s.line, n, s.wanted);
            n = Text.appendByte(s.line, n, '\n');
            c.send(s.line, 0, n);
            s.next++;
        }
    }
}
