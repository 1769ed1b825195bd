package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * @OneShot handlers on the host emulation (OneShotServer): started, re-armed and cancelled from a handler through
 * Timers, each an os_timer disarmed before it is set and armed again (espgen_server.c: espgen_timer_start). Every
 * expectation is an order of fixed lines on one connection: a second one-shot timer, "witness", fires at a time by
 * which a ring that should not come would have come first.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneShotTest {

    @Test
    void startRestartAndCancel() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("oneshot", true));
        try {
            int port = fw.port(7423);
            try (Peer a = Peer.connect(port)) {
                a.send("arm 20\n");
                a.expect("armed\nring 1\n");
                // ring at 100 ms, re-armed to 600 ms: the witness at 300 ms comes first, then one ring
                a.send("rearm\n");
                a.expect("witness\nring 2\n");
                // ring at 100 ms, cancelled: the witness at 300 ms comes, no ring before it
                a.send("cancel\n");
                a.expect("witness\n");
                // a computed delay below the minimum is clamped to 5 ms, not refused
                a.send("arm -7\n");
                a.expect("armed\nring 3\n");
                a.send("cancel idle\n");
                a.expect("cancelled\n");
            }
            RtFirmware.awaitCount(fw, "^OneShotServer: ring 3$", 1, Duration.ofSeconds(5));
            assertThat(fw.stdout()).doesNotContain("ring 4");
            assertThat(fw.stderr()).doesNotContain("armed timer");
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
