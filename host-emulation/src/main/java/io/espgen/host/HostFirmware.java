package io.espgen.host;

import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds a firmware's C sources with the host emulation into a Linux executable, and runs it. */
public final class HostFirmware {

    /** The line the emulation prints once user_init has returned. */
    public static final String READY_LINE = "espgen-host: ready";

    /** The line the emulation prints for every espconn_accept: host port, then firmware port. */
    public static final Pattern LISTENING = Pattern.compile(
            "(?m)^espgen-host: listening on 127\\.0\\.0\\.1:(\\d+) \\(firmware port (\\d+)\\)$");

    /** The line the emulation prints when it stops: live firmware allocations, then bytes. */
    public static final Pattern HEAP_SUMMARY = Pattern.compile(
            "(?m)^espgen-host: heap: (\\d+) live allocations, (\\d+) bytes$");

    /**
     * The two heap lines the emulation prints when it stops and on SIGUSR1: bytes free of its budget and the peak,
     * then the live allocations and their bytes.
     */
    public static final Pattern HEAP_REPORT = Pattern.compile(
            "(?m)^espgen-host: heap: (\\d+) bytes free, peak (\\d+) bytes\n"
            + "espgen-host: heap: (\\d+) live allocations, (\\d+) bytes$");

    /**
     * Environment variable: "1" makes the emulation trace, on stdout, what the firmware's connections do (the line
     * formats are in the emulation's README). {@link Running#traffic} reads those lines.
     */
    public static final String TRACE_ENV = "ESPGEN_HOST_TRACE";

    /**
     * A trace line about one connection: remote port, host port, then either its end (or refusal), or the callback
     * that returned with the connection's counts.
     */
    private static final Pattern TRACE_CONNECTION = Pattern.compile(
            "^espgen-host: trace 127\\.0\\.0\\.1:(\\d+) on (\\d+)"
            + " (?:(?:end|refused)|[a-z-]+(?: \\d+)?: received (\\d+), sent (\\d+), unacked (\\d+))$");

    /** The trace line the emulation prints when it has nothing ready to run: it waits for the network. */
    private static final String TRACE_IDLE = "espgen-host: trace idle";

    /** System property naming the C compiler; "gcc" when unset. */
    public static final String CC_PROPERTY = "espgen.host.cc";

    /** System property: "true" echoes the firmware's output to this JVM's stdout/stderr. */
    public static final String ECHO_PROPERTY = "espgen.host.echo";

    private static final Pattern READY = Pattern.compile("(?m)^" + Pattern.quote(READY_LINE) + "$");
    private static final long GCC_TIMEOUT_MINUTES = 5;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private HostFirmware() {
    }

    /** Compiles with host gcc: -std=gnu11 -Wall -Wextra -Werror -g -O1 -fwrapv, plus -fsanitize=address,undefined -fno-omit-frame-pointer when sanitize; includeDirs as -I. Throws IOException carrying gcc's output when it fails; throws IOException with a clear one-line message when gcc is missing. */
    public static Path build(List<Path> firmwareSources, List<Path> includeDirs, Path workDir, boolean sanitize)
            throws IOException {
        return build(firmwareSources, includeDirs, workDir, sanitize, List.of());
    }

    /**
     * As {@link #build(List, List, Path, boolean)}, with defines ({@code -DESPGEN_LOG_LEVEL=4}, as the chip's
     * build takes them) added to the compile.
     */
    public static Path build(List<Path> firmwareSources, List<Path> includeDirs, Path workDir, boolean sanitize,
            List<String> defines) throws IOException {
        return build(firmwareSources, includeDirs, workDir, sanitize, defines, System.getProperty(CC_PROPERTY, "gcc"));
    }

    public static Path build(List<Path> firmwareSources, List<Path> includeDirs, Path workDir, boolean sanitize,
            String compiler) throws IOException {
        return build(firmwareSources, includeDirs, workDir, sanitize, List.of(), compiler);
    }

