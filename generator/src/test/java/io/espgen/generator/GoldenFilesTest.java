package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.espgen.generator.emit.CEmitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                Arguments.of("stats-server", goldenServer("stats-server")),
                Arguments.of("command-server", goldenServer("command-server")),
                Arguments.of("framed-servers", goldenServer("framed-servers")),
                Arguments.of("chat-server", goldenServer("chat-server")),
                Arguments.of("doorbell", goldenServer("doorbell")));
    }

    private static Path goldenServer(String name) {
        return Espgen.repoRoot().resolve("generator/src/test/golden-servers").resolve(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void generatedCMatchesTheGoldenFiles(String name, Path sources) throws IOException {
        Map<String, String> files = new TreeMap<>(Espgen.generatedC(compile(sources)));
        // the runtime and SDK declarations are copied verbatim: each must be its source file of the same
        // name, and the golden files hold only what the templates make; the GPIO ones come with pins only
        boolean pins = files.keySet().stream().anyMatch(f -> f.endsWith(".c") && !f.startsWith("runtime/")
                && files.get(f).contains("#include \"espgen_gpio.h\""));
        for (String copied : CEmitter.staticFiles().keySet()) {
            if (copied.contains("espgen_gpio") && !pins) {
                assertThat(files).as("a firmware without pins").doesNotContainKey(copied);
                continue;
            }
            assertThat(files.remove(copied)).as(copied).isEqualTo(runtimeSource(copied));
        }
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

    /** The compiler the suite runs under; {@link EcjGoldenFilesTest} runs it again under ECJ. */
    Espgen.Host host() {
        return Espgen.Host.JAVAC;
    }

    Compilation compile(Path sourceRoot) {
        return Espgen.compileClean(host(), sourceRoot);
    }

    /** The runtime's source file that a copied file comes from, found by its name in the runtime's sources. */
    private static String runtimeSource(String copied) {
        String fileName = copied.substring(copied.lastIndexOf('/') + 1);
        try (Stream<Path> modules = Files.list(Espgen.repoRoot())) {
            List<Path> found = modules.map(m -> m.resolve("src/main/resources")).filter(Files::isDirectory)
                    .flatMap(GoldenFilesTest::walk).filter(p -> p.getFileName().toString().equals(fileName)).toList();
            assertThat(found).as("the runtime's source of " + copied).hasSize(1);
            return Files.readString(found.get(0));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.toList().stream();
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
