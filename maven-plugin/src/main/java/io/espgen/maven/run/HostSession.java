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

    /**
     * {@link #serve} with a shutdown hook that stops the emulation when this JVM is asked to end (Ctrl-C,
     * SIGTERM): the firmware gets SIGTERM, and is killed when it has not ended within HostFirmware's stop timeout,
     * so it never outlives the JVM (a firmware stuck in a callback ends on its own watchdog thread's check).
     * Returns the exit status; {@link #stopping()} then says whether the hook stopped it.
     *
     * @param stopped runs on the hook's thread once the emulation has ended
     */
    public int serveUntilShutdown(Duration poll, Runnable stopped) throws InterruptedException {
        Thread hook = new Thread(() -> {
            try {
                stop();
                stopped.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "espgen-host-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return serve(poll);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is stopping the emulation
            }
            if (!stopping) {
                running.close();
            }
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
