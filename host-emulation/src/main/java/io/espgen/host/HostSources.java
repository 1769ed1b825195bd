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
            "host_heap.c",
            "host_main.c",
            "host_os.c",
            "host_tasks.c",
            "host_timers.c",
            "host_wifi.c");

    private HostSources() {
    }

    /** The file names of the host emulation's sources ({@code *.c}, {@code *.h}), sorted. */
    public static List<String> files() {
        List<String> copy = new ArrayList<>(FILES);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** Copies the host emulation's sources ({@value #BASE}*.c, *.h) into dir; returns the .c files, sorted. */
    public static List<Path> extract(Path dir) throws IOException {
        return CRuntime.extract(HostSources.class, BASE, files(), dir).stream()
                .filter(p -> p.getFileName().toString().endsWith(".c"))
                .toList();
    }
}
