package io.espgen.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CResourcesTest {

    private static final Path RESOURCES = TestFirmwares.BASEDIR.resolve("src/main/resources");

    private static List<String> filesIn(String folder, String... suffixes) throws IOException {
        try (Stream<Path> s = Files.list(RESOURCES.resolve(folder))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> Stream.of(suffixes).anyMatch(n::endsWith))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void theHostIndexNamesEverySourceInTheFolder() throws IOException {
        assertThat(CResources.hostFiles())
                .as("CResources.HOST_FILES must list every .c and .h of io/espgen/host")
                .containsExactlyElementsOf(filesIn("io/espgen/host", ".c", ".h"));
    }

    @Test
    void theIncludeIndexNamesEveryHeaderInTheFolder() throws IOException {
        assertThat(CResources.includeFiles())
                .as("CResources.INCLUDE_FILES must list every .h of io/espgen/c/include")
                .containsExactlyElementsOf(filesIn("io/espgen/c/include", ".h"));
    }

    @Test
    void extractsTheHostSourcesAndReturnsTheCFilesSorted(@TempDir Path dir) throws IOException {
        List<Path> sources = CResources.extractHost(dir);
        assertThat(sources).extracting(p -> p.getFileName().toString())
                .containsExactly("host_espconn.c", "host_heap.c", "host_main.c", "host_os.c");
        assertThat(sources).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir));
        assertThat(dir.resolve("host.h")).exists();
        for (String name : CResources.hostFiles()) {
            assertThat(Files.readAllBytes(dir.resolve(name)))
                    .isEqualTo(Files.readAllBytes(RESOURCES.resolve("io/espgen/host").resolve(name)));
        }
    }

    @Test
    void extractsTheIncludeDirectory(@TempDir Path dir) throws IOException {
        Path inc = dir.resolve("inc");
        assertThat(CResources.extractInclude(inc)).isEqualTo(inc);
        assertThat(inc.resolve("espgen_sdk.h")).exists();
        assertThat(inc.resolve("espgen_runtime.h")).exists();
    }
}
