package io.espgen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The C runtime and the project's headers, packaged as resources of this module: the headers in
 * {@value #INCLUDE_BASE}, the runtime's sources in {@value #SOURCE_BASE}.
 */
public final class CRuntime {

    /** Resource folder of the project's C headers. */
    public static final String INCLUDE_BASE = "/io/espgen/runtime/include/";

    /** Resource folder of the runtime's C sources. */
    public static final String SOURCE_BASE = "/io/espgen/runtime/src/";

    /**
     * Resource folder of the FreeRTOS target's own files (ESP8266_RTOS_SDK 3.x): its SDK header, the loop that serves
     * the runtime's espconn calls on sockets, its Wi-Fi and its app_main. They are not part of a generated tree: a
     * build for that target adds them, with {@value #RTOS_DEFINE}, and leaves out {@value #RTOS_REPLACED}.
     */
    public static final String RTOS_BASE = "/io/espgen/runtime/rtos/";

    /** The define that selects the FreeRTOS target in espgen_sdk.h. */
    public static final String RTOS_DEFINE = "ESPGEN_TARGET_RTOS";

    /** The file of a generated tree the FreeRTOS target replaces (by espgen_rtos_wifi.c). */
    public static final String RTOS_REPLACED = "runtime/espgen_wifi.c";

    /*
     * A jar cannot be listed portably, so the files are named here. CRuntimeTest compares these
     * lists with the source folders: a file added there and not here fails the build.
     */
    private static final List<String> INCLUDE_FILES = List.of(
            "espgen_frame.h",
            "espgen_gpio.h",
            "espgen_runtime.h",
            "espgen_sdk.h",
            "espgen_text.h");

    private static final List<String> SOURCE_FILES = List.of(
            "espgen_frame.c",
            "espgen_gpio.c",
            "espgen_server.c",
            "espgen_text.c",
            "espgen_txq.c",
            "espgen_wifi.c",
            "espgen_wifi_policy.c");

    private static final List<String> RTOS_FILES = List.of(
            "espgen_rtos_main.c",
            "espgen_rtos_net.c",
            "espgen_rtos_sdk.h",
            "espgen_rtos_wifi.c");

    private CRuntime() {
    }

    /** The file names of the project's headers, sorted. */
    public static List<String> includeFiles() {
        return sorted(INCLUDE_FILES);
    }

    /** The file names of the runtime's C sources, sorted. */
    public static List<String> sourceFiles() {
        return sorted(SOURCE_FILES);
    }

    /** The file names of the FreeRTOS target's own files ({@value #RTOS_BASE}), sorted. */
    public static List<String> rtosFiles() {
        return sorted(RTOS_FILES);
    }

    /**
     * Copies the FreeRTOS target's files into dir, which a build for that target puts on its include path; returns
     * its .c files, sorted.
     */
    public static List<Path> extractRtos(Path dir) throws IOException {
        return extract(CRuntime.class, RTOS_BASE, rtosFiles(), dir).stream()
                .filter(p -> p.getFileName().toString().endsWith(".c"))
                .toList();
    }

    /** Copies the project's include directory ({@value #INCLUDE_BASE}*.h) into dir; returns dir. */
    public static Path extractInclude(Path dir) throws IOException {
        extract(CRuntime.class, INCLUDE_BASE, includeFiles(), dir);
        return dir;
    }

    /** The bytes of one resource of this module, e.g. {@code /io/espgen/runtime/include/espgen_sdk.h}. */
    public static byte[] read(String resource) throws IOException {
        return read(CRuntime.class, resource);
    }

    /**
     * Copies the resources {@code base + name} (found through owner's class loader) into dir as {@code name},
     * writing only what changed, so a build tool's up-to-date checks see stable timestamps. Returns the copied
     * files, in the order of names. The host emulation's launcher extracts its own sources with it.
     */
    public static List<Path> extract(Class<?> owner, String base, List<String> names, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> copied = new ArrayList<>();
        for (String name : names) {
            Path target = dir.resolve(name);
            byte[] bytes = read(owner, base + name);
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.write(target, bytes);
            }
            copied.add(target);
        }
        return List.copyOf(copied);
    }

    /** The bytes of a resource found through owner's class loader, e.g. the host emulation's sources. */
    public static byte[] read(Class<?> owner, String resource) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is not on the class path of " + owner.getName());
            }
            return in.readAllBytes();
        }
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(null);
        return List.copyOf(copy);
    }
}
