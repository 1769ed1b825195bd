package corpus.wordcount;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** Counts lines, words and bytes like wc; a line holding only "." reports and starts over. */
@TcpServer(port = 7108)
public class WordCount {

    static class Counts {
        int lines;
        int words;
        int bytes;
        boolean inWord;
        int lineLength;
        boolean dotOnly;
        int longestWord;
        int wordLength;
        byte[] out = new byte[64];
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    @OnReceive
    void receive(Connection c, Counts k, Bytes data) {
        for (byte b : data) {
            if (b == '\n') {
                if (k.lineLength == 1 && k.dotOnly) {
                    report(c, k);
                    continue;
                }
                k.lines++;
                k.lineLength = 0;
            } else {
                k.dotOnly = k.lineLength == 0 && b == '.';
                k.lineLength++;
            }
            k.bytes++;
            if (isSpace(b)) {
                if (k.inWord) {
                    k.longestWord = Math.max(k.longestWord, k.wordLength);
                }
                k.inWord = false;
            } else {
                if (!k.inWord) {
                    k.words++;
                    k.wordLength = 0;
                }
                k.inWord = true;
                k.wordLength++;
            }
        }
    }

    private void report(Connection c, Counts k) {
        // the "." itself was counted as a word of one byte: take it back
        k.words--;
        k.bytes--;
        int n = Text.appendInt(k.out, 0, k.lines);
        n = Text.appendByte(k.out, n, ' ');
        n = Text.appendInt(k.out, n, k.words);
        n = Text.appendByte(k.out, n, ' ');
        n = Text.appendInt(k.out, n, k.bytes);
        n = Text.append(k.out, n, " longest ");
        n = Text.appendInt(k.out, n, k.longestWord);
        n = Text.appendByte(k.out, n, '\n');
        c.send(k.out, 0, n);
        Log.info("report: %d lines, %d words", k.lines, k.words);
        k.lines = 0;
        k.words = 0;
        k.bytes = 0;
        k.lineLength = 0;
        k.inWord = false;
        k.longestWord = 0;
    }
}
