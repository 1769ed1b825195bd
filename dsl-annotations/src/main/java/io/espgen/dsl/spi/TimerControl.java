package io.espgen.dsl.spi;

import java.util.Objects;

/**
 * Where {@link io.espgen.dsl.Timers} goes on the current thread: a hook for whatever runs handlers on the JVM (the
 * JVM reference server installs one on its thread); handler bodies do not use it.
 */
public final class TimerControl {

    /** The server's one-shot timers, by their handler's name; millis is already clamped. */
    public interface Host {
        void start(String handler, int millis);

        void cancel(String handler);
    }

    private static final ThreadLocal<Host> HOST = new ThreadLocal<>();

    private TimerControl() {}

    public static void install(Host host) {
        HOST.set(Objects.requireNonNull(host, "host"));
    }

    public static void remove() {
        HOST.remove();
    }

    /** This thread's host, or {@code null} outside a server's thread. */
    public static Host current() {
        return HOST.get();
    }
}
