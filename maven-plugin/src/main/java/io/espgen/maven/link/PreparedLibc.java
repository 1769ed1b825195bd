package io.espgen.maven.link;

import io.espgen.maven.EspException;
import io.espgen.maven.Exec;
import io.espgen.maven.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The C library the link sees. The SDK ships none; Debian's picolibc ({@value #DEBIAN_PACKAGE}) takes its
 * place, but its memcpy, memset, strlen ... must not reach the link: the ESP8266's ROM has them (the SDK's
 * linker script gives their addresses), and picolibc's copies would be linked into scarce IRAM instead. So,
 * as the SDK's {@code lib/readme.md} does for newlib, the plugin copies libc.a into its own directory and
 * deletes with {@code ar d} the members that define nothing but {@link #ROM_FUNCTIONS}.
 */
public final class PreparedLibc {
    public static final String DEBIAN_PACKAGE = "picolibc-xtensa-lx106-elf";
    public static final String LIBC = "libc.a";
    public static final String STAMP = "libc.sha256";
    /** The C library routines the ROM provides (the list the SDK strips from its newlib). */
    public static final Set<String> ROM_FUNCTIONS = Set.of("bzero", "memcmp", "memcpy", "memmove", "memset",
            "strcmp", "strcpy", "strlen", "strncmp", "strncpy", "strstr");
    /** Where Debian's package puts it, should the compiler not say. */
    static final List<String> KNOWN_PLACES = List.of("/usr/lib/picolibc/xtensa-lx106-elf/lib/libc.a",
            "/usr/lib/xtensa-lx106-elf/lib/libc.a");

    /** The prepared copy and the members taken out of it (empty when it was up to date). */
    public record Result(Path dir, Path libc, List<String> removedMembers, boolean upToDate) {
    }

    private final Path ar;
    private final Path nm;

    public PreparedLibc(Path ar, Path nm) {
        this.ar = ar;
        this.nm = nm;
    }

    /**
     * The libc.a to prepare: {@code configured} ({@code esp.libc}) when set, else the one the compiler
     * reports ({@code -print-file-name=libc.a}), else Debian's places.
     *
     * @throws EspException naming the package to install and the parameter to set
     */
    public static Path find(Path gcc, Path configured) throws EspException, IOException, InterruptedException {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                throw new EspException(Messages.libcNotAFile(configured));
            }
            return configured.toAbsolutePath();
        }
        Exec.Result r = Exec.run(List.of(gcc.toString(), "-print-file-name=" + LIBC), null);
        if (r.ok()) {
            String printed = r.output().strip();
            try {
                Path p = Path.of(printed);
                if (p.isAbsolute() && Files.isRegularFile(p)) {
                    return p.normalize();
                }
            } catch (InvalidPathException ignored) {
                // not a path: the compiler does not know a libc.a
            }
        }
        for (String place : KNOWN_PLACES) {
            Path p = Path.of(place);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new EspException(Messages.libcNotFound(DEBIAN_PACKAGE));
    }

    /** Copies {@code source} into {@code dir} and takes the ROM's routines out, unless that was done already. */
    public Result prepare(Path source, Path dir) throws IOException, InterruptedException {
        Path copy = dir.resolve(LIBC);
        Path stampFile = dir.resolve(STAMP);
        String digest = new BuildStamp().add(ar.toString()).add(nm.toString()).add(String.join(",",
                new TreeSet<>(ROM_FUNCTIONS))).addFile(source).digest();
        if (Files.isRegularFile(copy) && BuildStamp.matches(stampFile, digest)) {
            return new Result(dir, copy, List.of(), true);
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(stampFile);
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true, true);
        List<String> members = romOnlyMembers(copy);
        if (!members.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of(ar.toString(), "d", copy.toString()));
            cmd.addAll(members);
            Exec.Result r = Exec.run(cmd, dir);
            if (!r.ok()) {
                throw new IOException(ar.getFileName() + " d failed on " + copy + ": " + r.output().strip());
            }
        }
        BuildStamp.write(stampFile, digest);
        return new Result(dir, copy, members, false);
    }

    /** The members whose global definitions are all ROM functions, in archive order. */
    List<String> romOnlyMembers(Path archive) throws IOException, InterruptedException {
        Exec.Result r = Exec.run(List.of(nm.toString(), "--defined-only", archive.toString()), null);
        if (!r.ok()) {
            throw new IOException(nm.getFileName() + " failed on " + archive + ": " + r.output().strip());
        }
        return romOnlyMembers(definitions(r.output()));
    }

    static List<String> romOnlyMembers(Map<String, List<String>> definitions) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : definitions.entrySet()) {
            List<String> globals = e.getValue();
            if (!globals.isEmpty() && ROM_FUNCTIONS.containsAll(globals)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Reads {@code nm --defined-only} of an archive: member name to its global symbols (upper-case type
     * letters), members in archive order.
     */
    static Map<String, List<String>> definitions(String nmOutput) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : nmOutput.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.endsWith(":") && !line.contains(" ")) {
                current = new ArrayList<>();
                out.put(line.substring(0, line.length() - 1), current);
                continue;
            }
            String[] cols = line.split("\\s+");
            if (current == null || cols.length < 2) {
                continue;
            }
            String type = cols[cols.length - 2];
            if (type.length() == 1 && Character.isUpperCase(type.charAt(0)) && !type.equals("U")) {
                current.add(cols[cols.length - 1]);
            }
        }
        return out;
    }
}
