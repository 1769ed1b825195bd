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

    /**
     * The levels, most severe first. The build chooses one ({@code esp.logLevel}, {@link #INFO} by default): calls
     * of a less severe level are left out of the firmware at compile time, so their formats cost no flash, and
     * their arguments, which may therefore not change anything, are not evaluated.
     */
    public enum Level {
        NONE, ERROR, WARN, INFO, DEBUG
    }

    /** The level the JVM prints at, as a firmware built with the same {@code esp.logLevel} would. */
    private static volatile Level level = Level.INFO;

    /** Sets the level for the JVM (a test of a firmware built with another {@code esp.logLevel}). */
    public static void setLevel(Level newLevel) {
        level = newLevel;
    }

    /** Writes an error line, prefixed {@code error: }. */
    public static void error(String format, Object... args) {
        write(Level.ERROR, "error: ", format, args);
    }

    /** Writes a warning line, prefixed {@code warning: }. */
    public static void warn(String format, Object... args) {
        write(Level.WARN, "warning: ", format, args);
    }

    /** Writes an informational line. */
    public static void info(String format, Object... args) {
        write(Level.INFO, "", format, args);
    }

    /** Writes a debugging line, prefixed {@code debug: }; left out of the firmware unless {@code esp.logLevel=DEBUG}. */
    public static void debug(String format, Object... args) {
        write(Level.DEBUG, "debug: ", format, args);
    }

    private static void write(Level at, String prefix, String format, Object[] args) {
        if (at.compareTo(level) > 0) {
            return;
        }
        String line = prefix + String.format(Locale.ROOT, format, args);
        Consumer<String> sink = LogSink.current();
        if (sink != null) {
            sink.accept(line);
        } else {
            System.out.println(line);
        }
    }
}
