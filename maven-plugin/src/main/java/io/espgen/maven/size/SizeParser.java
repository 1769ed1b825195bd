package io.espgen.maven.size;

import java.util.ArrayList;
import java.util.List;

/** Reads the output of {@code xtensa-lx106-elf-size -A -d} for one object. */
public final class SizeParser {
    private SizeParser() {
    }

    /** One section line: name and size in bytes. */
    public record Section(String name, long size) {
    }

    /**
     * The section lines: those between the {@code section size addr} header and the {@code Total} line.
     *
     * @throws IllegalArgumentException when the text is not System V size output
     */
    public static List<Section> parse(String output) {
        List<Section> sections = new ArrayList<>();
        boolean inTable = false;
        boolean sawTotal = false;
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = line.split("\\s+");
            if (!inTable) {
                inTable = cols.length == 3 && cols[0].equals("section") && cols[1].equals("size");
                continue;
            }
            if (cols[0].equals("Total")) {
                sawTotal = true;
                break;
            }
            if (cols.length != 3) {
                throw new IllegalArgumentException("unexpected line in size output: " + line);
            }
            try {
                sections.add(new Section(cols[0], Long.parseLong(cols[1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unexpected line in size output: " + line, e);
            }
        }
        if (!sawTotal) {
            throw new IllegalArgumentException("not the output of size -A: " + output.strip());
        }
        return sections;
    }
}
