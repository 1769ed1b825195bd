package io.espgen.generator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.jvm.JvmServer;
import io.espgen.generator.Espgen;
import io.espgen.templates.HostFirmware;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour corpus: small handler programs under {@code generator/src/test/corpus/<name>/}, each a
 * server class (package {@code corpus.<name>}, a simple name and a port of its own) and a
 * {@code session.txt} script (see {@link Session}). Each program runs twice, as plain Java on
 * {@link JvmServer} (the reference) and as its generated C on the host emulation under ASan and UBSan; the
 * same script must give the same bytes on every connection, the same ends, and the same log lines.
 *
 * <p>To keep the run short, every program is compiled in one javac run, and the C of all of them is built
 * into one firmware that serves each on its own port, as a firmware with several servers does. When that
 * does not compile cleanly or build, each program is compiled and built alone, so that the failure is
 * reported against the program that causes it. {@code -Despgen.corpus=a,b} runs only the programs named;
 * {@code -Despgen.corpus.verbose=true} prints both recordings of every program.
 */
class CorpusTest {

    private static final Path CORPUS = Espgen.repoRoot().resolve("generator/src/test/corpus");

    /** The runtime's own lines: the listener, and the lines about one peer (refused, failed, queue full). */
    private static final Pattern RUNTIME_LINE = Pattern.compile(
            "(listening on port \\d+|\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+ .*)");

    @TempDir
    static Path work;

    /** All programs' classes and firmware, or null when they must be compiled and built one by one. */
    private static Built all;
    private static HostFirmware.Running shared;

    /** Compiled programs: classes by binary name, and the firmware built for the host. */
    private record Built(Map<String, byte[]> classes, Path exe) {}

