package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.espgen.generator.emit.CEmitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated C, byte for byte, against reviewed golden files. After an intended change, regenerate
 * with {@code mvn -pl generator test -Dtest=GoldenFilesTest -Despgen.updateGolden=true} and review the
 * diff like any other change.
 */
class GoldenFilesTest {

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("echo-server", Espgen.sample("echo-server")),
                Arguments.of("stats-server", Espgen.repoRoot().resolve("generator/src/test/servers")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void generatedCMatchesTheGoldenFiles(String name, Path sources) throws IOException {
        Map<String, String> files = new TreeMap<>(Espgen.generatedC(compile(sources)));
        // the runtime and SDK declarations are copied verbatim: they must equal their resources, and the
        // golden files hold only what the templates make
        CEmitter.staticFiles().forEach((copied, resource) ->
                assertThat(files.remove(copied)).as(copied).isEqualTo(resource(resource)));
        Path golden = Espgen.repoRoot().resolve("generator/src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("espgen.updateGolden")) {
            if (Files.exists(golden)) {
                try (Stream<Path> old = Files.walk(golden)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Espgen.writeTree(files, golden);
        }
        assertThat(files).as("generated files").containsOnlyKeys(read(golden).keySet());
        files.forEach((path, content) -> assertThat(content).as(path).isEqualTo(read(golden).get(path)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void twoRunsGiveTheSameBytesAndNoMachinePaths(String name, Path sources) {
        Map<String, String> first = Espgen.generatedC(compile(sources));
        Map<String, String> second = Espgen.generatedC(compile(sources));
        assertThat(second).isEqualTo(first);
        String root = Espgen.repoRoot().toString();
        first.forEach((path, content) -> {
            assertThat(content).as(path).doesNotContain(root).doesNotContain(System.getProperty("user.home"));
            assertThat(content).as(path).doesNotContainPattern("20[0-9][0-9]-[01][0-9]-[0-3][0-9]");
        });
    }

    static Compilation compile(Path sourceRoot) {
        return Espgen.compileClean(sourceRoot);
    }

    private static String resource(String name) {
        try (var in = GoldenFilesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
