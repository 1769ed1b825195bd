package io.espgen.host.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.Test;

/**
 * How a test's firmware ends, over a real short-lived process with the output a firmware would print: a
 * failure status or a sanitizer's report fails close(), and the heap printed at exit is read back. (A generated
 * firmware cannot be made to fail on purpose: the processor only accepts code that does not.)
 */
class RunningFirmwareTest {
    private static final String EXIT_HEAP = "espgen-host: heap: 51200 bytes free, peak 2240 bytes\n"
            + "espgen-host: heap: 0 live allocations, 0 bytes\n";

    @Test
    void aFailureStatusOnStopFailsTheTestWithTheFirmwaresStderr() throws IOException {
        RunningFirmware fw = new RunningFirmware(new Exited(1, "", "espgen-host: SDK misuse: espconn_send on a"
                + " closed espconn\n"), 7777);
        assertThatThrownBy(fw::close).isInstanceOf(AssertionError.class)
                .hasMessage("espgen: the firmware exited with status 1 when stopped (a sanitizer's report, an SDK misuse"
                        + " or a crash; its stderr is below)\n--- stderr ---\nespgen-host: SDK misuse: espconn_send on a"
                        + " closed espconn");
    }

    @Test
    void aSanitizerReportFailsTheTestEvenAfterACleanExit() throws IOException {
        RunningFirmware fw = new RunningFirmware(new Exited(0, EXIT_HEAP,
                "echo_server.c:12:5: runtime error: signed integer overflow\n"), 7777);
        assertThatThrownBy(fw::close).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("espgen: the firmware stopped cleanly, but a sanitizer reported an error");
    }

    @Test
    void aCleanStopPassesAndTheHeapIsWhatItPrintedAtExit() throws IOException {
        RunningFirmware fw = new RunningFirmware(new Exited(0, "espgen-host: ready\n" + EXIT_HEAP, ""), 7777);
        fw.close();
        fw.close(); // twice: once is checked
        assertThat(fw.heap()).isEqualTo(new io.espgen.dsl.host.HostFirmware.Heap(51200, 2240, 0, 0));
        assertThat(fw.log()).containsExactly("espgen-host: ready", "espgen-host: heap: 51200 bytes free, peak 2240"
                + " bytes", "espgen-host: heap: 0 live allocations, 0 bytes");
    }

    /** A firmware that has already exited with code, having printed stdout and stderr. */
    private static final class Exited implements HostFirmware.Running {
        private final Process process;
        private final String stdout;
        private final String stderr;

        Exited(int code, String stdout, String stderr) throws IOException {
            this.process = new ProcessBuilder("sh", "-c", "exit " + code).start();
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public int port(int firmwarePort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String stdout() {
            return stdout;
        }

        @Override
        public String stderr() {
            return stderr;
        }

        @Override
        public int stop() throws InterruptedException {
            return process.waitFor();
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public MatchResult awaitStdout(String regex, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int awaitExit(Duration timeout) throws InterruptedException {
            return process.waitFor();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
