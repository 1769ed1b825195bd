package io.espgen.host.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.dsl.host.HostFirmware;
import io.espgen.dsl.host.HostFirmware.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated companions of {@link Greeter} and {@link Counter} (one firmware: the processor ran on this
 * module's test sources, as it does on a user's main sources) started through this module: built with gcc under
 * the sanitizers, served on free ports, talked to over real TCP, stopped and checked.
 */
class HostRunnerTest {
    private static final Duration READY = Duration.ofSeconds(60);

    @Test
    void theCompanionBuildsStartsAndStopsTheFirmwareWithItsLogAndHeap() throws IOException {
        HostFirmware.Heap atExit;
        try (HostFirmware fw = GreeterFirmware.startOnHost()) {
            assertThat(fw.port()).isPositive();
            assertThat(fw.log()).contains("espgen-host: ready");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fw.port())) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                assertThat(read(in, 4)).isEqualTo("hi\r\n");
                out.write("hello".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(in, 5)).isEqualTo("hello");
                HostFirmware.Heap open = fw.heap();
                assertThat(open.liveAllocations()).as("the SDK's blocks of an open connection").isPositive();
                assertThat(open.freeBytes()).isEqualTo(50 * 1024 - open.liveBytes());
                assertThat(open.peakBytes()).isGreaterThanOrEqualTo(open.liveBytes());
            }
            assertThat(fw.awaitLog("greeter: bye, echoed 5 bytes")).endsWith("greeter: bye, echoed 5 bytes");
            assertThat(fw.log()).anyMatch(l -> l.contains("greeter: bye, echoed 5 bytes"));
            fw.close();
            atExit = fw.heap();
        }
        assertThat(atExit.liveAllocations()).as("leaks").isZero();
        assertThat(atExit.peakBytes()).isPositive();
    }

    @Test
    void theServersPortGoesWhereAskedAndTheFirmwaresOtherListenersToFreePorts() throws IOException {
        try (HostFirmware counter = CounterFirmware.startOnHost(7442);
                HostFirmware again = CounterFirmware.startOnHost()) {
            assertThat(counter.port()).isEqualTo(7442);
            // a second copy of the same firmware starts beside it: Greeter's 7440 is on a free port in both
            assertThat(again.port()).isNotEqualTo(7442).isPositive();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), counter.port())) {
                s.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(s.getInputStream(), 2)).isEqualTo("3\n");
            }
        }
    }

    @Test
    void aPortInUseSaysWhichAndWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket(7443, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> GreeterFirmware.startOnHost(taken.getLocalPort()))
                    .isInstanceOf(HostFirmware.StartException.class)
                    .hasMessage("espgen: 127.0.0.1:7443 (firmware port 7440) is in use by another program; stop it,"
                            + " or let the test take a free port: startOnHost()");
        }
    }

    @Test
    void aMissingCompilerSaysWhatToInstall() {
        assertThatThrownBy(() -> HostRunner.start(Greeter.class, Greeter_PORT, 0, Target.NONOS, "espgen-no-such-cc",
                READY, Map.of()))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessage("espgen: C compiler 'espgen-no-such-cc' not found: the host emulation needs gcc on the"
                        + " PATH (Debian: apt-get install gcc), or -Despgen.host.cc=<compiler>");
    }

    @Test
    void aBuildThatFailsIsReportedAsEspgensBugWithTheCompilersWords() {
        // false(1) is a compiler that always fails
        assertThatThrownBy(() -> HostRunner.start(Greeter.class, Greeter_PORT, 0, Target.NONOS, "false", READY,
                Map.of()))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessageStartingWith("espgen: the firmware of io.espgen.host.runner.Greeter did not build for"
                        + " nonos with the host's gcc: a bug in espgen")
                .hasMessageContaining("gcc failed (exit 1)");
    }

    @Test
    void aFirmwareThatExitsBeforeItIsReadySaysWhy() {
        // the emulation refuses a bad environment value before user_init, and exits 1
        assertThatThrownBy(() -> HostRunner.start(Greeter.class, Greeter_PORT, 0, Target.NONOS, "gcc", READY,
                Map.of("ESPGEN_HOST_MALLOC_FAIL_AT", "soon")))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessageStartingWith("espgen: the firmware exited (exit 1) before it was ready: espgen-host: ")
                .hasMessageContaining("ESPGEN_HOST_MALLOC_FAIL_AT");
    }

    @Test
    void aLogLineThatNeverComesFailsWithTheLogSoFar() {
        try (HostFirmware fw = GreeterFirmware.startOnHost()) {
            assertThatThrownBy(() -> fw.awaitLog("never printed", Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("espgen: no log line containing \"never printed\" within 300 ms; the log"
                            + " so far:\n")
                    .hasMessageContaining("espgen-host: ready");
        }
    }

    private static final int Greeter_PORT = GreeterFirmware.PORT;

    /** Reads exactly n bytes, however TCP cut them. */
    private static String read(InputStream in, int n) throws IOException {
        byte[] buf = in.readNBytes(n);
        assertThat(buf).hasSize(n);
        return new String(buf, StandardCharsets.US_ASCII);
    }
}
