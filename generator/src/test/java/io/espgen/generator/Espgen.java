package io.espgen.generator;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Runs the processor in-process (compile-testing), under javac or ECJ, and collects what it wrote. */
public final class Espgen {

    private Espgen() {}

    /** The compiler the processor runs in: javac (Maven, IntelliJ) or ECJ (Eclipse, VS Code). */
    public enum Host { JAVAC, ECJ }

    public static Path repoRoot() {
        String root = System.getProperty("espgen.repoRoot");
        return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
    }

    public static Path sample(String name) {
        return repoRoot().resolve("samples").resolve(name).resolve("src/main/java");
    }

    public static Compilation compile(JavaFileObject... sources) {
        return compile(Host.JAVAC, sources);
    }

    /**
     * Compiles under {@code host}. ECJ compiles only files that exist (EclipseCompilerImpl checks), so for
     * it in-memory sources are first written to a temporary source tree, as an IDE's files would be.
     */
    public static Compilation compile(Host host, JavaFileObject... sources) {
        if (host == Host.JAVAC) {
            return javac().withProcessors(new EspgenProcessor()).compile(sources);
        }
        return EcjCompiler.compile(new EspgenProcessor(), onDisk(sources));
    }

    public static Compilation compileSource(String qualifiedName, String source) {
        return compileSource(Host.JAVAC, qualifiedName, source);
    }

    public static Compilation compileSource(Host host, String qualifiedName, String source) {
        return compile(host, JavaFileObjects.forSourceString(qualifiedName, source));
    }

    /** Compiles every .java file of a sample. */
    public static Compilation compileSample(String name) {
        return compileTree(sample(name));
    }

    /** Compiles every .java file under a source root and asserts it compiled cleanly. */
    public static Compilation compileClean(Path root) {
        return compileClean(Host.JAVAC, root);
    }

    public static Compilation compileClean(Host host, Path root) {
        Compilation c = compileTree(host, root);
        com.google.testing.compile.CompilationSubject.assertThat(c).succeededWithoutWarnings();
        return c;
    }

    /** Compiles every .java file under a source root. */
    public static Compilation compileTree(Path root) {
        return compileTree(Host.JAVAC, root);
    }

    public static Compilation compileTree(Host host, Path root) {
        try (var files = Files.walk(root)) {
            JavaFileObject[] sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
                try {
                    return JavaFileObjects.forResource(p.toUri().toURL());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toArray(JavaFileObject[]::new);
            return compile(host, sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sources that are not files yet, written under a fresh directory at their package's path. */
    private static List<File> onDisk(JavaFileObject[] sources) {
        try {
            Path dir = null;
            List<File> out = new ArrayList<>();
            for (int i = 0; i < sources.length; i++) {
                if ("file".equals(sources[i].toUri().getScheme())) {
                    out.add(new File(sources[i].toUri()));
                    continue;
                }
                if (dir == null) {
                    dir = Files.createTempDirectory("ecj-src");
                    dir.toFile().deleteOnExit();
                }
                Path file = dir.resolve(sources[i].toUri().getPath().replaceFirst("^/+", ""));
                Files.createDirectories(file.getParent());
                Files.writeString(file, sources[i].getCharContent(true));
                file.toFile().deleteOnExit();
                out.add(file.toFile());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The C tree the processor wrote: path relative to espgen/ → content. */
    public static Map<String, String> generatedC(Compilation compilation) {
        Map<String, String> out = new TreeMap<>();
        String marker = "/" + StandardLocation.SOURCE_OUTPUT.getName() + "/" + EspgenProcessor.OUTPUT_DIR + "/";
        for (JavaFileObject f : compilation.generatedFiles()) {
            String path = f.toUri().getPath();
            int at = path.indexOf(marker);
            if (at < 0) {
                continue;
            }
            try {
                out.put(path.substring(at + marker.length()), f.getCharContent(true).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Writes the C tree under dir; returns dir. */
    public static Path writeTree(Map<String, String> files, Path dir) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return dir;
    }
}
