package io.espgen.sdkhost;

import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The glue's C sources (what stands in for the SDK's closed libmain) and the slirp helper's, packaged as resources of
 * this module in {@value #BASE}. A jar cannot be listed portably, so the files are named here; GlueSourcesTest
 * compares the lists with the folder.
 */
public final class GlueSources {

    /** Resource folder of the glue's sources. */
    public static final String BASE = "/io/espgen/sdkhost/";

    /** The glue's files that include the SDK's headers (compiled with them, 32-bit). */
    public static final List<String> SDK_SIDE = List.of("glue_sched.c", "glue_stack.c");

    /** The glue's files that include only libc and Linux headers (32-bit). */
    public static final List<String> LINUX_SIDE = List.of("glue_heap.c", "glue_main.c", "glue_os.c", "glue_regs.c");

    /** The header both sides share. */
    public static final String HEADER = "glue.h";

    /** The 64-bit helper that owns libslirp. */
    public static final String SLIRP_HELPER = "slirp_helper.c";

    private GlueSources() {
    }

    /** Every file name, sorted. */
    public static List<String> files() {
        return java.util.stream.Stream.of(SDK_SIDE, LINUX_SIDE, List.of(HEADER, SLIRP_HELPER))
                .flatMap(List::stream).sorted().toList();
    }

    /** Copies every file into dir (writing only what changed); returns dir. */
    public static Path extract(Path dir) throws IOException {
        CRuntime.extract(GlueSources.class, BASE, files(), dir);
        return dir;
    }
}
