package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that never reads while the server keeps sending (FloodRefuseServer, FloodCloseServer: 1024-byte blocks
 * per received byte and per drained queue, a 16384-byte queue). The queue stops at its byte cap and the declared
 * policy applies: REFUSE turns the send down whole (the handler sees false, the connection lives on, nothing was
 * half-queued), CLOSE aborts the connection (the client sees a reset). Other clients are served meanwhile, and
 * nothing is left on the heap.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class QueueOverflowTest {

    private static final int CAP = 16384;
    private static final int BLOCK = 1024;
    /**
     * Less than a queue that turned a send down holds unacknowledged: the cap counts the heap of whole blocks
     * (c-runtime, espgen_txq.c: a block's capacity and 16 bytes of overhead, the head block's acknowledged part
     * until all of it is), so what is pending when a send meets the cap is less than the cap, but not by half.
     */
    private static final int FULL = CAP / 2;
    /** A small receive buffer, so the client's window closes after a few blocks. */
    private static final int RCVBUF = 4096;
    private static final Pattern REFUSED = Pattern.compile("(?m)^\\w+: refused: (\\d+) bytes queued, refusal (\\d+)$");

    private static byte[] flood(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('A' + (i % BLOCK) % 26);
        }
        return b;
    }

    /**
     * Fills the never-reader's queue: one byte starts the flood, then bytes come until a send is refused. Returns
     * false when a send of the client met the reset of a connection the server had already aborted.
     */
    private static boolean fill(HostFirmware.Running fw, Peer neverReads) throws Exception {
        neverReads.send("x");
        // the flood runs until the client's window is shut; from then on every byte must meet a full queue
        for (int i = 0; i < 20 && RtFirmware.count(fw, "refused: \\d+ bytes queued") == 0; i++) {
            Thread.sleep(50);
            try {
                neverReads.send("yyyyyyyyyyyyyyyyyyyy");
            } catch (IOException reset) {
                return false;
            }
        }
        RtFirmware.awaitCount(fw, "refused: \\d+ bytes queued", 1, Duration.ofSeconds(5));
        return true;
    }

    private static List<int[]> refusals(HostFirmware.Running fw) {
        List<int[]> out = new ArrayList<>();
        Matcher m = REFUSED.matcher(fw.stdout());
        while (m.find()) {
            out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        return out;
    }

    private static void echoes(int port, String tag) throws IOException {
        try (Peer p = Peer.connect(port)) {
            p.expect("hi\n");
            p.send("echo " + tag);
            p.expect("echo " + tag);
        }
    }

    @Test
    void refusePolicyStopsTheQueueAtItsCapAndTheHandlerSeesFalse() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("floodrefuse", true));
        try {
            int port = fw.port(7303);
            try (Peer neverReads = Peer.connect(port, RCVBUF)) {
                assertThat(fill(fw, neverReads)).as("the connection is not closed").isTrue();
                echoes(port, "while another client is stuck");
                // more bytes meet the same full queue (once the last acknowledgements have trickled in): the queue
                // stays at its cap, it does not grow
                int before = refusals(fw).size();
                for (int i = 0; i < 50 && refusals(fw).size() < before + 5; i++) {
                    neverReads.send("zz");
                    Thread.sleep(20);
                }
                RtFirmware.awaitCount(fw, "refused: \\d+ bytes queued", before + 5, Duration.ofSeconds(5));
                for (int[] r : refusals(fw)) {
                    assertThat(r[0]).as("queued bytes when a send was refused").isLessThanOrEqualTo(CAP)
                            .isGreaterThan(FULL);
                }
                assertThat(fw.stderr()).doesNotContain("out of heap");
                assertThat(fw.stdout()).doesNotContain("aborting");

                // the connection lived on; when the client reads at last, it gets whole blocks, in order: a refused
                // send queued nothing, not part of a block
                byte[] hi = neverReads.read(3);
                assertThat(new String(hi)).isEqualTo("hi\n");
                byte[] got = neverReads.read(20 * BLOCK);
                assertThat(got).isEqualTo(flood(20 * BLOCK));
                RtFirmware.awaitCount(fw, "drained after \\d+ refusals", 1, Duration.ofSeconds(5));
                neverReads.reset();
            }
            RtFirmware.awaitCount(fw, "^FloodRefuseServer: gone", 2, Duration.ofSeconds(5));
            echoes(port, "after");
            RtFirmware.awaitCount(fw, "^FloodRefuseServer: gone", 3, Duration.ofSeconds(5));
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void closePolicyAbortsTheConnectionAndTheOthersCarryOn() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("floodclose", true));
        try {
            int port = fw.port(7304);
            try (Peer bystander = Peer.connect(port); Peer neverReads = Peer.connect(port, RCVBUF)) {
                bystander.expect("hi\n");
                boolean resetUnseen = fill(fw, neverReads);
                RtFirmware.awaitCount(fw, "send queue full, aborting", 1, Duration.ofSeconds(5));
                List<int[]> refused = refusals(fw);
                assertThat(refused).hasSize(1);
                assertThat(refused.get(0)[0]).as("queuedBytes() of an aborted connection: nothing more goes")
                        .isZero();
                RtFirmware.awaitCount(fw, "^FloodCloseServer: gone", 1, Duration.ofSeconds(5));

                // the client reads what had been delivered, then the reset: a dropped queue is not a clean end
                Peer.Tail tail = neverReads.readToEnd(1 << 20, 5_000);
                assertThat(Peer.isPrefix(tail.data(), concat("hi\n".getBytes(), flood(tail.data().length))))
                        .as("whole blocks, in order").isTrue();
                // a reset, unless a send of the client met it first (then the read sees the end of the stream)
                assertThat(tail.end()).isEqualTo(resetUnseen ? Peer.End.RESET : Peer.End.EOF);

                assertThat(fw.stdout()).as("the handler heard of the abort from send; @OnDisconnect only")
                        .doesNotContain("FloodCloseServer: failed");
                bystander.send("echo still here");
                bystander.expect("echo still here");
            }
            echoes(port, "after");
            RtFirmware.awaitCount(fw, "^FloodCloseServer: gone", 3, Duration.ofSeconds(5));
            assertThat(fw.stderr()).doesNotContain("out of heap");
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
