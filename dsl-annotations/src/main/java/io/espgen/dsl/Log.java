package io.espgen.dsl;

/**
 * The firmware's log: {@code os_printf} on the serial port (74880 baud at boot, then the SDK's setting),
 * standard output on the host emulation. Each call writes one line, prefixed by the server's name.
 *
 * <p>The format is a string literal with {@code %d} (int), {@code %x} (int, hexadecimal, as unsigned),
 * {@code %c} (char), {@code %s} (a string literal) and {@code %%}; the processor checks it against the
 * arguments at compile time.
 */
public final class Log {

    private Log() {}

    /** Writes an informational line. */
    public static void info(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    /** Writes a warning line. */
    public static void warn(String format, Object... args) {
        System.out.println("warning: " + String.format(format, args));
    }
}
