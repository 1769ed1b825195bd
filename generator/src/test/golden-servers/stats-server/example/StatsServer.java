package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;

/** Counts what clients send and answers with a few fixed replies: exercises the translator's subset. */
@TcpServer(port = 7070, maxConnections = 3, idleTimeoutSeconds = 60, sendChunkSize = 2920,
        sendQueueBytes = 8192, onQueueFull = QueueFullPolicy.CLOSE)
public class StatsServer {

    static final int QUIT = 'q';
    static final String BANNER = "stats ready\n";
    static final String HELP = "send text: q quits, digits and lines are counted\n";

    static class Stats {
        int bytes;
        int lines;
        int digits;
        int checksum = 17;
        boolean quitting;
        long total;
        byte last;
        char lastChar = '?';
        byte[] scratch = new byte[16];
    }

    @OnConnect
    void hello(Connection c, Stats s) {
        c.send(BANNER);
        c.send(HELP);
    }

    @OnReceive
    void count(Connection c, Stats s, Bytes data) {
        for (int i = 0; i < data.length(); i++) {
            byte b = data.get(i);
            s.bytes++;
            s.total += b;
            if (b == '\n') {
                s.lines++;
            } else if (b >= '0' && b <= '9') {
                s.digits += 1;
            } else if (b == QUIT) {
                s.quitting = true;
                break;
            }
            s.checksum = (s.checksum << 5) ^ (s.checksum >>> 27) ^ b;
            s.last = b;
        }
        int half = s.bytes / 2;
        int rest = s.digits % 3;
        int avg = s.lines == 0 ? 0 : s.bytes / s.lines;
        for (int i = 0; i < 64 && half > 1000 && rest >= 0; i++) {
            half -= 1000;
        }
        if (s.quitting) {
            c.send("bye\n");
            c.close();
            return;
        }
        if (avg > 80 || s.scratch.length < 8) {
            c.send("long lines\n");
        }
        Log.info("%d bytes, %d lines, checksum %x, last %c", s.bytes, s.lines, s.checksum, s.lastChar);
    }

    @OnSent
    void drained(Connection c, Stats s) {
        if (c.queuedBytes() != 0) {
            Log.warn("queue not empty: %d", c.queuedBytes());
        }
    }

    @OnError
    void failed(Connection c, ConnectionError error) {
        if (error == ConnectionError.RESET) {
            Log.warn("reset by %x port %d", c.remoteIp(), c.remotePort());
        }
    }

    @OnDisconnect
    void gone(Stats s) {
        Log.info("%s: %d bytes", "gone", s.bytes);
    }
}
