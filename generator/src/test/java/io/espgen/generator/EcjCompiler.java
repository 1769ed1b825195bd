package io.espgen.generator;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.FileCompilation;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;

/**
 * The Eclipse compiler (batch ECJ from Maven Central, {@code org.eclipse.jdt:ecj}) giving compile-testing
 * {@link Compilation}s, as Eclipse and VS Code run the processor: ECJ in a class loader of its own (it carries
 * its own copy of JDT's compiler classes), the processor in the test's. The jar is the one JDT Core depends
 * on (pinned by {@code ecj.version}); surefire passes its path as {@code espgen.ecjJar}.
 */
final class EcjCompiler {

    private static JavaCompiler ecj;

    private EcjCompiler() {}

    static synchronized JavaCompiler javaCompiler() {
        if (ecj == null) {
            String jar = System.getProperty("espgen.ecjJar");
            if (jar == null || !Files.isRegularFile(Path.of(jar))) {
                throw new AssertionError("no ECJ jar at " + jar + ": run the tests through Maven (mvn -pl generator "
                        + "test), which resolves org.eclipse.jdt:ecj and passes its path as espgen.ecjJar");
            }
            Path path = Path.of(jar);
            try {
                URLClassLoader loader = new URLClassLoader(new URL[] {path.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                ecj = (JavaCompiler) loader.loadClass("org.eclipse.jdt.internal.compiler.tool.EclipseCompiler")
                        .getConstructor().newInstance();
            } catch (MalformedURLException | ReflectiveOperationException e) {
                throw new AssertionError("cannot load ECJ from " + path, e);
            }
        }
        return ecj;
    }

    /**
     * Compiles {@code sources} (files) with the processor under ECJ for Java 17, the DSL on the class path,
     * ECJ's warnings at their defaults (its {@code -warn:none} would drop the processor's warnings too).
     */
    static Compilation compile(Processor processor, List<File> sources) {
        try {
            return compile(processor, sources, Files.createTempDirectory("ecj-out"), List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** As {@link #compile(Processor, List)}, with output under {@code out} and more on the class path. */
    static Compilation compile(Processor processor, List<File> sources, Path out, List<Path> classpath) {
        return FileCompilation.compile(javaCompiler(), List.of("-17", "-proc:full", "-classpath",
                classpath(classpath)), processor, sources, out);
    }

    /** The DSL and {@code more}, as a class path option. */
    static String classpath(List<Path> more) {
        StringBuilder path = new StringBuilder(dslJar().getPath());
        more.forEach(p -> path.append(File.pathSeparator).append(p));
        return path.toString();
    }

    static File dslJar() {
        try {
            return new File(io.espgen.dsl.TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
