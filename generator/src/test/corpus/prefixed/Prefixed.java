package corpus.prefixed;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.TcpServer;

/**
 * Frames with a 2-byte big-endian length, at most 300 bytes: each answered with the same framing, reversed.
 * Longer ones are skipped, as many bytes as their prefix says, however they are split.
 */
@TcpServer(port = 7162, maxConnections = 2)
@Framed(lengthPrefix = 2, maxFrameBytes = 300, onOversize = OversizePolicy.DISCARD)
public class Prefixed {

    static class Session {
        int frames;
        int skipped;
        byte[] out = new byte[302];
    }

    @OnFrame
    void frame(Connection c, Session s, Bytes frame) {
        s.frames++;
        int n = frame.length();
        s.out[0] = (byte) (n >> 8);
        s.out[1] = (byte) n;
        for (int i = 0; i < frame.length(); i++) {
            s.out[2 + i] = frame.get(n - 1 - i);
        }
        c.send(s.out, 0, n + 2);
    }

    @OnOversize
    void skipped(Connection c, Session s) {
        s.skipped++;
        c.send("\u0000\u0001!");
    }

    @OnDisconnect
    void bye(Session s) {
        Log.info("%d frames, %d skipped", s.frames, s.skipped);
    }
}
