package io.espgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.generator.EspgenProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The C tree of the echo sample ({@code samples/echo-server}), generated in the test by running the espgen
 * processor on the sample's Java, as {@code mvn compile} does in the sample.
 */
public final class EchoSample {
    private EchoSample() {
    }

    /** {@code samples/echo-server/src/main/java}, found through the system property {@code espgen.repoRoot}. */
    public static Path sources() {
        return repoRoot().resolve("samples/echo-server/src/main/java");
    }

    /** The repository's root: the system property {@code espgen.repoRoot}, else the module's parent. */
    public static Path repoRoot() {
        String root = System.getProperty("espgen.repoRoot");
        return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
    }

    /** Runs the processor on the sample and returns the generated {@code espgen/} tree below {@code dir}. */
    public static Path generate(Path dir) throws IOException {
        return generate(dir, sources());
    }

    /** Runs the processor on the Java below {@code sourceDir} and returns the generated {@code espgen/} tree. */
    public static Path generate(Path dir, Path sourceDir) throws IOException {
        Path generated = Files.createDirectories(dir.resolve("generated-sources"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<File> sources;
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile)
                    .collect(Collectors.toList());
        }
        assertThat(sources).as("the Java in " + sourceDir).isNotEmpty();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
            List<String> options = List.of("-proc:only", "-s", generated.toString(), "-d", classes.toString(),
                    "-classpath", dslJar(), "-sourcepath", sourceDir.toString());
            JavaCompiler.CompilationTask task = javac.getTask(out, files, null, options, null, units);
            task.setProcessors(List.of(new EspgenProcessor()));
            assertThat(task.call()).as("the espgen processor on " + sourceDir + ": " + out).isTrue();
        }
        Path tree = generated.resolve(EspgenProcessor.OUTPUT_DIR);
        assertThat(tree.resolve("user_main.c")).isRegularFile();
        return tree;
    }

    private static String dslJar() {
        try {
            return Path.of(io.espgen.dsl.TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
