package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing while receiving is held (HoldCloseServer). lwIP's tcp_close resets a connection whose receive window is
 * not whole, purging what it had not sent (core/tcp.c: tcp_close_shutdown), and what arrives while held is not
 * credited (espconn_tcp.c: espconn_recv_hold, espconn_server_recv); the host emulation resets in that case too. So
 * the runtime unholds before it disconnects: the client gets every queued byte, then a FIN.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class HoldThenCloseTest {

    @Test
    void aCloseWhileHeldDeliversEveryQueuedByteThenAFin() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("holdclose", true));
        try {
            int port = fw.port(7306);
            // a receive buffer of a few KB: the 12000-byte reply backs up in the send queue, above the hold mark
            // (16384 less the reserve), and cannot drain below the unhold mark while this client does not read
            try (Peer slow = Peer.connect(port, 2048)) {
                slow.send("fill");
                RtFirmware.awaitCount(fw, "^HoldCloseServer: filled, 12000 queued$", 1, Duration.ofSeconds(5));
                // arrives while held: the window was advertised, the bytes are delivered, not credited
                slow.send("bye");
                RtFirmware.awaitCount(fw, "^HoldCloseServer: bye with \\d+ queued$", 1, Duration.ofSeconds(5));
                Peer.Tail all = slow.readToEnd(20_000, 10_000);
                byte[] expected = new byte[12_000];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (byte) ('a' + i % 1000 % 26);
                }
                assertThat(all.data()).as("every queued byte").isEqualTo(expected);
                assertThat(all.end()).as("a FIN, not a reset").isEqualTo(Peer.End.EOF);
            }
            RtFirmware.awaitCount(fw, "^HoldCloseServer: gone", 1, Duration.ofSeconds(5));
            assertThat(fw.stderr()).doesNotContain("not credited");
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
