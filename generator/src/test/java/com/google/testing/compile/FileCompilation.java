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
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * A {@link Compilation} made on files by a compiler with its own file manager, as a build tool or an IDE
 * runs it: output goes to a directory ({@code out/CLASS_OUTPUT}, {@code out/SOURCE_OUTPUT}, named as
 * compile-testing names its in-memory trees), which stays for the next compilation, as an IDE's output
 * does between incremental builds. ECJ needs it: compile-testing's {@link Compiler} wraps the compiler's
 * file manager in its in-memory one, which ECJ 3.46 cannot use (its EclipseFileManager fails iterating a
 * location set through the wrapper). The result goes to compile-testing's assertions like any compilation;
 * the class is in this package only to reach Compilation's constructor.
 */
public final class FileCompilation {

    private FileCompilation() {}

    /** Compiles {@code sources} (files: ECJ compiles only files that exist) with output under {@code out}. */
    public static Compilation compile(JavaCompiler compiler, List<String> options, Processor processor,
            List<File> sources, Path out) {
        try {
            Path classes = classOutput(out);
            Path generated = Files.createDirectories(out.resolve(StandardLocation.SOURCE_OUTPUT.getName()));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8);
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
            List<JavaFileObject> units = new ArrayList<>();
            files.getJavaFileObjectsFromFiles(sources).forEach(units::add);
            JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), files, diagnostics, options, null, units);
            task.setProcessors(List.of(processor));
            boolean ok = task.call();
            List<JavaFileObject> written = new ArrayList<>();
            try (Stream<Path> tree = Files.walk(generated)) {
                tree.filter(Files::isRegularFile).sorted().map(Path::toFile).forEach(
                        f -> files.getJavaFileObjects(f).forEach(written::add));
            }
            files.close();
            List<Diagnostic<? extends JavaFileObject>> readable = new ArrayList<>();
            diagnostics.getDiagnostics().forEach(d -> readable.add(new Readable(d)));
            return new Compilation(Compiler.compiler(compiler).withOptions(options), units, ok, readable, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #compile} puts class files under {@code out}: a class path for the next compilation. */
    public static Path classOutput(Path out) throws IOException {
        return Files.createDirectories(out.resolve(StandardLocation.CLASS_OUTPUT.getName()));
    }

    /** A diagnostic that prints as javac's do (ECJ's own print as an object name in failure messages). */
    private record Readable(Diagnostic<? extends JavaFileObject> d) implements Diagnostic<JavaFileObject> {
        @Override public Kind getKind() { return d.getKind(); }
        @Override public JavaFileObject getSource() { return d.getSource(); }
        @Override public long getPosition() { return d.getPosition(); }
        @Override public long getStartPosition() { return d.getStartPosition(); }
        @Override public long getEndPosition() { return d.getEndPosition(); }
        @Override public long getLineNumber() { return d.getLineNumber(); }
        @Override public long getColumnNumber() { return d.getColumnNumber(); }
        @Override public String getCode() { return d.getCode(); }
        @Override public String getMessage(Locale locale) { return d.getMessage(locale); }

        @Override
        public String toString() {
            return (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ":"
                    + d.getColumnNumber() + ": ") + d.getKind().toString().toLowerCase(Locale.ROOT) + ": "
                    + d.getMessage(Locale.ROOT);
        }
    }
}