    /**
     * As {@link #build(List, List, Path, boolean)} with the compiler named. The host emulation's sources go to
     * {@code workDir/espgen-host}, the project's headers to {@code workDir/espgen-include} (added to the include path
     * after includeDirs), the executable to {@code workDir/firmware} ({@code firmware-asan} when sanitized).
     */
    public static Path build(List<Path> firmwareSources, List<Path> includeDirs, Path workDir, boolean sanitize,
            List<String> defines, String compiler) throws IOException {
        if (firmwareSources.isEmpty()) {
            throw new IllegalArgumentException("no firmware sources");
        }
        Files.createDirectories(workDir);
        List<Path> hostSources = HostSources.extract(workDir.resolve("espgen-host"));
        Path include = CRuntime.extractInclude(workDir.resolve("espgen-include"));
        Path exe = workDir.resolve(sanitize ? "firmware-asan" : "firmware").toAbsolutePath();
        List<Path> allSources = new ArrayList<>(firmwareSources);
        allSources.addAll(hostSources);
        List<Path> allIncludes = new ArrayList<>(includeDirs);
        allIncludes.add(include);
        return gcc(command(compiler, defines, sanitize, allIncludes, allSources, exe), compiler, workDir, exe);
    }

    /** gcc's command line: the project's flags, the sanitizers when asked for, then defines, -I, sources, -o. */
    private static List<String> command(String compiler, List<String> defines, boolean sanitize, List<Path> includeDirs,
            List<Path> sources, Path exe) {
        List<String> cmd = new ArrayList<>(List.of(compiler,
                "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-g", "-O1", "-fwrapv"));
        if (sanitize) {
            cmd.add("-fsanitize=address,undefined");
            cmd.add("-fno-omit-frame-pointer");
        }
        cmd.addAll(defines);
        for (Path dir : includeDirs) {
            cmd.add("-I" + dir.toAbsolutePath());
        }
        for (Path source : sources) {
            cmd.add(source.toAbsolutePath().toString());
        }
        cmd.add("-o");
        cmd.add(exe.toString());
        return cmd;
    }

    /**
     * Builds a firmware's generated C for the FreeRTOS target (ESP8266_RTOS_SDK 3.x) on the host: the tree's sources
     * but {@link CRuntime#RTOS_REPLACED}, the target's own runtime files ({@code workDir/espgen-rtos}, on the include
     * path after includeDirs, then the project's headers, {@code workDir/espgen-include}) and its host layer
     * ({@code workDir/espgen-rtos-host}: Linux sockets, the task as a thread, the pins of the NONOS emulation), with {@code -DESPGEN_TARGET_RTOS -DESPGEN_RTOS_HOST}. The executable ({@code workDir/firmware-rtos},
     * {@code firmware-rtos-asan} when sanitized) speaks as the NONOS emulation does: {@link #start} runs it.
     */
    public static Path buildRtos(List<Path> firmwareSources, List<Path> includeDirs, Path workDir, boolean sanitize)
            throws IOException {
        return buildRtos(firmwareSources, includeDirs, workDir, sanitize, List.of());
    }

    /** As {@link #buildRtos(List, List, Path, boolean)}, with defines (-DNAME=value) after the target's own. */
    public static Path buildRtos(List<Path> firmwareSources, List<Path> includeDirs, Path workDir, boolean sanitize,
            List<String> defines) throws IOException {
        return buildRtos(firmwareSources, includeDirs, workDir, sanitize, defines,
                System.getProperty(CC_PROPERTY, "gcc"));
    }

