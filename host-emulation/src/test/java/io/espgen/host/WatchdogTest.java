package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A firmware callback that never returns: on the chip the watchdog resets it within seconds; the emulation
 * ends the process with a line that says so (host_main.c: on_watchdog_tick), rather than keep the CPU and
 * outlive the stop signals it blocks outside its poll.
 */
@Timeout(600)
class WatchdogTest {

    @Test
    void aCallbackThatNeverReturnsEndsTheFirmware() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start("stuck_fw")) {
            fw.awaitStdout("^looping forever$", WAIT);
            int exit = fw.awaitExit(Duration.ofSeconds(20));
            assertThat(exit).isEqualTo(4);
            assertThat(fw.stderr()).contains("espgen-host: watchdog: the timer callback has not returned for 3 s; "
                    + "the chip's watchdog would have reset it (a loop without an end?)");
        }
    }

    /**
     * SIGTERM (what Ctrl-C in esp:run and its shutdown hook send) ends a firmware stuck in a callback, whose stop
     * signals wait for the loop's poll: the watchdog thread sees the signal pending and exits with 128 + 15, or
     * its own watchdog exit 4 when the signal came so late that the stuck callback's 3 s ran out first.
     */
    @Test
    void sigtermEndsAFirmwareStuckInACallback() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start("stuck_fw")) {
            fw.awaitStdout("^looping forever$", WAIT);
            fw.process().toHandle().destroy();
            int exit = fw.awaitExit(Duration.ofSeconds(20));
            assertThat(exit).as("stderr:\n" + fw.stderr()).isIn(128 + 15, 4);
            if (exit == 128 + 15) {
                assertThat(fw.stderr()).contains("espgen-host: stopped by a signal while the timer callback had not "
                        + "returned for a second");
            }
        }
    }

    /** A firmware that only waits, for longer than the watchdog's ticks, is left alone. */
    @Test
    void anIdleFirmwareIsNotAWatchdogCase() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start("timers_fw")) {
            fw.awaitStdout("^timers done$", WAIT);
            // elapsed time is what this tests: four of the watchdog's ticks with the loop idle in its poll
            boolean exited = fw.process().waitFor(4500, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(exited).as("exited on its own; stderr:\n" + fw.stderr()).isFalse();
            assertThat(fw.stop()).isZero();
            assertThat(fw.stderr()).doesNotContain("watchdog");
        }
    }
}