    static Stream<String> programs() throws IOException {
        List<String> only = List.of(System.getProperty("espgen.corpus", "").split(","));
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(d -> Files.exists(d.resolve("session.txt"))).map(d -> d.getFileName().toString())
                    .filter(n -> only.contains("") || only.contains(n)).sorted().toList().stream();
        }
    }

    @BeforeAll
    static void buildAll() throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : programs().toList()) {
            sources.addAll(sources(CORPUS.resolve(name)));
        }
        Compilation compilation = Espgen.compile(sources.toArray(JavaFileObject[]::new));
        if (!clean(compilation)) {
            return; // each program's test reports its own errors
        }
        try {
            all = new Built(classes(compilation), HostRun.build(compilation, work.resolve("all")));
        } catch (IOException e) {
            System.err.println("CorpusTest: the corpus firmware does not build; building each program alone\n" + e);
        }
    }

    @AfterAll
    static void stopSharedFirmware() throws InterruptedException {
        if (shared == null) {
            return;
        }
        int exit = shared.stop();
        assertThat(shared.stderr()).as("the corpus firmware's stderr").doesNotContain("AddressSanitizer")
                .doesNotContain("LeakSanitizer").doesNotContain("runtime error").doesNotContain("SDK misuse");
        assertThat(exit).as("the corpus firmware's exit code; stderr:\n" + shared.stderr()).isZero();
        Matcher heap = HostFirmware.HEAP_SUMMARY.matcher(shared.stdout());
        assertThat(heap.find()).as("heap summary in the corpus firmware's output").isTrue();
        assertThat(heap.group(1)).as("live allocations once every client left").isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theFirmwareAnswersAsTheJvmReference(String name) throws Exception {
        Built built = all != null ? all : buildAlone(name);
        Session session = Session.parse(Files.readString(CORPUS.resolve(name).resolve("session.txt")));
        Class<?> serverClass = serverClass(built, name);

        Session.Recording jvm;
        JvmServer reference = JvmServer.start(serverClass, 0);
        try {
            jvm = session.run(reference.port(), reference::log);
        } finally {
            reference.close();
        }
        assertThat(reference.failures()).as("handlers that threw on the JVM").isEmpty();

        HostFirmware.Running firmware = all != null ? sharedFirmware() : HostRun.start(built.exe());
        int outFrom = firmware.stdout().length();
        int errFrom = firmware.stderr().length();
        String prefix = serverClass.getSimpleName() + ": ";
        Session.Recording c;
        try {
            int port = firmware.port(serverClass.getAnnotation(TcpServer.class).port());
            c = session.run(port, () -> logLines(firmware.stdout().substring(outFrom), prefix));
        } finally {
            if (firmware != shared) {
                firmware.stop();
            }
        }

        if (Boolean.getBoolean("espgen.corpus.verbose")) {
            System.out.println("--- " + name + " on the JVM\n" + jvm.text() + "--- " + name + " as C\n" + c.text());
        }
        assertThat(jvm.bytesReceived()).as("bytes the clients received from the JVM\n" + jvm.text()).isPositive();
        assertThat(c.text()).as("the firmware's session against the JVM's").isEqualTo(jvm.text());
        assertThat(firmware.stderr().substring(errFrom)).as("the firmware's stderr during the session")
                .doesNotContain("AddressSanitizer").doesNotContain("LeakSanitizer").doesNotContain("runtime error")
                .doesNotContain("SDK misuse");
        if (firmware != shared) {
            Matcher heap = HostFirmware.HEAP_SUMMARY.matcher(firmware.stdout());
            assertThat(heap.find()).as("heap summary in " + firmware.stdout()).isTrue();
            assertThat(heap.group(1)).as("live allocations once every client left").isEqualTo("0");
        }
    }

    /** The lines the handlers logged: the firmware's stdout lines with the server's prefix, less the runtime's. */
    static List<String> logLines(String stdout, String prefix) {
        return stdout.lines().filter(l -> l.startsWith(prefix))
                .filter(l -> !RUNTIME_LINE.matcher(l.substring(prefix.length())).matches()).toList();
    }

    /** The corpus firmware, started on first use and again should a program have brought it down. */
    private static HostFirmware.Running sharedFirmware() throws IOException, InterruptedException {
        if (shared != null && !shared.process().isAlive()) {
            shared.stop();
            System.err.println("CorpusTest: the corpus firmware died; restarting it. Its stderr:\n" + shared.stderr());
            shared = null;
        }
        if (shared == null) {
            shared = HostRun.start(all.exe());
        }
        return shared;
    }

    private static Built buildAlone(String name) throws IOException {
        Compilation compilation = Espgen.compileClean(CORPUS.resolve(name));
        return new Built(classes(compilation), HostRun.build(compilation, work.resolve(name)));
    }

    private static boolean clean(Compilation c) {
        return c.status() == Compilation.Status.SUCCESS && c.diagnostics().stream()
                .noneMatch(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING);
    }

    private static List<JavaFileObject> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<JavaFileObject> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                out.add(JavaFileObjects.forResource(p.toUri().toURL()));
            }
            return out;
        }
    }

    private static Map<String, byte[]> classes(Compilation compilation) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        for (JavaFileObject f : compilation.generatedFiles()) {
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                String path = f.toUri().getPath();
                String binary = path.substring(path.indexOf("/corpus/") + 1, path.length() - ".class".length());
                try (InputStream in = f.openInputStream()) {
                    classes.put(binary.replace('/', '.'), in.readAllBytes());
                }
            }
        }
        return classes;
    }

    /** The program's @TcpServer class, from a class loader of its own (fresh static state). */
    private static Class<?> serverClass(Built built, String name) throws ClassNotFoundException {
        ClassLoader loader = new BytesClassLoader(built.classes());
        for (String binary : built.classes().keySet()) {
            if (binary.startsWith("corpus." + name + ".")) {
                Class<?> c = loader.loadClass(binary);
                if (c.isAnnotationPresent(TcpServer.class)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no @TcpServer class in package corpus." + name);
    }

    /** Loads compiled classes from their bytes; the DSL comes from the parent. */
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes) {
            super(CorpusTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
