package corpus.bigpayload;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;

/** A large upload: echoed in 100-byte chunks, hashed, and summarised when the client ends it. */
@TcpServer(port = 7139, sendChunkSize = 100, sendQueueBytes = 20000)
public class BigPayload {

    static class S {
        int bytes;
        int sum;
        int receives;
        int tooBig;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        s.receives++;
        if (data.length() > 1460) {
            s.tooBig++;
        }
        for (byte b : data) {
            s.sum = s.sum * 31 + (b & 0xFF);
        }
        s.bytes += data.length();
        c.send(data);
    }

    @OnDisconnect
    void bye(S s) {
        Log.info("%d bytes, hash %d, oversized receives %d", s.bytes, s.sum, s.tooBig);
    }
}
