package corpus.hexdump;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** A hex dumper: 8 bytes a row, as "oooo: hh hh ... |ascii|", the offset running over receives. */
@TcpServer(port = 7106)
public class HexDump {

    static final int ROW = 8;

    static class Dump {
        int offset;
        byte[] row = new byte[8];
        int filled;
        byte[] out = new byte[64];
    }

    @OnReceive
    void receive(Connection c, Dump d, Bytes data) {
        for (int i = 0; i < data.length(); i++) {
            d.row[d.filled] = data.get(i);
            d.filled++;
            if (d.filled == ROW) {
                flush(c, d);
            }
        }
        if (d.filled > 0) {
            flush(c, d);
        }
    }

    private static int hex(byte[] out, int n, int v) {
        int hi = (v >> 4) & 0xF;
        int lo = v & 0xF;
        n = Text.appendByte(out, n, hi < 10 ? '0' + hi : 'A' + hi - 10);
        return Text.appendByte(out, n, lo < 10 ? '0' + lo : 'A' + lo - 10);
    }

    private void flush(Connection c, Dump d) {
        int n = hex(d.out, 0, d.offset >> 8);
        n = hex(d.out, n, d.offset);
        n = Text.append(d.out, n, ":");
        for (int i = 0; i < ROW; i++) {
            if (i < d.filled) {
                n = Text.appendByte(d.out, n, ' ');
                n = hex(d.out, n, d.row[i]);
            } else {
                n = Text.append(d.out, n, "   ");
            }
        }
        n = Text.append(d.out, n, " |");
        for (int i = 0; i < d.row.length && i < d.filled; i++) {
            byte b = d.row[i];
            n = Text.appendByte(d.out, n, b >= 32 && b < 127 ? b : '.');
        }
        n = Text.append(d.out, n, "|\n");
        c.send(d.out, 0, n);
        d.offset += d.filled;
        d.filled = 0;
    }
}
