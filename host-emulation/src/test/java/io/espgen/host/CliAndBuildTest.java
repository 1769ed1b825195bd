package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The emulation's command line, and HostFirmware.build's failures. */
@Timeout(600)
class CliAndBuildTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void portMapsAFirmwarePortToAHostPort() throws Exception {
        int host = freePort();
        Path exe = TestFirmwares.build("lifecycle_fw");
        try (HostFirmware.Running fw = HostFirmware.start(exe,
                List.of("--port", "7000=" + host, "--exit-after-ms", "60000"), TestFirmwares.START_TIMEOUT)) {
            assertThat(fw.port(7000)).isEqualTo(host);
            assertThat(fw.stdout()).containsOnlyOnce("espgen-host: listening on 127.0.0.1:" + host
                    + " (firmware port 7000)\n");
            try (TestClient c = TestClient.connect(host)) {
                c.send("echo mapped");
                assertThat(c.readText(6)).isEqualTo("mapped");
            }
        }
    }

    @Test
    void portZeroTakesAnEphemeralPort() throws Exception {
        Path exe = TestFirmwares.build("lifecycle_fw");
        try (HostFirmware.Running fw = HostFirmware.start(exe, List.of("--port", "7000=0", "--exit-after-ms", "60000"),
                TestFirmwares.START_TIMEOUT)) {
            assertThat(fw.port(7000)).isPositive().isNotEqualTo(7000);
        }
    }

    @Test
    void exitAfterMsStopsByItselfWithTheHeapSummary() throws Exception {
        Path exe = TestFirmwares.build("lifecycle_fw");
        try (HostFirmware.Running fw = HostFirmware.start(exe, List.of("--any-port", "--exit-after-ms", "300"),
                TestFirmwares.START_TIMEOUT)) {
            assertThat(fw.awaitExit(WAIT)).isZero();
            assertThat(fw.stdout()).endsWith("espgen-host: heap: 0 live allocations, 0 bytes\n");
            assertThat(fw.stderr()).contains("--exit-after-ms 300 elapsed");
        }
    }

    @Test
    void badArgumentsExitWithUsage() throws Exception {
        Path exe = TestFirmwares.build("lifecycle_fw");
        for (List<String> args : List.of(List.of("--bogus"), List.of("--port", "7000"), List.of("--port", "0=1"),
                List.of("--exit-after-ms", "soon"))) {
            Process p = new ProcessBuilder(exe.toString()).command(concat(exe.toString(), args))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(out).contains("usage:");
        }
    }

    @Test
    void aTakenPortIsAClearFailure() throws Exception {
        Path exe = TestFirmwares.build("lifecycle_fw");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> HostFirmware.start(exe,
                    List.of("--port", "7000=" + taken.getLocalPort(), "--exit-after-ms", "60000"),
                    TestFirmwares.START_TIMEOUT).close())
                    .isInstanceOf(HostStartException.class)
                    .hasMessageStartingWith("the firmware exited (exit 1) before it was ready:\n")
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " for firmware port 7000: Address already in use")
                    // the wait's pattern is the library's business, not the user's
                    .hasMessageNotContaining("\\Q").hasMessageNotContaining("ready$/");
        }
    }

    @Test
    void compilerErrorsCarryGccsOutput(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("broken.c");
        Files.writeString(src, "#include \"espgen_sdk.h\"\n"
                + "void user_pre_init(void) { int unused_thing; }\n"
                + "void user_init(void) { }\n");
        assertThatThrownBy(() -> HostFirmware.build(List.of(src), List.of(), dir.resolve("work"), false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("gcc failed")
                .hasMessageContaining("unused_thing")
                .hasMessageContaining("broken.c:2");
    }

    @Test
    void aMissingCompilerIsAOneLineMessage(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("fw.c");
        Files.writeString(src, "void user_pre_init(void) { }\nvoid user_init(void) { }\n");
        assertThatThrownBy(() -> HostFirmware.build(List.of(src), List.of(), dir, false, "espgen-no-such-cc"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'espgen-no-such-cc' not found")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void buildsWithoutSanitizersToo(@TempDir Path dir) throws Exception {
        Path exe = HostFirmware.build(List.of(TestFirmwares.C_DIR.resolve("timers_fw.c")),
                List.of(TestFirmwares.C_DIR), dir, false);
        assertThat(exe.getFileName().toString()).isEqualTo("firmware");
        try (HostFirmware.Running fw = HostFirmware.start(exe, TestFirmwares.ARGS, TestFirmwares.START_TIMEOUT)) {
            fw.awaitStdout("^timers done$", Duration.ofSeconds(10));
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
