package io.espgen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CRuntimeTest {

    private static final Path RESOURCES =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/resources");

    private static List<String> filesIn(String folder, String... suffixes) throws IOException {
        try (Stream<Path> s = Files.list(RESOURCES.resolve(folder))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> Stream.of(suffixes).anyMatch(n::endsWith))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void theIncludeIndexNamesEveryHeaderInTheFolder() throws IOException {
        assertThat(CRuntime.includeFiles())
                .as("CRuntime.INCLUDE_FILES must list every .h of io/espgen/runtime/include")
                .containsExactlyElementsOf(filesIn("io/espgen/runtime/include", ".h", ".c"));
    }

    @Test
    void theSourceIndexNamesEverySourceInTheFolder() throws IOException {
        assertThat(CRuntime.sourceFiles())
                .as("CRuntime.SOURCE_FILES must list every .c of io/espgen/runtime/src")
                .containsExactlyElementsOf(filesIn("io/espgen/runtime/src", ".c", ".h"));
    }

    @Test
    void theRtosIndexNamesEveryFileInTheFolder() throws IOException {
        assertThat(CRuntime.rtosFiles())
                .as("CRuntime.RTOS_FILES must list every .c and .h of io/espgen/runtime/rtos")
                .containsExactlyElementsOf(filesIn("io/espgen/runtime/rtos", ".c", ".h"));
    }

    @Test
    void extractsTheRtosFilesAndReturnsTheSources(@TempDir Path dir) throws IOException {
        assertThat(CRuntime.extractRtos(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("espgen_rtos_main.c", "espgen_rtos_net.c", "espgen_rtos_wifi.c");
        for (String name : CRuntime.rtosFiles()) {
            assertThat(Files.readAllBytes(dir.resolve(name)))
                    .isEqualTo(Files.readAllBytes(RESOURCES.resolve("io/espgen/runtime/rtos").resolve(name)));
        }
    }

    @Test
    void theRtosTargetReplacesARuntimeSourceThatExists() {
        assertThat(CRuntime.sourceFiles()).contains(CRuntime.RTOS_REPLACED.substring("runtime/".length()));
    }

    @Test
    void extractsTheIncludeDirectory(@TempDir Path dir) throws IOException {
        Path inc = dir.resolve("inc");
        assertThat(CRuntime.extractInclude(inc)).isEqualTo(inc);
        for (String name : CRuntime.includeFiles()) {
            assertThat(Files.readAllBytes(inc.resolve(name)))
                    .isEqualTo(Files.readAllBytes(RESOURCES.resolve("io/espgen/runtime/include").resolve(name)));
        }
    }

    @Test
    void readsEveryListedSource() throws IOException {
        for (String name : CRuntime.sourceFiles()) {
            assertThat(CRuntime.read(CRuntime.SOURCE_BASE + name))
                    .isEqualTo(Files.readAllBytes(RESOURCES.resolve("io/espgen/runtime/src").resolve(name)));
        }
    }

    @Test
    void extractingAgainLeavesUnchangedFilesAlone(@TempDir Path dir) throws IOException {
        CRuntime.extractInclude(dir);
        Path sdk = dir.resolve("espgen_sdk.h");
        Files.setLastModifiedTime(sdk, java.nio.file.attribute.FileTime.fromMillis(0));
        CRuntime.extractInclude(dir);
        assertThat(Files.getLastModifiedTime(sdk).toMillis()).isZero();
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> CRuntime.read("/io/espgen/runtime/include/no_such.h"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/io/espgen/runtime/include/no_such.h");
    }
}
