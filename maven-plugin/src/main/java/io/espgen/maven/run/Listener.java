package io.espgen.maven.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A port the host emulation listens on, as it announces it:
 * {@code espgen-host: listening on 127.0.0.1:HOST (firmware port FW)}.
 */
public record Listener(String host, int hostPort, int firmwarePort) {
    private static final Pattern LINE = Pattern.compile(
            "espgen-host: listening on ([^\\s:]+):(\\d{1,5}) \\(firmware port (\\d{1,5})\\)\\s*");

    /** The announcement in one line of the emulation's output, if it is one. */
    public static Optional<Listener> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Listener(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }
}
