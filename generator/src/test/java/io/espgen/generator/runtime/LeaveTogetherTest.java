package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that leave together, with a disconnect handler that sends to the others (runtime-servers/farewell, as a
 * chat's "left" notice does). The SDK closes each at once and posts its disconnect callback (espconn_tcp.c:
 * espconn_server_close sets ESPCONN_CLOSE, then ets_post); so the first one's handler runs while the others' ends
 * are still queued, and sends to them. The runtime must not hand those sends to the SDK (espgen_sdk_closed): on
 * the chip that is a tcp_write on a closing pcb; the emulation calls it SDK misuse. stopClean checks there was none.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LeaveTogetherTest {

    private static final int ROUNDS = 20;
    private static final int CLIENTS = 4;

    @Test
    void clientsClosingInOneBurstAreReleasedWithoutSendsToTheClosedOnes() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("farewell", true));
        try {
            int port = fw.port(7460);
            int gone = 0;
            for (int round = 0; round < ROUNDS; round++) {
                List<Peer> peers = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    peers.add(Proto.greeted(port));
                }
                for (Peer p : peers) {
                    p.close();
                }
                gone = RtFirmware.awaitCount(fw, "^FarewellServer: gone", gone + CLIENTS, Duration.ofSeconds(10));
            }
            assertThat(gone).isEqualTo(ROUNDS * CLIENTS);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
