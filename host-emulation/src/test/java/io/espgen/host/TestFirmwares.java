package io.espgen.host;

import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the hand-written test firmwares of src/test/c once per test run, with the sanitizers, and starts them. */
final class TestFirmwares {

    static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    static final Path C_DIR = BASEDIR.resolve("src/test/c");
    static final Path WORK = BASEDIR.resolve("target/host-tests");
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The safety net: no test firmware outlives a minute even if a test forgets it. */
    static final List<String> ARGS = List.of("--any-port", "--exit-after-ms", "60000");

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private TestFirmwares() {
    }

    static Path build(String name) {
        return BUILT.computeIfAbsent(name, n -> {
            try {
                return HostFirmware.build(List.of(C_DIR.resolve(n + ".c")), List.of(C_DIR), WORK.resolve(n), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Waits until the firmware's stderr contains every one of texts and returns it. stderr is read by its own thread,
     * so a line may come a moment after the stdout line printed just before it.
     */
    static String awaitStderr(HostFirmware.Running fw, String... texts) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String err = fw.stderr();
            boolean all = true;
            for (String t : texts) {
                all &= err.contains(t);
            }
            if (all || System.nanoTime() > deadline) {
                return err;
            }
            Thread.sleep(10);
        }
    }

    static HostFirmware.Running start(String name) throws IOException {
        return start(name, Map.of());
    }

    static HostFirmware.Running start(String name, Map<String, String> env) throws IOException {
        return HostFirmware.start(build(name), ARGS, env, START_TIMEOUT);
    }

    /** Builds a test firmware of src/test/c/rtos for the FreeRTOS target's host layer, with the sanitizers, and starts it. */
    static HostFirmware.Running startRtos(String name) throws IOException {
        Path exe = BUILT.computeIfAbsent("rtos/" + name, n -> {
            try {
                Path work = WORK.resolve(n);
                Path include = CRuntime.extractInclude(work.resolve("include"));
                // the runtime's one file both targets' Wi-Fi layers call (its policy), as a generated tree has it
                List<Path> sources = new ArrayList<>(List.of(C_DIR.resolve(n + ".c")));
                sources.addAll(CRuntime.extract(CRuntime.class, CRuntime.SOURCE_BASE, List.of("espgen_wifi_policy.c"),
                        work.resolve("runtime")));
                return HostFirmware.buildRtos(sources, List.of(include), work, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return HostFirmware.start(exe, ARGS, Map.of(), START_TIMEOUT);
    }
}
