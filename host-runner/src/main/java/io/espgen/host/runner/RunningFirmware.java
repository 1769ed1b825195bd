package io.espgen.host.runner;

import io.espgen.dsl.host.HostFirmware;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A firmware started by {@link HostRunner}, as a test sees it. */
final class RunningFirmware implements HostFirmware {
    private static final Duration HEAP_TIMEOUT = Duration.ofSeconds(30);

    /** What the sanitizers print when they find an error (the exit status says it too, unless told otherwise). */
    private static final Pattern SANITIZER_REPORT = Pattern.compile(
            "ERROR: (?:AddressSanitizer|LeakSanitizer)|runtime error: ");

    /** host_gpio.c's line for the pins' control socket. */
    private static final Pattern GPIO_CONTROL = Pattern.compile(
            "(?m)^espgen-host: gpio control on 127\\.0\\.0\\.1:(\\d+)$");

    private final io.espgen.host.HostFirmware.Running running;
    private final int port;
    private EmulatedPins pins;
    private boolean closed;

    RunningFirmware(io.espgen.host.HostFirmware.Running running, int port) {
        this.running = running;
        this.port = port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String awaitLog(String text, Duration timeout) {
        try {
            return running.awaitStdout("^.*" + Pattern.quote(text) + ".*$", timeout).group();
        } catch (IllegalStateException e) {
            Process p = running.process();
            if (!p.isAlive()) {
                throw new AssertionError(Messages.exitedBeforeLogLine(text, p.exitValue(), running.stdout(),
                        running.stderr()), e);
            }
            throw new AssertionError(Messages.noLogLine(text, timeout, running.stdout(), running.stderr()), e);
        }
    }

    @Override
    public List<String> log() {
        String out = running.stdout();
        int end = out.lastIndexOf('\n');
        return end < 0 ? List.of() : out.substring(0, end).lines().toList();
    }

    @Override
    public Heap heap() {
        if (running.process().isAlive()) {
            try {
                return heap(running.requestHeap(HEAP_TIMEOUT));
            } catch (IOException | IllegalStateException e) {
                if (running.process().isAlive()) {
                    throw new AssertionError(Messages.startFailed(String.valueOf(e.getMessage())), e);
                }
                // it stopped meanwhile: what it printed as it exited
            }
        }
        Matcher m = io.espgen.host.HostFirmware.HEAP_REPORT.matcher(running.stdout());
        MatchResult last = null;
        while (m.find()) {
            last = m.toMatchResult();
        }
        if (last == null) {
            throw new AssertionError(Messages.noHeapReport(running.stdout()));
        }
        return heap(last);
    }

    private static Heap heap(MatchResult m) {
        return new Heap(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    @Override
    public synchronized Pins pins() {
        if (pins == null) {
            // printed before "ready", so it is in the output already (HostRunner asks for the socket)
            Matcher m = GPIO_CONTROL.matcher(running.stdout());
            if (!m.find()) {
                throw new AssertionError(Messages.noPinControl(running.stdout()));
            }
            pins = new EmulatedPins(Integer.parseInt(m.group(1)));
        }
        return pins;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            if (pins != null) {
                pins.close();
            }
        }
        int code;
        try {
            code = running.stop();
        } catch (InterruptedException e) {
            running.process().destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(Messages.startFailed("interrupted while stopping it"), e);
        }
        String stderr = running.stderr();
        if (code != 0) {
            throw new AssertionError(Messages.failedOnStop(code, stderr));
        }
        if (SANITIZER_REPORT.matcher(stderr).find()) {
            throw new AssertionError(Messages.sanitizerReport(stderr));
        }
    }

    /** The emulation's process (tests of this module look at which executable it runs). */
    Process process() {
        return running.process();
    }

    @Override
    public String toString() {
        return "firmware on 127.0.0.1:" + port + " (" + running + ")";
    }
}
