package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The FreeRTOS target's host layer (rtos/espgen_rtos_host.c) acts on its signals between two rounds of the
 * firmware's loop, as the NONOS emulation acts between callbacks: SIGUSR1 prints the heap, SIGTERM stops with the
 * heap's summary; and a task that begins no round for 3 s ends the process, as the chip's task watchdog would
 * reset it (the NONOS side is WatchdogTest).
 */
@Timeout(600)
class RtosHostTest {

    @Test
    void aTaskStuckInACallbackEndsTheFirmware() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.startRtos("stuck_rtos_fw")) {
            fw.awaitStdout("^looping forever$", WAIT);
            int exit = fw.awaitExit(Duration.ofSeconds(20));
            assertThat(exit).as("stderr:\n" + fw.stderr()).isEqualTo(4);
            assertThat(fw.stderr()).contains("espgen-host: watchdog: the firmware's task has not begun a round of its "
                    + "loop for 3 s; the chip's task watchdog would have reset it (a loop without an end?)");
        }
    }

    /** SIGTERM ends a task stuck in a callback: 128 + 15, or the watchdog's 4 when its 3 s ran out first. */
    @Test
    void sigtermEndsAFirmwareStuckInACallback() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.startRtos("stuck_rtos_fw")) {
            fw.awaitStdout("^looping forever$", WAIT);
            fw.process().toHandle().destroy();
            int exit = fw.awaitExit(Duration.ofSeconds(20));
            assertThat(exit).as("stderr:\n" + fw.stderr()).isIn(128 + 15, 4);
            if (exit == 128 + 15) {
                assertThat(fw.stderr()).contains("espgen-host: stopped by a signal while the firmware's task had not "
                        + "begun a round for a second");
            }
        }
    }

    @Test
    void aWaitingFirmwareReportsItsHeapOnRequestAndStopsCleanlyOnSigterm() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.startRtos("idle_rtos_fw")) {
            fw.awaitStdout("^allocated$", WAIT);
            MatchResult heap = fw.requestHeap(WAIT);
            assertThat(heap.group(1)).as("bytes free").isEqualTo(Integer.toString(50 * 1024 - 24));
            assertThat(heap.group(2)).as("peak").isEqualTo("24");
            assertThat(heap.group(3)).as("live allocations").isEqualTo("1");
            assertThat(heap.group(4)).as("live bytes").isEqualTo("24");

            // elapsed time is what this tests: four of the watchdog's ticks with the loop waiting in its select()
            boolean exited = fw.process().waitFor(4500, TimeUnit.MILLISECONDS);
            assertThat(exited).as("exited on its own; stderr:\n" + fw.stderr()).isFalse();

            assertThat(fw.stop()).as("stderr:\n" + fw.stderr()).isZero();
            assertThat(fw.stderr()).contains("espgen-host: stopping on signal 15").doesNotContain("watchdog");
            Matcher summary = HostFirmware.HEAP_SUMMARY.matcher(fw.stdout());
            assertThat(summary.find()).as("the heap's summary at the stop:\n" + fw.stdout()).isTrue();
            assertThat(summary.group(1) + " " + summary.group(2)).isEqualTo("1 24");
        }
    }
}
