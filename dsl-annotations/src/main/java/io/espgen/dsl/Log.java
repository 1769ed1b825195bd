package io.espgen.dsl;

import io.espgen.dsl.spi.LogSink;
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
 * <p>On the JVM a line is {@code String.format} of the same format. In a handler run by the JVM reference
 * server ({@code io.espgen.dsl.jvm.JvmServer}, artifact {@code espgen-jvm-reference}) it is prefixed as in the
 * firmware ({@code "EchoServer: "}), through the {@link LogSink} that server installs; called outside a
 * server, it is printed as is.
 */
public final class Log {

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
        Consumer<String> sink = LogSink.current();
        if (sink != null) {
            sink.accept(line);
        } else {
            System.out.println(line);
        }
    }
}
