package io.espgen.templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The C resources packaged in this module. */
public final class CResources {

    /** Resource folder of the host emulation's sources. */
    public static final String HOST_BASE = "/io/espgen/host/";

    /** Resource folder of the project's C headers. */
    public static final String INCLUDE_BASE = "/io/espgen/c/include/";

    /*
     * A jar cannot be listed portably, so the files are named here. CResourcesTest compares these
     * lists with the source folders: a file added there and not here fails the build.
     */
    private static final List<String> HOST_FILES = List.of(
            "host.h",
            "host_espconn.c",
            "host_heap.c",
            "host_main.c",
            "host_os.c");

    private static final List<String> INCLUDE_FILES = List.of(
            "espgen_runtime.h",
            "espgen_sdk.h",
            "espgen_text.h");

    private CResources() {
    }

    /** The file names of the host emulation's sources ({@code *.c}, {@code *.h}), sorted. */
    public static List<String> hostFiles() {
        return sorted(HOST_FILES);
    }

    /** The file names of the project's headers, sorted. */
    public static List<String> includeFiles() {
        return sorted(INCLUDE_FILES);
    }

    /** Copies the C sources of the host emulation (io/espgen/host/*.c, *.h) into dir; returns the .c files, sorted. */
    public static List<Path> extractHost(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> sources = new ArrayList<>();
        for (String name : hostFiles()) {
            Path target = dir.resolve(name);
            copy(HOST_BASE + name, target);
            if (name.endsWith(".c")) {
                sources.add(target);
            }
        }
        sources.sort(null);
        return List.copyOf(sources);
    }

    /** Copies the project's include directory (io/espgen/c/include/*.h) into dir; returns dir. */
    public static Path extractInclude(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : includeFiles()) {
            copy(INCLUDE_BASE + name, dir.resolve(name));
        }
        return dir;
    }

    /** The bytes of one resource, e.g. {@code /io/espgen/host/host_main.c}. */
    public static byte[] read(String resource) throws IOException {
        try (InputStream in = CResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the espgen-templates jar");
            }
            return in.readAllBytes();
        }
    }

    /* Writes only what changed, so a build tool's up-to-date checks see stable timestamps. */
    private static void copy(String resource, Path target) throws IOException {
        byte[] bytes = read(resource);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        Files.write(target, bytes);
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(null);
        return List.copyOf(copy);
    }
}
