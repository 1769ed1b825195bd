package com.google.testing.compile;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * A {@link Compilation} made by ECJ with its own file manager. compile-testing's {@link Compiler} wraps the
 * compiler's file manager in its in-memory one, which ECJ 3.46 cannot use (its EclipseFileManager fails
 * iterating a location set through the wrapper); so ECJ writes to a temporary directory whose output tree
 * is named as compile-testing names it ({@code /SOURCE_OUTPUT/...}), and the result is handed to
 * compile-testing's assertions like any compilation. In this package only to reach Compilation's constructor.
 */
public final class EcjCompilation {

    private EcjCompilation() {}

    /** Compiles {@code sources}, which must be files: ECJ compiles only files that exist. */
    public static Compilation compile(JavaCompiler ecj, List<String> options, Processor processor,
            List<File> sources) {
        try {
            Path out = Files.createTempDirectory("ecj-out");
            Path classes = Files.createDirectories(out.resolve(StandardLocation.CLASS_OUTPUT.getName()));
            Path generated = Files.createDirectories(out.resolve(StandardLocation.SOURCE_OUTPUT.getName()));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StandardJavaFileManager files = ecj.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8);
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
            List<JavaFileObject> units = new ArrayList<>();
            files.getJavaFileObjectsFromFiles(sources).forEach(units::add);
            JavaCompiler.CompilationTask task = ecj.getTask(new StringWriter(), files, diagnostics, options, null, units);
            task.setProcessors(List.of(processor));
            boolean ok = task.call();
            List<JavaFileObject> written = new ArrayList<>();
            try (Stream<Path> tree = Files.walk(generated)) {
                tree.filter(Files::isRegularFile).sorted().map(Path::toFile).forEach(
                        f -> files.getJavaFileObjects(f).forEach(written::add));
            }
            return new Compilation(Compiler.compiler(ecj).withOptions(options), units, ok,
                    diagnostics.getDiagnostics(), written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
