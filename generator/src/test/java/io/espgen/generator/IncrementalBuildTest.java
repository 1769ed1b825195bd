package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.FileCompilation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run that sees only some of the firmware's servers, as when Eclipse or VS Code recompile the changed
 * files only: the output directory stays between the two compilations and the second one compiles only
 * the changed server, the other on its class path, as an IDE's incremental build does.
 */
class IncrementalBuildTest {

    @TempDir
    Path dir;

    private static String server(String name, int port, String greeting) {
        return """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = %d, maxConnections = 4)
                public class %s {
                    @OnConnect void hello(Connection c) { c.send("%s\\r\\n"); }
                }
                """.formatted(port, name, greeting);
    }

    private Path write(String name, String source) throws IOException {
        Path file = dir.resolve("src/example/" + name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }

    private Compilation compile(Espgen.Host host, Path... sources) throws IOException {
        Path out = dir.resolve("out");
        Path classes = FileCompilation.classOutput(out);
        List<File> files = java.util.Arrays.stream(sources).map(Path::toFile).toList();
        if (host == Espgen.Host.ECJ) {
            return EcjCompiler.compile(new EspgenProcessor(), files, out, List.of(classes));
        }
        return FileCompilation.compile(ToolProvider.getSystemJavaCompiler(), List.of("--release", "17",
                "-classpath", EcjCompiler.classpath(List.of(classes))), new EspgenProcessor(), files, out);
    }

    /**
     * Alpha changed: as an IDE's incremental build, drop its classes and its companion's before compiling it
     * again (ECJ's batch Filer refuses to generate a type whose class is on the class path).
     */
    private Path changeAlpha(int port, String greeting) throws IOException {
        try (var old = Files.list(dir.resolve("out/CLASS_OUTPUT/example"))) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("Alpha")).toList()) {
                Files.delete(p);
            }
        }
        return write("Alpha", server("Alpha", port, greeting));
    }

    private String generated(String path) throws IOException {
        return Files.readString(dir.resolve("out/SOURCE_OUTPUT/espgen").resolve(path));
    }

    @ParameterizedTest
    @EnumSource(Espgen.Host.class)
    void aRunThatSeesOneServerKeepsTheOther(Espgen.Host host) throws IOException {
        Path alpha = write("Alpha", server("Alpha", 80, "alpha"));
        Path beta = write("Beta", server("Beta", 81, "beta"));
        assertThat(compile(host, alpha, beta)).succeededWithoutWarnings();
        String betaC = generated("beta/beta.c");

        changeAlpha(82, "alpha, changed");
        Compilation partial = compile(host, alpha);
        assertThat(partial).succeededWithoutWarnings();
        if (host == Espgen.Host.JAVAC) { // ECJ's batch compiler drops notes; Eclipse logs them
            assertThat(partial).hadNoteContaining("keeps the C of example.Beta from the last build");
        }
        assertThat(generated("alpha/alpha.c")).contains("alpha, changed");
        assertThat(generated("beta/beta.c")).isEqualTo(betaC);
        assertThat(generated("user_main.c")).contains("#include \"alpha/alpha.h\"", "#include \"beta/beta.h\"",
                "alpha_start();", "beta_start();");
        assertThat(generated("servers.list")).contains("example.Alpha alpha\n", "example.Beta beta\n");
    }

    @ParameterizedTest
    @EnumSource(Espgen.Host.class)
    void aServerDeletedSinceLeavesTheFirmware(Espgen.Host host) throws IOException {
        Path alpha = write("Alpha", server("Alpha", 80, "alpha"));
        Path beta = write("Beta", server("Beta", 81, "beta"));
        assertThat(compile(host, alpha, beta)).succeededWithoutWarnings();

        Files.delete(beta);
        Files.delete(dir.resolve("out/CLASS_OUTPUT/example/Beta.class"));
        changeAlpha(80, "alpha");
        assertThat(compile(host, alpha)).succeededWithoutWarnings();
        assertThat(generated("user_main.c")).contains("alpha_start();").doesNotContain("beta");
        assertThat(generated("servers.list")).contains("example.Alpha").doesNotContain("Beta");
    }

    @ParameterizedTest
    @EnumSource(Espgen.Host.class)
    void aKeptServerWhoseCIsGoneIsAnErrorSayingToRebuild(Espgen.Host host) throws IOException {
        Path alpha = write("Alpha", server("Alpha", 80, "alpha"));
        Path beta = write("Beta", server("Beta", 81, "beta"));
        assertThat(compile(host, alpha, beta)).succeededWithoutWarnings();

        Files.delete(dir.resolve("out/SOURCE_OUTPUT/espgen/beta/beta.c"));
        changeAlpha(80, "alpha");
        Compilation partial = compile(host, alpha);
        assertThat(partial).failed();
        assertThat(partial).hadErrorContaining("the generated espgen/beta/beta.c of the server example.Beta, which it "
                + "did not recompile, is missing: the firmware would lose that server; rebuild the whole project");
    }

    @ParameterizedTest
    @EnumSource(Espgen.Host.class)
    void aKeptServerStillTakesPartInTheChecksAcrossServers(Espgen.Host host) throws IOException {
        Path alpha = write("Alpha", server("Alpha", 80, "alpha"));
        Path beta = write("Beta", server("Beta", 81, "beta"));
        assertThat(compile(host, alpha, beta)).succeededWithoutWarnings();

        changeAlpha(81, "alpha");
        Compilation partial = compile(host, alpha);
        assertThat(partial).hadErrorContaining("port 81 is already used by the @TcpServer example.Beta")
                .inFile(partial.sourceFiles().get(0)).onLine(3);
    }
}
