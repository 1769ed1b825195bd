package io.espgen.generator.emit;

import java.util.Collection;
import java.util.TreeSet;

/**
 * {@code espgen/firmware.list} in the class output: the firmware's files, relative to {@code espgen/}, one a
 * line, sorted. The host runner (espgen-host-runner) reads the firmware from the class path through it, in a
 * directory or a jar alike.
 */
public final class FirmwareIndex {

    /** Where the index goes, relative to {@code espgen/}. */
    public static final String FILE = "firmware.list";

    private FirmwareIndex() {}

    /** The index of files (their names relative to {@code espgen/}), the index itself left out. */
    public static String render(Collection<String> files) {
        StringBuilder out = new StringBuilder(
                "# the files of this firmware, for a test's startOnHost (espgen-host-runner)\n");
        new TreeSet<>(files).stream().filter(f -> !f.equals(FILE)).forEach(f -> out.append(f).append('\n'));
        return out.toString();
    }
}
