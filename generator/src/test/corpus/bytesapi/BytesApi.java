package corpus.bytesapi;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** The Bytes methods at and beyond their edges: get, contentEquals, startsWith, indexOf, copyTo. */
@TcpServer(port = 7124)
public class BytesApi {

    static class S {
        byte[] out = new byte[200];
        byte[] copy = new byte[6];
    }

    private static int flag(byte[] out, int n, boolean b) {
        return Text.appendByte(out, n, b ? 'y' : 'n');
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int n = Text.append(s.out, 0, "get");
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, data.get(0));
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, data.get(-1));
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, data.get(data.length()));
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, data.get(data.length() - 1));
        n = Text.appendByte(s.out, n, ' ');
        n = Text.appendInt(s.out, n, data.get(Integer.MAX_VALUE));
        n = Text.append(s.out, n, " eq ");
        n = flag(s.out, n, data.contentEquals("ping"));
        n = flag(s.out, n, data.contentEquals(""));
        n = flag(s.out, n, data.contentEquals("caf\u00e9"));
        n = Text.append(s.out, n, " starts ");
        n = flag(s.out, n, data.startsWith("pi"));
        n = flag(s.out, n, data.startsWith(""));
        n = flag(s.out, n, data.startsWith("pingpingping"));
        n = Text.append(s.out, n, " index ");
        n = Text.appendInt(s.out, n, data.indexOf('i', 0));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, data.indexOf('i', 2));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, data.indexOf('p', -100));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, data.indexOf(0xE9, 0));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, data.indexOf(-23, 0));
        n = Text.appendByte(s.out, n, ',');
        n = Text.appendInt(s.out, n, data.indexOf('g', 1000));
        n = Text.append(s.out, n, " copy ");
        s.copy[0] = '#';
        s.copy[1] = '#';
        s.copy[2] = '#';
        s.copy[3] = '#';
        s.copy[4] = '#';
        s.copy[5] = '#';
        int k = data.copyTo(1, 3, s.copy, 0);
        k = k * 10 + data.copyTo(-5, 100, s.copy, 3);
        k = k * 10 + data.copyTo(0, 1, s.copy, 6);
        k = k * 10 + data.copyTo(0, 1, s.copy, -1);
        k = k * 10 + data.copyTo(2, 1, s.copy, 0);
        n = Text.appendInt(s.out, n, k);
        n = Text.appendByte(s.out, n, ' ');
        c.send(s.out, 0, n);
        c.send(s.copy, 0, s.copy.length);
        c.send("\n");
    }
}
