package io.espgen.maven.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Copies what a running process has printed so far to a console stream, a part at a time: each call to
 * {@link #pump()} prints only what is new since the last one, and returns the lines it completed.
 */
public final class OutputPump {
    private final Supplier<String> source;
    private final PrintStream sink;
    private final StringBuilder partialLine = new StringBuilder();
    private int printed;

    /**
     * @param source everything the process has printed so far (it only grows)
     */
    public OutputPump(Supplier<String> source, PrintStream sink) {
        this.source = source;
        this.sink = sink;
    }

    /** Prints what is new; returns the lines completed by it, without their line ends. */
    public List<String> pump() {
        String all = source.get();
        if (all == null || all.length() <= printed) {
            return List.of();
        }
        String fresh = all.substring(printed);
        printed = all.length();
        sink.print(fresh);
        sink.flush();
        List<String> lines = new ArrayList<>();
        for (char c : fresh.toCharArray()) {
            if (c == '\n') {
                int end = partialLine.length();
                if (end > 0 && partialLine.charAt(end - 1) == '\r') {
                    partialLine.setLength(end - 1);
                }
                lines.add(partialLine.toString());
                partialLine.setLength(0);
            } else {
                partialLine.append(c);
            }
        }
        return lines;
    }
}
