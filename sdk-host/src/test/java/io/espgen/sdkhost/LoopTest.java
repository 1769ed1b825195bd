package io.espgen.sdkhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.util.List;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.Test;

/** The glue's loop without a network (sched_fw.c): the register page, the heap, posted tasks, os_timers. */
class LoopTest {

    private static List<String> schedLines(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("sched: ")).map(l -> l.substring(7)).toList();
    }

    @Test
    void tasksTimersHeapAndRegistersBehaveAsTheGlueSays() throws Exception {
        try (HostFirmware.Running fw = TestBuilds.start("sched_fw", "--heap-free", "20000")) {
            fw.awaitStdout("^sched: done$", TestBuilds.WAIT);
            List<String> lines = schedLines(fw.stdout());
            assertThat(lines).as(fw.stdout()).containsExactly(
                    // lwipopts.h's registers as lwip_init and the glue leave them
                    "regs 5 5840 12 6 0",
                    "heap 20000 free, 20 blocks of 1000, 0 left, 20000 after freeing",
                    "prio 3 task 0",
                    "third post to a queue of 2 0",
                    // after user_init: the highest priority first, first in first out within one
                    "task 20 e", "task 2 c", "task 2 f", "task 1 b", "task 1 g", "task 0 a", "task 0 d",
                    // by expiry: 5 ms (armed in microseconds), 10, 20, 30, 30 (armed later), 50 (re-armed at 10 for
                    // 40); the 15 ms timer was disarmed at 10 ms
                    "timer micro", "timer repeat 1", "timer repeat 2", "timer once", "timer repeat 3",
                    "timer restart", lines.get(lines.size() - 2), "done");
            MatchResult frc = fw.awaitStdout("^sched: frc (\\d+) ticks in (\\d+) us$", TestBuilds.WAIT);
            double ratio = Double.parseDouble(frc.group(1)) / Double.parseDouble(frc.group(2));
            assertThat(ratio).as("FRC2 ticks per microsecond (80 MHz / 256)").isBetween(0.3125 * 0.97, 0.3125 * 1.03);
            assertThat(Long.parseLong(frc.group(2))).as("the 150 ms timer's time").isGreaterThanOrEqualTo(150_000);
            assertThat(fw.stop()).isZero();
            assertThat(fw.stdout()).contains("espgen-host: heap: 1 live allocations, 10 bytes");
            assertThat(fw.stderr()).contains("live block of 10 bytes from").contains("sched_fw.c");
        }
    }

    @Test
    void setfnOnAnArmedTimerStopsTheFirmwareAsMisuse() throws Exception {
        TestBuilds.Ended run = TestBuilds.runToExit("misuse_fw");
        assertThat(run.exit()).as(run.output()).isEqualTo(134);
        assertThat(run.output()).contains("espgen-host: SDK misuse: os_timer_setfn on an armed timer")
                .doesNotContain("espgen-host: ready");
    }
}
