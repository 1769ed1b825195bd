package io.espgen.host;

import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The host emulation's C sources, packaged as resources of this module in {@value #BASE}. */
public final class HostSources {

    /** Resource folder of the host emulation's sources. */
    public static final String BASE = "/io/espgen/host/";

    /*
     * A jar cannot be listed portably, so the files are named here. HostSourcesTest compares this
     * list with the source folder: a file added there and not here fails the build.
     */
    private static final List<String> FILES = List.of(
            "host.h",
            "host_args.c",
            "host_espconn_internal.h",
            "host_espconn_clients.c",
            "host_espconn_close.c",
            "host_espconn_events.c",
            "host_espconn_listen.c",
            "host_espconn_options.c",
            "host_espconn_poll.c",
            "host_espconn_recv.c",
            "host_espconn_send.c",
            "host_gpio.c",
            "host_gpio.h",
            "host_heap.c",
            "host_main.c",
            "host_os.c",
            "host_tasks.c",
            "host_timers.c",
            "host_wifi.c");

    /**
     * Resource folder of the FreeRTOS target's host layer (espgen_rtos_host.c: tasks, clock, heap, radio;
     * espgen_rtos_host_gpio.c: the pins, on {@link #RTOS_SHARED}).
     */
    public static final String RTOS_BASE = "/io/espgen/host/rtos/";

    private static final List<String> RTOS_FILES = List.of("espgen_rtos_host.c", "espgen_rtos_host_gpio.c");

    /** The files of {@value #BASE} the FreeRTOS target's host layer compiles too: the emulated pins. */
    public static final List<String> RTOS_SHARED = List.of("host_gpio.c", "host_gpio.h");

    private HostSources() {
    }

    /** The file names of the host emulation's sources ({@code *.c}, {@code *.h}), sorted. */
    public static List<String> files() {
        List<String> copy = new ArrayList<>(FILES);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** The file names of the FreeRTOS target's host layer ({@value #RTOS_BASE}), sorted. */
    public static List<String> rtosFiles() {
        List<String> copy = new ArrayList<>(RTOS_FILES);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** Copies the FreeRTOS target's host layer, and {@link #RTOS_SHARED}, into dir; returns its .c files, sorted. */
    public static List<Path> extractRtos(Path dir) throws IOException {
        List<Path> files = new ArrayList<>(CRuntime.extract(HostSources.class, RTOS_BASE, rtosFiles(), dir));
        files.addAll(CRuntime.extract(HostSources.class, BASE, RTOS_SHARED, dir));
        return files.stream()
                .filter(p -> p.getFileName().toString().endsWith(".c"))
                .sorted()
                .toList();
    }

    /** Copies the host emulation's sources ({@value #BASE}*.c, *.h) into dir; returns the .c files, sorted. */
    public static List<Path> extract(Path dir) throws IOException {
        return CRuntime.extract(HostSources.class, BASE, files(), dir).stream()
                .filter(p -> p.getFileName().toString().endsWith(".c"))
                .toList();
    }
}
