package io.espgen.maven.image;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The section table as {@code xtensa-lx106-elf-readelf -S -W} prints it: the tests' independent view. */
record ReadElf(int index, String name, String type, long addr, long offset, long size, String flags) {
    private static final Pattern ROW = Pattern.compile("^\\s*\\[\\s*(\\d+)]\\s+(.*)$");

    static List<ReadElf> parse(String output) {
        List<ReadElf> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            String[] cols = m.group(2).trim().split("\\s+");
            if (index == 0) {
                out.add(new ReadElf(0, "", cols[0], 0, 0, 0, ""));
                continue;
            }
            // name type addr off size es [flags] lk inf al
            String flags = cols.length == 10 ? cols[6] : "";
            out.add(new ReadElf(index, cols[0], cols[1], Long.parseLong(cols[2], 16), Long.parseLong(cols[3], 16),
                    Long.parseLong(cols[4], 16), flags));
        }
        return out;
    }

    static ReadElf named(List<ReadElf> sections, String name) {
        return sections.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + name + " in " + sections));
    }
}
