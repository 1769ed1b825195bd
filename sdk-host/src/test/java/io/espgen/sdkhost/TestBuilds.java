package io.espgen.sdkhost;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the test firmwares of src/test/c on the stand-in SDK's stack, once per test run, and starts them. */
final class TestBuilds {
    static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    static final Path C_DIR = BASEDIR.resolve("src/test/c");
    static final Path WORK = BASEDIR.resolve("target/sdk-host-tests");
    static final Path SDK = WORK.resolve("standin-sdk");
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration WAIT = Duration.ofSeconds(15);
    /** The safety net: no test firmware outlives a minute even if a test forgets it. */
    static final List<String> SAFETY = List.of("--exit-after-ms", "60000");

    private static final Map<String, SdkHostFirmware.Build> BUILT = new ConcurrentHashMap<>();

    private TestBuilds() {
    }

    static Path standInSdk() {
        return StandInSdk.write(SDK);
    }

    static synchronized SdkHostFirmware.Build build(String name) {
        return BUILT.computeIfAbsent(name, n -> {
            try {
                return SdkHostFirmware.build(List.of(C_DIR.resolve(n + ".c")), List.of(C_DIR), standInSdk(),
                        WORK.resolve(n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The exit code and the output (stdout and stderr together) of a firmware run to its end. */
    record Ended(int exit, String output) {
    }

    /** Runs a firmware until it exits by itself (at most the safety net's minute), reading all it prints. */
    static Ended runToExit(String name, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(build(name).exe().toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(SAFETY);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes());
        return new Ended(p.waitFor(), output);
    }

    static HostFirmware.Running start(String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(SAFETY);
        return SdkHostFirmware.start(build(name), all, Map.of(), START_TIMEOUT);
    }
}
