package io.espgen.maven.run;

import io.espgen.host.HostFirmware;
import io.espgen.maven.Messages;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a started host emulation: copies its output to the console, announces every address it listens
 * on, and returns when it exits. {@link #stop()} (from a shutdown hook on Ctrl-C) ends it.
 */
public final class HostSession {
    private final HostFirmware.Running running;
    private final OutputPump out;
    private final OutputPump err;
    private final Consumer<String> info;
    private final Set<Listener> announced = new LinkedHashSet<>();
    private volatile boolean stopping;

    /**
     * @param info receives the plugin's own lines (addresses, the Ctrl-C hint)
     */
    public HostSession(HostFirmware.Running running, PrintStream stdout, PrintStream stderr, Consumer<String> info) {
        this.running = running;
        this.out = new OutputPump(running::stdout, stdout);
        this.err = new OutputPump(running::stderr, stderr);
        this.info = info;
    }

    /** Copies output until the emulation exits; returns its exit status. */
    public int serve(Duration poll) throws InterruptedException {
        Process process = running.process();
        boolean hinted = false;
        while (true) {
            boolean exited = !process.isAlive();
            pump();
            if (!hinted && !announced.isEmpty()) {
                info.accept(Messages.stopHint());
                hinted = true;
            }
            if (exited) {
                return process.exitValue();
            }
            process.waitFor(poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void pump() {
        for (String line : out.pump()) {
            Listener.parse(line).filter(announced::add).ifPresent(l ->
                    info.accept(Messages.serving(l.host(), l.hostPort(), l.firmwarePort())));
        }
        err.pump();
    }

    /** The addresses announced so far. */
    public List<Listener> listeners() {
        return List.copyOf(announced);
    }

    /** Whether {@link #stop()} was called: an exit status then is the stop's doing, not a failure. */
    public boolean stopping() {
        return stopping;
    }

    /** Stops the emulation and prints what it still had to say. */
    public int stop() throws InterruptedException {
        stopping = true;
        int code = running.stop();
        pump();
        return code;
    }
}
