package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Framed;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.TcpServer;

/** Length-prefixed records (4-byte big-endian length, at most 1024 bytes), acknowledged by their length. */
@TcpServer(port = 4000, maxConnections = 2, sendQueueBytes = 4096)
@Framed(lengthPrefix = 4, maxFrameBytes = 1024, pauseAboveBytes = 1024)
public class RecordServer {

    static class Totals {
        int records;
        byte[] ack = new byte[4];
    }

    @OnFrame
    void record(Connection c, Totals t, Bytes record) {
        t.records++;
        int n = record.length();
        t.ack[0] = (byte) (n >> 24);
        t.ack[1] = (byte) (n >> 16);
        t.ack[2] = (byte) (n >> 8);
        t.ack[3] = (byte) n;
        c.send(t.ack, 0, 4);
    }
}
