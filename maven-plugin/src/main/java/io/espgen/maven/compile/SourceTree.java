package io.espgen.maven.compile;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The C tree the espgen processor generated: every {@code .c} below the root is firmware, headers live in
 * {@code include/} (and possibly next to the sources). Paths are kept relative to the root and sorted by
 * their {@code /}-separated form, so every listing is in the same order on every machine.
 */
public final class SourceTree {
    public static final String INCLUDE_DIR = "include";

    private final Path root;
    private final List<Path> sources;
    private final List<Path> headers;

    private SourceTree(Path root, List<Path> sources, List<Path> headers) {
        this.root = root;
        this.sources = sources;
        this.headers = headers;
    }

    /** Reads the tree. A missing root or a tree without C files is the user's problem, not a crash. */
    public static SourceTree scan(Path root) throws IOException, EspException {
        if (!Files.isDirectory(root)) {
            throw new EspException(Messages.noGeneratedTree(root));
        }
        List<Path> sources = list(root, ".c");
        if (sources.isEmpty()) {
            throw new EspException(Messages.noGeneratedSources(root));
        }
        return new SourceTree(root, sources, list(root, ".h"));
    }

    private static List<Path> list(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .map(root::relativize)
                    .sorted(Comparator.comparing(SourceTree::unixName))
                    .collect(Collectors.toUnmodifiableList());
        }
    }

    /** {@code a/b.c} whatever the platform's separator. */
    public static String unixName(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    public Path root() {
        return root;
    }

    /** The C files, relative to the root, sorted. */
    public List<Path> sources() {
        return sources;
    }

    /** Every header below the root (include/ and beside the sources), relative, sorted. */
    public List<Path> headers() {
        return headers;
    }

    /** {@code -I <root>/include -I <root>}. */
    public List<Path> includeDirs() {
        return List.of(root.resolve(INCLUDE_DIR), root);
    }

    /** Where the object of {@code relativeSource} goes: the same relative path under objDir, .c becoming .o. */
    public static Path objectFor(Path objDir, Path relativeSource) {
        String name = relativeSource.getFileName().toString();
        String base = name.endsWith(".c") ? name.substring(0, name.length() - 2) : name;
        Path parent = relativeSource.getParent();
        Path rel = parent == null ? objDir.getFileSystem().getPath(base + ".o") : parent.resolve(base + ".o");
        return objDir.resolve(rel.toString());
    }
}
