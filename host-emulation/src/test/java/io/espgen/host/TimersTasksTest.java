package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers, tasks and the ROM string routines through timers_fw.c. */
@Timeout(600)
class TimersTasksTest {

    private static List<String> linesStartingWith(String out, String prefix) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
    }

    @Test
    void tasksRunHighestPriorityFirstAndQueuesAreBounded() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start("timers_fw")) {
            fw.awaitStdout("^timers done$", WAIT);
            String out = fw.stdout();
            assertThat(out).contains("task regs=111 dup=0 bad=0\n");
            assertThat(out).contains("posts=11111 full=0 noqueue=0\n");
            assertThat(linesStartingWith(out, "task prio=")).containsExactly(
                    "task prio=2 sig=3 par=30",
                    "task prio=2 sig=5 par=50",
                    "task prio=1 sig=2 par=20",
                    "task prio=2 sig=8 par=80", // posted by the prio 1 task: runs before prio 0
                    "task prio=0 sig=1 par=10",
                    "task prio=0 sig=4 par=40");
            // tasks posted during user_init run before the first timer
            assertThat(out.indexOf("task prio=0 sig=4")).isLessThan(out.indexOf("timer C"));
        }
    }

    @Test
    void timersFireInExpiryOrderOneShotRepeatingRearmedAndDisarmed() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start("timers_fw")) {
            fw.awaitStdout("^timers done$", WAIT);
            String out = fw.stdout();
            List<String> timers = linesStartingWith(out, "timer ").stream()
                    .map(l -> l.replaceAll(" at>=\\d+", ""))
                    .collect(Collectors.toList());
            assertThat(timers).containsExactly(
                    "timer C", "timer B1", "timer B2", "timer A", "timer B3", "timer E", "timer B4", "timer B5");
            int a = Integer.parseInt(fw.awaitStdout("^timer A at>=(\\d+)$", WAIT).group(1));
            int e = Integer.parseInt(fw.awaitStdout("^timer E at>=(\\d+)$", WAIT).group(1));
            assertThat(a).isGreaterThanOrEqualTo(50);
            assertThat(e).as("re-arming restarts the timer").isGreaterThanOrEqualTo(70);
            assertThat(out).doesNotContain("timer D");
        }
    }

    @Test
    void romStringRoutinesBehaveLikeLibc() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start("timers_fw")) {
            fw.awaitStdout("^sprintf=-5-ab-7-ff-z-00042 n=18 strlen=18$", WAIT);
            fw.awaitStdout("^memcmp=1 strcmp=1 strncmp=0$", WAIT);
            fw.awaitStdout("^mem=qRS$", WAIT);
        }
    }
}
