package io.espgen.serial.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java handler behind a line of generated C: the generated function's head comment names it and its line,
 * {@code /* @OnReceive EchoServer.echo(Connection c, Session s, Bytes data), EchoServer.java:26 *}{@code /}, found
 * by walking up from the line to the comment above its function. (With the processor's
 * {@code -Aespgen.lineDirectives=true} the debug information names the Java file and line itself.)
 */
public final class JavaLines {
    private static final Pattern HANDLER_COMMENT = Pattern.compile(
            "^/\\* (?:@\\w+ )?(\\S+?)(?:\\(.*\\))?, (\\w+\\.java):(\\d+) \\*/$");

    private final Map<Path, List<String>> files = new HashMap<>();

    /** The Java location of the frame, or empty when its C carries none. */
    public Optional<String> of(Frame frame) {
        if (!frame.known()) {
            return Optional.empty();
        }
        List<String> lines = read(Path.of(frame.file()));
        if (lines == null || frame.line() < 1 || frame.line() > lines.size()) {
            return Optional.empty();
        }
        for (int i = frame.line() - 1; i >= 0; i--) {
            String l = lines.get(i);
            Matcher m = HANDLER_COMMENT.matcher(l);
            if (m.matches()) {
                return Optional.of(m.group(1) + " (" + m.group(2) + ":" + m.group(3) + ")");
            }
            // the end of the function before: the line is in a function no handler comment heads
            if (l.startsWith("}") && i < frame.line() - 1) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<String> read(Path file) {
        return files.computeIfAbsent(file, f -> {
            try {
                return Files.isRegularFile(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                return null;
            }
        });
    }
}
