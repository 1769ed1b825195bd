package io.espgen.maven.size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Java behind the generated C's variables in DRAM, as the processor writes it next to each server's C
 * ({@code <server>/<server>.dram}: a C symbol, a tab, the Java field and its cost), so that a firmware over the
 * chip's DRAM names the field to shrink.
 */
public final class DramOrigins {
    static final String SUFFIX = ".dram";

    private DramOrigins() {
    }

    /** Symbol to its Java, from every {@code .dram} file below the generated tree; empty when there is none. */
    public static Map<String, String> read(Path tree) throws IOException {
        Map<String, String> origins = new TreeMap<>();
        if (!Files.isDirectory(tree)) {
            return origins;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    origins.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return origins;
    }
}