    /** As {@link #buildRtos(List, List, Path, boolean, List)} with the compiler named. */
    public static Path buildRtos(List<Path> firmwareSources, List<Path> includeDirs, Path workDir, boolean sanitize,
            List<String> defines, String compiler) throws IOException {
        String replaced = Path.of(CRuntime.RTOS_REPLACED).getFileName().toString();
        List<Path> sources = firmwareSources.stream()
                .filter(p -> !(p.getFileName().toString().equals(replaced) && p.getParent() != null
                        && p.getParent().getFileName().toString().equals("runtime")))
                .toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no firmware sources");
        }
        Files.createDirectories(workDir);
        Path rtosDir = workDir.resolve("espgen-rtos");
        List<Path> rtosSources = CRuntime.extractRtos(rtosDir);
        List<Path> hostSources = HostSources.extractRtos(workDir.resolve("espgen-rtos-host"));
        Path exe = workDir.resolve(sanitize ? "firmware-rtos-asan" : "firmware-rtos").toAbsolutePath();
        List<Path> allSources = new ArrayList<>(sources);
        allSources.addAll(rtosSources);
        allSources.addAll(hostSources);
        List<Path> allIncludes = new ArrayList<>(includeDirs);
        allIncludes.add(rtosDir);
        allIncludes.add(CRuntime.extractInclude(workDir.resolve("espgen-include"))); // espgen_gpio.h for host_gpio.c
        List<String> flags = new ArrayList<>(List.of("-pthread", "-D" + CRuntime.RTOS_DEFINE, "-DESPGEN_RTOS_HOST"));
        flags.addAll(defines);
        List<String> cmd = command(compiler, flags, sanitize, allIncludes, allSources, exe);
        return gcc(cmd, compiler, workDir, exe);
    }

    private static Path gcc(List<String> cmd, String compiler, Path workDir, Path exe) throws IOException {
        Process gcc;
        try {
            gcc = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new CompilerMissing(compiler, e);
        }
        gcc.getOutputStream().close();
        String output;
        int exit;
        try (InputStream in = gcc.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(GCC_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                gcc.destroyForcibly();
                throw new IOException("gcc did not finish within " + GCC_TIMEOUT_MINUTES + " minutes: "
                        + String.join(" ", cmd));
            }
            exit = gcc.exitValue();
        } catch (InterruptedException e) {
            gcc.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        }
        if (exit != 0) {
            throw new IOException("gcc failed (exit " + exit + "):\n" + output + "\ncommand: " + String.join(" ", cmd));
        }
        return exe;
    }

    /** The C compiler could not be started: not installed, or not on the PATH. The message says what to install. */
    public static final class CompilerMissing extends IOException {
        private static final long serialVersionUID = 1L;

        CompilerMissing(String compiler, IOException cause) {
            super("C compiler '" + compiler + "' not found: the host emulation needs gcc on the PATH"
                    + " (Debian: apt-get install gcc), or -D" + CC_PROPERTY + "=<compiler>", cause);
        }
    }

    /** Starts exe with args, waits (up to timeout) until every listener printed its "listening on" line, returns the running firmware. stdout/stderr are captured (and optionally echoed). */
    public static Running start(Path exe, List<String> args, Duration timeout) throws IOException {
        return start(exe, args, Map.of(), timeout);
    }

    /**
     * As {@link #start(Path, List, Duration)} with extra environment variables (for instance
     * {@code ESPGEN_HOST_MALLOC_FAIL_AT}). "Every listener" is every one opened by user_pre_init and user_init: the
     * emulation prints {@value #READY_LINE} once user_init has returned. Unless env says otherwise, UBSAN_OPTIONS makes
     * undefined behaviour fatal. The output is echoed when the system property {@value #ECHO_PROPERTY} is "true".
     */
    public static Running start(Path exe, List<String> args, Map<String, String> env, Duration timeout)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toAbsolutePath().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putIfAbsent("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1");
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        Proc running = new Proc(process, timeout, Boolean.getBoolean(ECHO_PROPERTY));
        try {
            running.await(READY, timeout);
        } catch (IllegalStateException e) {
            boolean exited = running.exited();
            // stopping joins the output pumps: the exception gets every line the firmware printed
            running.close();
            throw running.startFailure(exited, timeout, e);
        }
        return running;
    }

    /**
     * One connection as the emulation's trace ({@value #TRACE_ENV}=1) last showed it.
     *
     * @param received bytes the emulation read for the firmware's recv callback (with any it dropped for want of
     *        heap, as the SDK does)
     * @param sent bytes the firmware handed to espconn_send
     * @param unacked bytes of those the peer has not acknowledged yet: their sent callback is still to come
     * @param idle whether, since the connection's last callback, the emulation has had nothing left to run (no
     *        posted task, no deferred SDK event such as a queued close): all the firmware set in motion has been
     *        done, but for waiting on the network
     * @param ended whether the connection has ended and its disconnect (or reconnect) callback has returned
     */
    public record Traffic(long received, long sent, long unacked, boolean idle, boolean ended) {
        /** Neither anything the firmware sent awaits its ack, nor anything it set in motion is still to run. */
        public boolean settled() {
            return unacked == 0 && idle;
        }
    }

    /** A firmware running on the host emulation. */
    public interface Running extends AutoCloseable {
        /** The host port the firmware's listener for firmwarePort is on. */
        int port(int firmwarePort);

        /**
         * The connection from 127.0.0.1:remotePort to the listener on 127.0.0.1:hostPort as the trace last showed it;
         * empty before the connect callback of that connection has returned, and always without {@value #TRACE_ENV}=1
         * in the firmware's environment. A client refused over a limit shows as ended at once, with nothing received.
         * A later connection from the same port replaces an ended one. (Empty unless implemented.)
         */
        default Optional<Traffic> traffic(int hostPort, int remotePort) {
            return Optional.empty();
        }

        /** Everything printed so far on stdout (and stderr separately). */
        String stdout();

        String stderr();

        /** Sends SIGTERM (as Process.destroy does), waits, returns the exit code; the output printed while stopping is kept. */
        int stop() throws InterruptedException;

        java.lang.Process process();

        /**
         * Waits until stdout matches regex (searched from its beginning, multi-line mode) and returns the first match.
         * Throws IllegalStateException, carrying both outputs, when timeout passes or the firmware exits first.
         */
        MatchResult awaitStdout(String regex, Duration timeout);

        /**
         * Asks the running emulation for its heap (SIGUSR1) and returns the {@link #HEAP_REPORT} it prints in
         * answer. Throws IllegalStateException, carrying both outputs, when timeout passes or the firmware exits first.
         * (Unsupported unless implemented.)
         */
        default MatchResult requestHeap(Duration timeout) throws IOException {
            throw new UnsupportedOperationException("requestHeap");
        }

        /** Waits for the process to exit by itself and for its output to be read; returns the exit code. Throws IllegalStateException on timeout. */
        int awaitExit(Duration timeout) throws InterruptedException;

        @Override
        void close();
    }

    private static final class Proc implements Running {
        private final Process process;
        private final Duration portTimeout;
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();
        /** The trace's connections, by host port and remote port; guarded by this. */
        private final Map<List<Integer>, Traffic> traffic = new HashMap<>();
        /** stdout's last line while it is incomplete; only the stdout pump touches it. */
        private final StringBuilder outLine = new StringBuilder();
        private final Thread outPump;
        private final Thread errPump;
        private boolean outDone;

        Proc(Process process, Duration portTimeout, boolean echo) {
            this.process = process;
            this.portTimeout = portTimeout;
            long pid = process.pid();
            outPump = pump(process.getInputStream(), out, echo ? System.out : null, "espgen-host-" + pid + "-out");
            errPump = pump(process.getErrorStream(), err, echo ? System.err : null, "espgen-host-" + pid + "-err");
        }

        private Thread pump(InputStream in, StringBuilder sink, PrintStream echo, String name) {
            Thread t = new Thread(() -> {
                char[] buf = new char[8192];
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    int n;
                    while ((n = r.read(buf)) > 0) {
                        synchronized (this) {
                            sink.append(buf, 0, n);
                            if (sink == out) {
                                trace(buf, n);
                            }
                            notifyAll();
                        }
                        if (echo != null) {
                            echo.print(new String(buf, 0, n));
                            echo.flush();
                        }
                    }
                } catch (IOException e) {
                    // the process went away; what was read stays
                } finally {
                    synchronized (this) {
                        if (sink == out) {
                            outDone = true;
                        }
                        notifyAll();
                    }
                }
            }, name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** Follows the trace in what stdout just gave; called with this locked, so traffic and out agree. */
        private void trace(char[] buf, int n) {
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    outLine.append(buf[i]);
                    continue;
                }
                String line = outLine.toString();
                outLine.setLength(0);
                if (line.equals(TRACE_IDLE)) {
                    traffic.replaceAll((k, t) -> t.idle() ? t
                            : new Traffic(t.received(), t.sent(), t.unacked(), true, t.ended()));
                    continue;
                }
                Matcher m = TRACE_CONNECTION.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                List<Integer> key = List.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                Traffic t;
                if (m.group(3) == null) {
                    Traffic last = traffic.get(key);
                    t = last == null || last.ended() ? new Traffic(0, 0, 0, false, true)
                            : new Traffic(last.received(), last.sent(), last.unacked(), false, true);
                } else {
                    t = new Traffic(Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                            false, false);
                }
                traffic.put(key, t);
            }
        }

        @Override
        public synchronized Optional<Traffic> traffic(int hostPort, int remotePort) {
            return Optional.ofNullable(traffic.get(List.of(hostPort, remotePort)));
        }

        synchronized MatchResult await(Pattern pattern, Duration timeout) {
            return await(pattern, 0, timeout);
        }

        /** As {@link #await(Pattern, Duration)}, searching stdout from index from. */
        synchronized MatchResult await(Pattern pattern, int from, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Matcher m = pattern.matcher(out);
                if (m.find(from)) {
                    return m.toMatchResult();
                }
                if (outDone) {
                    throw new IllegalStateException("the firmware exited (" + exitText() + ") before printing /"
                            + pattern + "/" + outputs());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for /"
                            + pattern + "/" + outputs());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for /" + pattern + "/", e);
                }
            }
        }

        /** Whether stdout has ended: the firmware exited (or closed it). */
        synchronized boolean exited() {
            return outDone;
        }

        /** Why the firmware never printed the ready line, without the pattern waited for. */
        synchronized HostStartException startFailure(boolean exited, Duration timeout, IllegalStateException e) {
            Integer code = exited && !process.isAlive() ? process.exitValue() : null;
            String message = code != null ? "the firmware exited (exit " + code + ") before it was ready"
                    : "the firmware was not ready after " + timeout.toMillis() + " ms";
            return new HostStartException(message, code, out.toString(), err.toString(), e);
        }

        private String exitText() {
            return process.isAlive() ? "still running" : "exit " + process.exitValue();
        }

        private synchronized String outputs() {
            return "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }

        @Override
        public int port(int firmwarePort) {
            MatchResult m = await(Pattern.compile("(?m)^espgen-host: listening on 127\\.0\\.0\\.1:(\\d+) \\(firmware port "
                    + firmwarePort + "\\)$"), portTimeout);
            return Integer.parseInt(m.group(1));
        }

        @Override
        public synchronized String stdout() {
            return out.toString();
        }

        @Override
        public synchronized String stderr() {
            return err.toString();
        }

        @Override
        public int stop() throws InterruptedException {
            if (process.isAlive()) {
                // SIGTERM through the handle: Process.destroy() would also close the pipes and lose the
                // output the firmware prints while stopping (the heap summary).
                process.toHandle().destroy();
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
            }
            joinPumps();
            return process.exitValue();
        }

        @Override
        public MatchResult requestHeap(Duration timeout) throws IOException {
            int from;
            synchronized (this) {
                from = out.length();
            }
            // SIGUSR1: Process and ProcessHandle send only SIGTERM and SIGKILL
            Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            try {
                if (kill.waitFor() != 0) {
                    throw new IOException("kill -USR1 " + process.pid() + " failed: "
                            + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted asking for the heap", e);
            }
            return await(HEAP_REPORT, from, timeout);
        }

        @Override
        public int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the firmware did not exit within " + timeout.toMillis() + " ms"
                        + outputs());
            }
            joinPumps();
            return process.exitValue();
        }

        private void joinPumps() throws InterruptedException {
            outPump.join(STOP_TIMEOUT.toMillis());
            errPump.join(STOP_TIMEOUT.toMillis());
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public MatchResult awaitStdout(String regex, Duration timeout) {
            return await(Pattern.compile(regex, Pattern.MULTILINE), timeout);
        }

        @Override
        public void close() {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String toString() {
            return "firmware pid " + process.pid() + " (" + exitText() + ")";
        }
    }
}
