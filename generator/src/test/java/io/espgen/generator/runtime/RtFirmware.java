package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.generator.Espgen;
import io.espgen.host.HostFirmware;
import io.espgen.host.HostSources;
import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A test server of {@code generator/src/test/runtime-servers/<name>/} (package {@code rt.<name>}), compiled with the
 * processor and built with the host emulation, as {@code e2e/HostRun} does, plus what the runtime tests need: extra C
 * sources and gcc flags (to disarm a stack limit), a build without sanitizers for valgrind, environment variables
 * (fault injection), and the checks every run ends with.
 *
 * <p>Builds go to {@code generator/target/rt-firmware/} and are shared by the test classes of one JVM: a server is
 * generated and compiled once per flavour.
 */
final class RtFirmware {

    /** Everything a firmware's process is given to live; tests stop it well before. */
    static final Duration LIFETIME = Duration.ofMinutes(3);
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern HEAP = HostFirmware.HEAP_SUMMARY;
    private static final Map<String, Path> BUILT = new HashMap<>();
    private static final Map<String, Path> TREES = new HashMap<>();

    private RtFirmware() {}

    static Path serverRoot(String name) {
        return Espgen.repoRoot().resolve("generator/src/test/runtime-servers").resolve(name);
    }

    private static Path workRoot() {
        return Espgen.repoRoot().resolve("generator/target/rt-firmware");
    }

    /** The generated C tree of a server (compiled once per JVM). */
    static synchronized Path tree(String name) throws IOException {
        Path tree = TREES.get(name);
        if (tree == null) {
            Map<String, String> files = Espgen.generatedC(Espgen.compileClean(serverRoot(name)));
            Path dir = workRoot().resolve(name).resolve("espgen");
            deleteTree(dir);
            tree = Espgen.writeTree(files, dir);
            TREES.put(name, tree);
        }
        return tree;
    }

