package io.espgen.generator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.jvm.JvmServer;
import io.espgen.generator.Espgen;
import io.espgen.templates.HostFirmware;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour corpus: small handler programs under {@code generator/src/test/corpus/<name>/}, each a
 * server class and a {@code session.txt} script (see {@link Session}). Each program runs twice, as plain
 * Java on {@link JvmServer} (the reference) and as its generated C on the host emulation under ASan and
 * UBSan; the same script must give the same bytes on every connection, the same ends, and the same log.
 *
 * <p>The programs are compiled and their C built up front, two at a time, before the sessions run.
 * {@code -Despgen.corpus=a,b} runs only the programs named; {@code -Despgen.corpus.verbose=true} prints both
 * recordings of every program.
 */
class CorpusTest {

    private static final Path CORPUS = Espgen.repoRoot().resolve("generator/src/test/corpus");

    @TempDir
    static Path work;

    private static ExecutorService builders;
    private static final Map<String, Future<Built>> BUILDS = new HashMap<>();

    /** A compiled program: its classes by binary name, its firmware built for the host. */
    private record Built(Map<String, byte[]> classes, Path exe) {}

    static Stream<String> programs() throws IOException {
        List<String> only = List.of(System.getProperty("espgen.corpus", "").split(","));
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(d -> Files.exists(d.resolve("session.txt"))).map(d -> d.getFileName().toString())
                    .filter(n -> only.contains("") || only.contains(n)).sorted().toList().stream();
        }
    }

    @BeforeAll
    static void buildAll() throws IOException, InterruptedException {
        builders = Executors.newFixedThreadPool(2);
        for (String name : programs().toList()) {
            BUILDS.put(name, builders.submit(() -> build(name)));
        }
        // the sessions' timing relies on an idle machine: let the compilers finish first
        builders.shutdown();
        builders.awaitTermination(10, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stopBuilding() {
        builders.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theFirmwareAnswersAsTheJvmReference(String name) throws Exception {
        Built built = built(name);
        Session session = Session.parse(Files.readString(CORPUS.resolve(name).resolve("session.txt")));

        Class<?> serverClass = serverClass(built);
        Session.Recording jvm;
        JvmServer reference = JvmServer.start(serverClass, 0);
        try {
            jvm = session.run(reference.port(), reference::log);
        } finally {
            reference.close();
        }
        assertThat(reference.failures()).as("handlers that threw on the JVM").isEmpty();

        String prefix = serverClass.getSimpleName() + ": ";
        Session.Recording c;
        HostFirmware.Running firmware = HostRun.start(built.exe());
        try {
            c = session.run(firmware.port(serverClass.getAnnotation(TcpServer.class).port()), () -> logLines(firmware.stdout(), prefix));
        } finally {
            firmware.stop();
        }

        if (Boolean.getBoolean("espgen.corpus.verbose")) {
            System.out.println("--- " + name + " on the JVM\n" + jvm.text() + "--- " + name + " as C\n" + c.text());
        }
        assertThat(jvm.bytesReceived()).as("bytes the clients received from the JVM\n" + jvm.text()).isPositive();
        assertThat(c.text()).as("the firmware's session against the JVM's").isEqualTo(jvm.text());
        assertThat(firmware.stderr()).as("the firmware's stderr")
                .doesNotContain("AddressSanitizer").doesNotContain("LeakSanitizer").doesNotContain("runtime error")
                .doesNotContain("SDK misuse");
        Matcher heap = HostFirmware.HEAP_SUMMARY.matcher(firmware.stdout());
        assertThat(heap.find()).as("heap summary in " + firmware.stdout()).isTrue();
        assertThat(heap.group(1)).as("live allocations once every client left").isEqualTo("0");
    }

    /** The runtime's own lines: the listener, and the lines about one peer (refused, failed, queue full). */
    private static final Pattern RUNTIME_LINE = Pattern.compile(
            "(listening on port \\d+|\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+ .*)");

    /** The lines the handlers logged: the firmware's stdout lines with the server's prefix, less the runtime's. */
    static List<String> logLines(String stdout, String prefix) {
        return stdout.lines().filter(l -> l.startsWith(prefix))
                .filter(l -> !RUNTIME_LINE.matcher(l.substring(prefix.length())).matches()).toList();
    }

    private static Built built(String name) throws Exception {
        try {
            return BUILDS.get(name).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    private static Built build(String name) throws IOException {
        Compilation compilation = Espgen.compileClean(CORPUS.resolve(name));
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
        return new Built(classes, HostRun.build(compilation, work.resolve(name)));
    }

    /** The program's @TcpServer class. */
    private static Class<?> serverClass(Built built) throws ClassNotFoundException {
        ClassLoader loader = new BytesClassLoader(built.classes());
        for (String name : built.classes().keySet()) {
            Class<?> c = loader.loadClass(name);
            if (c.isAnnotationPresent(TcpServer.class)) {
                return c;
            }
        }
        throw new AssertionError("no @TcpServer class in " + built.classes().keySet());
    }

    /** Loads a program's classes from the bytes the compilation produced; the DSL comes from the parent. */
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
