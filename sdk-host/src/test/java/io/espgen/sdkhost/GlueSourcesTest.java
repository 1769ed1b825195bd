package io.espgen.sdkhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GlueSourcesTest {
    private static final Path MAIN = TestBuilds.BASEDIR.resolve("src/main/resources/io/espgen/sdkhost");
    private static final Path STAND_IN = TestBuilds.BASEDIR.resolve("src/test/resources/io/espgen/sdkhost/standin-sdk");

    @Test
    void everyGlueFileIsListedAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.list(MAIN)) {
            assertThat(GlueSources.files()).containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".c") || n.endsWith(".h")).sorted().toList());
        }
    }

    @Test
    void everyStandInFileIsListedAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.walk(STAND_IN)) {
            assertThat(StandInSdk.FILES).containsExactlyElementsOf(files.filter(Files::isRegularFile)
                    .map(p -> STAND_IN.relativize(p).toString()).sorted().toList());
        }
    }

    @Test
    void theGlueSidesNeverIncludeEachOthersHeaders() throws IOException {
        for (String f : GlueSources.LINUX_SIDE) {
            assertThat(Files.readString(MAIN.resolve(f))).as(f).doesNotContain("#include \"ets_sys.h\"")
                    .doesNotContain("#include \"lwip/").doesNotContain("#include \"osapi.h\"");
        }
        for (String f : GlueSources.SDK_SIDE) {
            assertThat(Files.readString(MAIN.resolve(f))).as(f).doesNotContain("#include <");
        }
    }
}
