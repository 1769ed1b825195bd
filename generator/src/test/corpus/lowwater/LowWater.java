package corpus.lowwater;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.TcpServer;

/**
 * OnSent at the low-water mark: "n\n" streams n 100-byte pieces, as many as canSend approves, refilled from
 * OnSent, which runs when acknowledgements take the queue from above half its size (500) to half or less, and
 * when they empty it. Each piece is a chunk and a block of its own (100 + 16 bytes against the cap), so the
 * queue holds 8 and OnSent sees 500 queued on the way down and 0 at the end, on the chip and on the JVM.
 */
@TcpServer(port = 7170, sendChunkSize = 100, sendQueueBytes = 1000)
public class LowWater {
    static final int PIECE = 100;

    static class S {
        int remaining;
        int events;
        byte[] piece = new byte[100];
    }

    @OnReceive
    void request(Connection c, S s, Bytes data) {
        s.remaining = data.parseInt(0, data.length() - 1, 0);
        for (int i = 0; i < PIECE; i++) {
            s.piece[i] = (byte) ('a' + i % 26);
        }
        s.piece[PIECE - 1] = '\n';
        Log.info("start: canSend(100) %d, canSend(-1) %d, canSend(1000) %d", c.canSend(PIECE) ? 1 : 0,
                c.canSend(-1) ? 1 : 0, c.canSend(1000) ? 1 : 0);
        feed(c, s);
    }

    @OnSent
    void room(Connection c, S s) {
        s.events++;
        Log.info("room #%d: %d queued, %d to go", s.events, c.queuedBytes(), s.remaining);
        feed(c, s);
    }

    private void feed(Connection c, S s) {
        int sent = 0;
        for (int i = 0; i < 64 && s.remaining > 0 && c.canSend(PIECE); i++) {    // a queue holds fewer pieces
            if (!c.send(s.piece, 0, PIECE)) {
                Log.warn("canSend approved a send that failed");
                return;
            }
            s.remaining--;
            sent++;
        }
        Log.info("queued %d pieces, %d queued, canSend(100) now %d", sent, c.queuedBytes(), c.canSend(PIECE) ? 1 : 0);
    }
}
