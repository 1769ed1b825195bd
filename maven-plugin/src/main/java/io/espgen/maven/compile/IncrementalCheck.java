package io.espgen.maven.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Decides which objects must be rebuilt. An object is up to date when it is strictly newer than its source
 * and than every header of the tree, and was built with the same compiler and flags (a fingerprint kept in
 * {@value #STAMP} in the object directory). Equal times count as out of date: on file systems with coarse
 * timestamps a file written in the same second as the object may be newer.
 */
public final class IncrementalCheck {
    public static final String STAMP = "compile-options.sha256";

    private final FileTime newestHeader;
    private final boolean sameOptions;
    private final Path stampFile;
    private final String fingerprint;

    private IncrementalCheck(FileTime newestHeader, boolean sameOptions, Path stampFile, String fingerprint) {
        this.newestHeader = newestHeader;
        this.sameOptions = sameOptions;
        this.stampFile = stampFile;
        this.fingerprint = fingerprint;
    }

    /**
     * @param headers absolute paths of every header the sources may include
     * @param fingerprint {@link CompileCommand#fingerprint()} of this build
     */
    public static IncrementalCheck of(List<Path> headers, Path objDir, String fingerprint) throws IOException {
        FileTime newest = FileTime.fromMillis(Long.MIN_VALUE);
        for (Path h : headers) {
            FileTime t = Files.getLastModifiedTime(h);
            if (t.compareTo(newest) > 0) {
                newest = t;
            }
        }
        Path stamp = objDir.resolve(STAMP);
        String previous;
        try {
            previous = Files.readString(stamp, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            previous = "";
        }
        return new IncrementalCheck(newest, previous.equals(fingerprint), stamp, fingerprint);
    }

    /** Whether the options are those the existing objects were built with. */
    public boolean sameOptions() {
        return sameOptions;
    }

    public boolean upToDate(Path source, Path object) throws IOException {
        if (!sameOptions || !Files.isRegularFile(object)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(object);
        return built.compareTo(Files.getLastModifiedTime(source)) > 0 && built.compareTo(newestHeader) > 0;
    }

    /** Records this build's options; call once every object has been built with them. */
    public void recordOptions() throws IOException {
        Files.createDirectories(stampFile.getParent());
        Files.writeString(stampFile, fingerprint + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Call before compiling: when the options changed, forgets the old ones at once, so that a build that
     * fails half way (some objects with the new options) is not taken for an up-to-date one later.
     */
    public void invalidateIfChanged() throws IOException {
        if (!sameOptions) {
            Files.deleteIfExists(stampFile);
        }
    }
}
