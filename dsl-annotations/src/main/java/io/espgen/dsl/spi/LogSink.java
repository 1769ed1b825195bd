package io.espgen.dsl.spi;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where {@link io.espgen.dsl.Log}'s lines go on the current thread instead of standard output. A hook for
 * whatever runs handlers on the JVM (the JVM reference server, artifact {@code espgen-jvm-reference},
 * installs one on its thread to prefix the server's name and keep the lines); handler bodies do not use it,
 * and the processor does not translate it.
 */
public final class LogSink {

    private static final ThreadLocal<Consumer<String>> SINK = new ThreadLocal<>();

    private LogSink() {}

    /** Sends this thread's log lines (without the newline) to sink until {@link #remove()}. */
    public static void install(Consumer<String> sink) {
        SINK.set(Objects.requireNonNull(sink, "sink"));
    }

    /** Sends this thread's log lines to standard output again. */
    public static void remove() {
        SINK.remove();
    }

    /** This thread's sink, or {@code null} when its lines go to standard output. */
    public static Consumer<String> current() {
        return SINK.get();
    }
}
