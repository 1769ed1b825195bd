package corpus.crc;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** CRC-8, CRC-16/CCITT and CRC-32 of each receive, bit by bit: shifts and XORs on byte, char and int. */
@TcpServer(port = 7141)
public class Crc {

    static final int POLY32 = 0xEDB88320;
    static final char POLY16 = 0x1021;

    static class S {
        byte[] out = new byte[64];
    }

    private static byte crc8(Bytes data) {
        byte crc = 0;
        for (byte b : data) {
            crc ^= b;
            for (int i = 0; i < 8; i++) {
                if ((crc & 0x80) != 0) {
                    crc = (byte) ((crc << 1) ^ 0x07);
                } else {
                    crc <<= 1;
                }
            }
        }
        return crc;
    }

    private static char crc16(Bytes data) {
        char crc = 0xFFFF;
        for (int k = 0; k < data.length(); k++) {
            crc ^= (char) (data.get(k) << 8);
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (char) (crc << 1 ^ POLY16) : (char) (crc << 1);
            }
        }
        return crc;
    }

    private static int crc32(Bytes data) {
        int crc = ~0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                int mask = -(crc & 1);
                crc = (crc >>> 1) ^ (POLY32 & mask);
            }
        }
        return ~crc;
    }

    private static int hex(byte[] out, int n, int v, int digits) {
        for (int i = Math.min(digits, 8) - 1; i >= 0; i--) { // an int has 8 hex digits
            int d = v >>> (i * 4) & 15;
            n = Text.appendByte(out, n, d < 10 ? '0' + d : 'a' + d - 10);
        }
        return n;
    }

    @OnReceive
    void receive(Connection c, S s, Bytes data) {
        int n = hex(s.out, 0, crc8(data) & 0xFF, 2);
        n = Text.appendByte(s.out, n, ' ');
        n = hex(s.out, n, crc16(data), 4);
        n = Text.appendByte(s.out, n, ' ');
        n = hex(s.out, n, crc32(data), 8);
        n = Text.appendByte(s.out, n, '\n');
        c.send(s.out, 0, n);
    }
}
