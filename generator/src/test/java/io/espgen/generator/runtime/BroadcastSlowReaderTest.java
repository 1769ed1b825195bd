package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Broadcasting with a slow reader among the targets (runtime-servers/broadcast: "b<n>" sends n blocks of 1024 bytes
 * to every other connection through Connection.connections()). A client that never reads fills its own queue only:
 * the sender's answers and a reading client's copies arrive in full and in order, round after round, while the
 * declared policy applies to the never-reader alone (CLOSE resets it, REFUSE turns its sends down and it lives
 * on). Sends only queue (espgen_send), and the runtime hands every connection's queue to the SDK after the handler
 * (espgen_flush), so no target's window can hold up another.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class BroadcastSlowReaderTest {

    private static final int BLOCK = 1024;
    private static final int BLOCKS = 4;
    /** Rounds enough to fill a 16384-byte queue behind a shut window several times over. */
    private static final int ROUNDS = 30;
    private static final int RCVBUF = 4096;
    private static final Pattern ANSWER = Pattern.compile("queued (\\d+) refused (\\d+)\n");

    private static byte[] blocks(int n) {
        byte[] b = new byte[n * BLOCK];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('A' + (i % BLOCK) % 26);
        }
        return b;
    }

    /** Runs the rounds; returns the refusals the answers reported. */
    private static int rounds(Peer sender, Peer reader) throws Exception {
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            sender.send("b" + BLOCKS);
            String answer = readLine(sender);
            Matcher m = ANSWER.matcher(answer);
            assertThat(m.matches()).as("round " + round + ": " + answer).isTrue();
            int queued = Integer.parseInt(m.group(1));
            refused += Integer.parseInt(m.group(2));
            assertThat(queued).as("round " + round + ": the reader's copies are always queued")
                    .isGreaterThanOrEqualTo(BLOCKS);
            reader.expect(blocks(BLOCKS));
        }
        return refused;
    }

    private static String readLine(Peer p) throws Exception {
        StringBuilder out = new StringBuilder();
        while (!out.toString().endsWith("\n")) {
            out.append((char) p.read(1)[0]);
        }
        return out.toString();
    }

    @Test
    void closePolicyResetsTheSlowReaderAloneAndTheBroadcastGoesOn() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("broadcast", true));
        try {
            int port = fw.port(7310);
            try (Peer reader = Peer.connect(port); Peer slow = Peer.connect(port, RCVBUF);
                    Peer sender = Peer.connect(port)) {
                reader.expect("hi\n");
                sender.expect("hi\n");
                rounds(sender, reader);
                RtFirmware.awaitCount(fw, "send queue full, aborting", 1, Duration.ofSeconds(5));
                RtFirmware.awaitCount(fw, "^BroadcastCloseServer: gone", 1, Duration.ofSeconds(5));
                // the slow reader gets whole blocks, in order, then the reset
                Peer.Tail tail = slow.readToEnd(1 << 20, 5_000);
                byte[] expected = new byte[tail.data().length];
                System.arraycopy("hi\n".getBytes(), 0, expected, 0, Math.min(3, expected.length));
                if (expected.length > 3) {
                    System.arraycopy(blocks(ROUNDS * BLOCKS), 0, expected, 3, expected.length - 3);
                }
                assertThat(tail.data()).isEqualTo(expected);
                assertThat(tail.end()).isIn(Peer.End.RESET, Peer.End.EOF);
                assertThat(fw.stdout()).contains("gone: port " + slow.localPort());
                // after it, only the reader is left among the targets: nothing is refused, nothing reset
                rounds(sender, reader);
                assertThat(RtFirmware.count(fw, "send queue full, aborting")).isEqualTo(1);
            }
            RtFirmware.awaitCount(fw, "^BroadcastCloseServer: gone", 3, Duration.ofSeconds(5));
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void refusePolicyTurnsDownTheSlowReadersSendsWhileTheOthersGetEverything() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("broadcast", true));
        try {
            int port = fw.port(7311);
            try (Peer reader = Peer.connect(port); Peer slow = Peer.connect(port, RCVBUF);
                    Peer sender = Peer.connect(port)) {
                reader.expect("hi\n");
                sender.expect("hi\n");
                int refused = rounds(sender, reader);
                assertThat(refused).as("sends to the never-reader turned down").isPositive();
                assertThat(fw.stdout()).doesNotContain("aborting").doesNotContain("answer was refused");
                // it lived on: reading at last, it gets what was queued for it, whole blocks in order, and no more
                slow.expect("hi\n");
                int delivered = ROUNDS * BLOCKS - refused;
                slow.expect(blocks(delivered));
                Peer.Tail rest = slow.readUpTo(1, 500);
                assertThat(rest.data()).as("nothing beyond the queued blocks").isEmpty();
            }
            RtFirmware.awaitCount(fw, "^BroadcastRefuseServer: gone", 3, Duration.ofSeconds(5));
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