    /**
     * Builds a server with the host emulation: under ASan and UBSan when sanitize, else plain (for valgrind).
     * extraSources are C files of the server's directory (e.g. {@code espgen_test_allow_all.c}), extraFlags go to
     * gcc after the project's own.
     */
    static synchronized Path build(String name, boolean sanitize, List<String> extraSources, List<String> extraFlags)
            throws IOException {
        String key = name + "|" + sanitize + "|" + extraSources + "|" + extraFlags;
        Path exe = BUILT.get(key);
        if (exe != null) {
            return exe;
        }
        Path tree = tree(name);
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.filter(p -> p.toString().endsWith(".c")).sorted().forEach(sources::add);
        }
        for (String extra : extraSources) {
            sources.add(serverRoot(name).resolve(extra));
        }
        List<Path> includes = List.of(tree.resolve("include"), tree);
        Path buildDir = workRoot().resolve(name).resolve((sanitize ? "asan" : "plain")
                + (extraSources.isEmpty() && extraFlags.isEmpty() ? "" : "-" + Integer.toHexString(key.hashCode())));
        if (extraFlags.isEmpty()) {
            exe = HostFirmware.build(sources, includes, buildDir, sanitize);
        } else {
            exe = gcc(sources, includes, buildDir, sanitize, extraFlags);
        }
        BUILT.put(key, exe);
        return exe;
    }

    static Path build(String name, boolean sanitize) throws IOException {
        return build(name, sanitize, List.of(), List.of());
    }

    /** Builds a server's same generated tree for the FreeRTOS target, on the host (HostFirmware.buildRtos). */
    static synchronized Path buildRtos(String name, boolean sanitize) throws IOException {
        return buildRtos(name, sanitize, List.of());
    }

    /** As buildRtos, with defines for gcc (the credentials espgen_secrets.h would give). */
    static synchronized Path buildRtos(String name, boolean sanitize, List<String> defines) throws IOException {
        String key = "rtos|" + name + "|" + sanitize + "|" + defines;
        Path exe = BUILT.get(key);
        if (exe != null) {
            return exe;
        }
        Path tree = tree(name);
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.filter(p -> p.toString().endsWith(".c")).sorted().forEach(sources::add);
        }
        exe = HostFirmware.buildRtos(sources, List.of(tree.resolve("include"), tree),
                workRoot().resolve(name).resolve((sanitize ? "rtos-asan" : "rtos-plain")
                        + (defines.isEmpty() ? "" : "-" + Integer.toHexString(key.hashCode()))), sanitize, defines);
        BUILT.put(key, exe);
        return exe;
    }

    /** HostFirmware.build's command with extra flags (it takes none). */
    private static Path gcc(List<Path> sources, List<Path> includes, Path workDir, boolean sanitize,
            List<String> extraFlags) throws IOException {
        Files.createDirectories(workDir);
        List<Path> hostSources = HostSources.extract(workDir.resolve("espgen-host"));
        Path include = CRuntime.extractInclude(workDir.resolve("espgen-include"));
        Path exe = workDir.resolve(sanitize ? "firmware-asan" : "firmware").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(System.getProperty(HostFirmware.CC_PROPERTY, "gcc"),
                "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-g", "-O1", "-fwrapv"));
        if (sanitize) {
            cmd.add("-fsanitize=address,undefined");
            cmd.add("-fno-omit-frame-pointer");
        }
        for (Path dir : includes) {
            cmd.add("-I" + dir.toAbsolutePath());
        }
        cmd.add("-I" + include.toAbsolutePath());
        for (Path source : sources) {
            cmd.add(source.toAbsolutePath().toString());
        }
        for (Path source : hostSources) {
            cmd.add(source.toAbsolutePath().toString());
        }
        cmd.addAll(extraFlags);
        cmd.add("-o");
        cmd.add(exe.toString());
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("gcc did not finish: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("gcc failed (exit " + p.exitValue() + "):\n" + output + "\ncommand: "
                    + String.join(" ", cmd));
        }
        return exe;
    }

    /** Starts a built firmware on ephemeral ports with extra environment variables. */
    static HostFirmware.Running start(Path exe, Map<String, String> env) throws IOException {
        return HostFirmware.start(exe, List.of("--any-port", "--exit-after-ms", String.valueOf(LIFETIME.toMillis())),
                env, START_TIMEOUT);
    }

    static HostFirmware.Running start(Path exe) throws IOException {
        return start(exe, Map.of());
    }

    /** The exit code valgrind gives when it found an error or a leak. */
    static final int VALGRIND_ERROR_EXIT = 99;

    /** Starts a firmware built without sanitizers under valgrind's memcheck, leak check on. */
    static HostFirmware.Running startUnderValgrind(Path exe) throws IOException {
        Path valgrind = Stream.of("/usr/bin/valgrind", "/usr/local/bin/valgrind").map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IOException("valgrind not found: install it (scripts/setup does)"));
        List<String> args = List.of("--leak-check=full", "--show-leak-kinds=all",
                "--errors-for-leak-kinds=definite,possible", "--error-exitcode=" + VALGRIND_ERROR_EXIT,
                exe.toAbsolutePath().toString(), "--any-port", "--exit-after-ms", String.valueOf(LIFETIME.toMillis()));
        return HostFirmware.start(valgrind, args, Map.of(), Duration.ofSeconds(60));
    }

    /**
     * What valgrind said when the firmware stopped: no error, and no block the firmware allocated still in use. The
     * emulation's heap registry points at every live firmware block, so a block the firmware lost shows up as "still
     * reachable" from heap_alloc, not as "definitely lost": the loss records are searched for that frame.
     */
    static void assertValgrindClean(HostFirmware.Running fw) {
        String err = fw.stderr();
        assertThat(err).as("valgrind's report").contains("ERROR SUMMARY: 0 errors from 0 contexts");
        assertThat(err).as("firmware blocks in use at exit, as valgrind counts them").doesNotContain("heap_alloc (");
    }

    /**
     * Stops the firmware and checks how it ended: exit 0, no sanitizer or valgrind report, no SDK misuse, and the
     * heap summary at exactly 0 live allocations and 0 bytes. Returns the heap summary's line.
     */
    static String stopClean(HostFirmware.Running fw) throws InterruptedException {
        int exit = fw.stop();
        String err = fw.stderr();
        assertThat(err).as("stderr").doesNotContain("AddressSanitizer").doesNotContain("LeakSanitizer")
                .doesNotContain("runtime error").doesNotContain("SDK misuse").doesNotContain("fatal:");
        assertThat(exit).as("exit code; stdout:\n" + fw.stdout() + "\nstderr:\n" + err).isZero();
        Matcher heap = HEAP.matcher(fw.stdout());
        assertThat(heap.find()).as("heap summary in\n" + fw.stdout()).isTrue();
        assertThat(heap.group(1) + " live allocations, " + heap.group(2) + " bytes")
                .as("heap at exit; stderr:\n" + err).isEqualTo("0 live allocations, 0 bytes");
        return heap.group();
    }

    /** How many lines of stdout match regex (found anywhere in the line). */
    static int count(HostFirmware.Running fw, String regex) {
        Pattern p = Pattern.compile(regex);
        return (int) fw.stdout().lines().filter(l -> p.matcher(l).find()).count();
    }

    /** Waits (up to timeout) until at least n lines of stdout match regex; returns how many do. */
    static int awaitCount(HostFirmware.Running fw, String regex, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = count(fw, regex);
        while (seen < n && System.nanoTime() < deadline && fw.process().isAlive()) {
            Thread.sleep(5);
            seen = count(fw, regex);
        }
        assertThat(seen).as("lines matching /" + regex + "/ within " + timeout.toMillis() + " ms; stdout:\n"
                + fw.stdout() + "\nstderr:\n" + fw.stderr()).isGreaterThanOrEqualTo(n);
        return seen;
    }

    /** Waits (up to five seconds) until at least n lines of stderr, the emulation's own log, match regex. */
    static void awaitStderrCount(HostFirmware.Running fw, String regex, int n) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fw.stderr().lines().filter(l -> p.matcher(l).find()).count() < n && System.nanoTime() < deadline
                && fw.process().isAlive()) {
            Thread.sleep(5);
        }
        assertThat(fw.stderr().lines().filter(l -> p.matcher(l).find()).count())
                .as("lines of the emulation's log matching /" + regex + "/:\n" + fw.stderr()).isGreaterThanOrEqualTo(n);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
