package io.espgen.dsl;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The firmware's log: {@code os_printf} on the serial port (74880 baud at boot, then the SDK's setting),
 * standard output on the host emulation. Each call writes one line, prefixed by the server's name.
 *
 * <p>The format is a string literal with {@code %d} (int), {@code %x} (int, hexadecimal, as unsigned),
 * {@code %c} (char), {@code %s} (a string literal) and {@code %%}; the processor checks it against the
 * arguments at compile time.
 *
 * <p>On the JVM ({@link io.espgen.dsl.jvm.JvmServer}) a line is {@code String.format} of the same format,
 * prefixed as in the firmware ({@code "EchoServer: "}); called outside a server, it is printed as is.
 */
public final class Log {

    /**
     * Where this thread's lines go instead of standard output: the JVM reference server sets it on its
     * thread to add the server's prefix and keep the lines (io.espgen.dsl.jvm reaches it reflectively).
     */
    static final ThreadLocal<Consumer<String>> SINK = new ThreadLocal<>();

    private Log() {}

    /** Writes an informational line. */
    public static void info(String format, Object... args) {
        write(String.format(Locale.ROOT, format, args));
    }

    /** Writes a warning line. */
    public static void warn(String format, Object... args) {
        write("warning: " + String.format(Locale.ROOT, format, args));
    }

    private static void write(String line) {
        Consumer<String> sink = SINK.get();
        if (sink != null) {
            sink.accept(line);
        } else {
            System.out.println(line);
        }
    }
}
