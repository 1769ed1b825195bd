package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalCheckTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path tmp;
    Path source;
    Path header;
    Path object;
    Path objDir;

    @BeforeEach
    void files() throws IOException {
        source = file("src/a.c", T0);
        header = file("src/include/espgen_sdk.h", T0);
        objDir = tmp.resolve("obj");
        object = file("obj/a.o", T0 + 10_000);
    }

    private Path file(String name, long millis) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, name);
        touch(p, millis);
        return p;
    }

    private static void touch(Path p, long millis) throws IOException {
        Files.setLastModifiedTime(p, FileTime.fromMillis(millis));
    }

    private IncrementalCheck check(String fingerprint) throws IOException {
        return IncrementalCheck.of(List.of(header), objDir, fingerprint);
    }

    private IncrementalCheck recorded(String fingerprint) throws IOException {
        check(fingerprint).recordOptions();
        return check(fingerprint);
    }

    @Test
    void objectNewerThanSourceAndHeadersIsUpToDate() throws IOException {
        assertThat(recorded("f1").upToDate(source, object)).isTrue();
    }

    @Test
    void newerSourceIsStale() throws IOException {
        touch(source, T0 + 20_000);
        assertThat(recorded("f1").upToDate(source, object)).isFalse();
    }

    @Test
    void newerHeaderIsStale() throws IOException {
        touch(header, T0 + 20_000);
        assertThat(recorded("f1").upToDate(source, object)).isFalse();
    }

    @Test
    void sameTimeIsStale() throws IOException {
        touch(source, T0 + 10_000);
        assertThat(recorded("f1").upToDate(source, object)).isFalse();
    }

    @Test
    void missingObjectIsStale() throws IOException {
        Files.delete(object);
        assertThat(recorded("f1").upToDate(source, object)).isFalse();
    }

    @Test
    void otherOptionsAreStale() throws IOException {
        check("f1").recordOptions();
        IncrementalCheck other = check("f2");
        assertThat(other.sameOptions()).isFalse();
        assertThat(other.upToDate(source, object)).isFalse();
    }

    @Test
    void noRecordedOptionsIsStale() throws IOException {
        assertThat(check("f1").upToDate(source, object)).isFalse();
    }

    @Test
    void changedOptionsAreForgottenBeforeCompiling() throws IOException {
        check("f1").recordOptions();
        check("f2").invalidateIfChanged(); // a build with f2 that then fails half way
        assertThat(check("f1").sameOptions()).isFalse();
    }

    @Test
    void unchangedOptionsAreKept() throws IOException {
        check("f1").recordOptions();
        check("f1").invalidateIfChanged();
        assertThat(check("f1").sameOptions()).isTrue();
    }
}
