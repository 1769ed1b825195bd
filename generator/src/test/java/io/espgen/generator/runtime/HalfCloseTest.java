package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that asks, then shuts its side while the answer is still queued (HalfCloseServer). On the chip lwIP
 * hands the FIN to espconn_server_recv with no data, which closes at once (espconn_tcp.c: espconn_server_close:
 * tcp_sent(pcb, NULL), tcp_close): lwIP sends what it was already given, the piece of the queue in flight (one
 * espconn_send of at most sendChunkSize, written whole by espconn_tcp_sent), then its FIN; the rest of the queue
 * is never sent and the runtime frees it in the disconnect callback. The emulation does the same. The client's
 * small receive window holds the pieces back (the next piece leaves only once the last is acknowledged whole), so
 * the FIN finds the answer still queued: the client gets whole pieces, at least one, never all of it. (Were the
 * piece in flight filling lwIP's send buffer, unacknowledged, the close would fail and be retried a second later,
 * tcp_out.c: tcp_enqueue_flags; a window this small keeps part of it unsent, which carries the FIN.)
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class HalfCloseTest {

    private static final int PIECE = 2920;

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    @Test
    void aFinWithTheAnswerQueuedEndsItAfterThePieceInFlight() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("halfclose", true));
        try {
            int port = fw.port(7310);
            try (Peer p = Peer.connect(port, 2048)) {
                p.send("GET 12000\n");
                RtFirmware.awaitCount(fw, "^HalfCloseServer: queued 12000$", 1, Duration.ofSeconds(5));
                p.shutdownOutput();
                RtFirmware.awaitCount(fw, "^HalfCloseServer: gone after 12000$", 1, Duration.ofSeconds(5));
                Peer.Tail all = p.readToEnd(20_000, 10_000);
                assertThat(all.end()).as("a FIN, not a reset").isEqualTo(Peer.End.EOF);
                assertThat(all.data().length % PIECE).as("whole pieces: " + all.data().length).isZero();
                assertThat(all.data().length).as("the rest of the queue is lost").isBetween(PIECE, 12000 - 1);
                assertThat(Peer.isPrefix(all.data(), pattern(12000))).as("a prefix of the answer").isTrue();
            }
            // an answer shorter than a piece is all with lwIP already: it arrives whole
            try (Peer p = Peer.connect(port, 2048)) {
                p.send("GET 1000\n");
                RtFirmware.awaitCount(fw, "^HalfCloseServer: queued 1000$", 1, Duration.ofSeconds(5));
                p.shutdownOutput();
                Peer.Tail all = p.readToEnd(20_000, 10_000);
                assertThat(all.end()).isEqualTo(Peer.End.EOF);
                assertThat(all.data()).isEqualTo(pattern(1000));
            }
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
