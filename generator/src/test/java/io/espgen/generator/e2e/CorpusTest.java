package io.espgen.generator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.dsl.jvm.JvmServer;
import io.espgen.generator.Espgen;
import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour corpus: small handler programs under {@code generator/src/test/corpus/<name>/}, each a
 * server class (package {@code corpus.<name>}, a simple name and a port of its own) and a
 * {@code session.txt} script (see {@link Session}). Each program runs as plain Java on {@link JvmServer} (the
 * reference) and as its generated C, built for each target on the host under ASan and UBSan: the NONOS SDK's
 * emulation, and the FreeRTOS target (the same C over Linux's sockets, one task's select() loop). The same script
 * must give the same bytes on every connection, the same ends, and the same log lines, on the JVM and on both
 * targets.
 *
 * <p>To keep the run short, the programs are built in batches: one javac run and one firmware for as many
 * programs as the SDK's limit of 15 connections (their maxConnections together) lets one firmware serve,
 * each on its own port, as a firmware with several servers does. When a batch does not compile cleanly or
 * does not build, each of its programs is compiled and built alone, so that the failure is reported
 * against the program that causes it. A session checks the firmware's stderr for sanitizer reports and SDK
 * misuse; each firmware, once stopped, must have exited cleanly with nothing left on its heap.
 * {@code -Despgen.corpus=a,b} runs only the programs named;
 * {@code -Despgen.corpus.verbose=true} prints both recordings of every program.
 */
class CorpusTest {

    private static final Path CORPUS = Espgen.repoRoot().resolve("generator/src/test/corpus");

    /** The runtime's own lines: the listener, and the lines about one peer (refused, failed, queue full). */
    private static final Pattern RUNTIME_LINE = Pattern.compile(
            "(listening on port \\d+|\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+ .*)");

    /** The SDK's limit on connections, for all the servers of one firmware together. */
    private static final int FIRMWARE_CONNECTIONS = 15;

    @TempDir
    static Path work;

    /** Each program's batch: the programs built into one firmware, which is started on first use. */
    private static final Map<String, Batch> BATCHES = new HashMap<>();

    /** Compiled programs: classes by binary name, and the firmware built for the host, per target. */
    private record Built(Map<String, byte[]> classes, Map<Target, Path> exes) {}

    /** Programs built alone (their batch did not build), for both targets at once. */
    private static final Map<String, Built> ALONE = new HashMap<>();

    private static final class Batch {
        final List<String> names;
        /** Null when the batch did not compile cleanly or build. */
        Built built;
        final Map<Target, HostFirmware.Running> firmwares = new java.util.EnumMap<>(Target.class);

        Batch(List<String> names) {
            this.names = names;
        }
    }

    static Stream<String> programs() throws IOException {
        List<String> only = List.of(System.getProperty("espgen.corpus", "").split(","));
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(d -> Files.exists(d.resolve("session.txt"))).map(d -> d.getFileName().toString())
                    .filter(n -> only.contains("") || only.contains(n)).sorted().toList().stream();
        }
    }

    /** Every program on every target. */
    static Stream<Arguments> runs() throws IOException {
        return programs().flatMap(n -> Stream.of(Target.values()).map(t -> Arguments.of(n, t)));
    }

    @BeforeAll
    static void buildAll() throws Exception {
        List<String> names = programs().toList();
        List<Batch> batches = batches(names);
        ExecutorService builders = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (Batch b : batches) {
            b.names.forEach(n -> BATCHES.put(n, b));
            done.add(builders.submit(() -> {
                try {
                    b.built = build(b.names, work.resolve("batch-" + b.names.get(0)));
                } catch (Exception | AssertionError e) {
                    System.err.println("CorpusTest: " + b.names + " do not build together; each is built alone");
                }
            }));
        }
        // every batch built (or found not to build) before the first session needs it
        for (Future<?> f : done) {
            f.get();
        }
        builders.shutdown();
    }

    /** Programs in order, as many to a batch as their maxConnections allow (each read from its class). */
    private static List<Batch> batches(List<String> names) throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : names) {
            sources.addAll(sources(CORPUS.resolve(name)));
        }
        Compilation plain = Compiler.javac().withOptions("-proc:none").compile(sources);
        Map<String, byte[]> classes = plain.status() == Compilation.Status.SUCCESS ? classes(plain) : Map.of();
        List<Batch> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int connections = 0;
        for (String name : names) {
            int needs = FIRMWARE_CONNECTIONS; // alone, when its class cannot be read
            try {
                needs = serverClass(classes, name).getAnnotation(TcpServer.class).maxConnections();
            } catch (ReflectiveOperationException | AssertionError | LinkageError e) {
                // built alone below, which reports what is wrong with it
            }
            if (!batch.isEmpty() && connections + needs > FIRMWARE_CONNECTIONS) {
                batches.add(new Batch(batch));
                batch = new ArrayList<>();
                connections = 0;
            }
            batch.add(name);
            connections += needs;
        }
        if (!batch.isEmpty()) {
            batches.add(new Batch(batch));
        }
        return batches;
    }

    /** Each batch's firmware must stop cleanly, with nothing left on its heap once every client has gone. */
    @AfterAll
    static void stopFirmwares() throws InterruptedException {
        Map<HostFirmware.Running, Integer> exits = new LinkedHashMap<>();
        Map<HostFirmware.Running, String> whose = new HashMap<>();
        for (Batch b : new LinkedHashSet<>(BATCHES.values())) {
            for (Map.Entry<Target, HostFirmware.Running> f : b.firmwares.entrySet()) {
                exits.put(f.getValue(), f.getValue().stop());
                whose.put(f.getValue(), "the " + f.getKey().value() + " firmware of " + b.names);
            }
        }
        exits.forEach((firmware, exit) -> check(firmware, exit, whose.get(firmware)));
    }

    private static void stopAndCheck(HostFirmware.Running firmware, String what) throws InterruptedException {
        check(firmware, firmware.stop(), what);
    }

    private static void check(HostFirmware.Running firmware, int exit, String what) {
        assertThat(firmware.stderr()).as(what + ": stderr").doesNotContain("AddressSanitizer")
                .doesNotContain("LeakSanitizer").doesNotContain("runtime error").doesNotContain("SDK misuse");
        assertThat(exit).as(what + ": exit code; stderr:\n" + firmware.stderr()).isZero();
        Matcher heap = HostFirmware.HEAP_SUMMARY.matcher(firmware.stdout());
        assertThat(heap.find()).as(what + ": heap summary in its output").isTrue();
        assertThat(heap.group(1)).as(what + ": live allocations once every client left").isEqualTo("0");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("runs")
    void theFirmwareAnswersAsTheJvmReference(String name, Target target) throws Exception {
        Batch batch = BATCHES.get(name);
        boolean alone = batch.built == null;
        Built built = alone ? alone(name) : batch.built;
        Session session = Session.parse(Files.readString(CORPUS.resolve(name).resolve("session.txt")));
        Class<?> serverClass = serverClass(built.classes(), name);

        Session.Recording jvm;
        JvmServer reference = JvmServer.start(serverClass, 0);
        try {
            jvm = session.run(reference.port(), onJvm(reference));
        } finally {
            reference.close();
        }
        assertThat(reference.failures()).as("handlers that threw on the JVM").isEmpty();

        HostFirmware.Running firmware = alone ? HostRun.start(built.exes().get(target)) : running(batch, target);
        int outFrom = firmware.stdout().length();
        int errFrom = firmware.stderr().length();
        String prefix = serverClass.getSimpleName() + ": ";
        Session.Recording c;
        try {
            int port = firmware.port(serverClass.getAnnotation(TcpServer.class).port());
            c = session.run(port, onHost(firmware, port, outFrom, prefix));
        } finally {
            if (alone) {
                firmware.stop();
            }
        }

        if (Boolean.getBoolean("espgen.corpus.verbose")) {
            System.out.println("--- " + name + " on the JVM\n" + jvm.text() + "--- " + name + " as C (" + target.value() + ")\n"
                    + c.text());
        }
        assertThat(jvm.bytesReceived()).as("bytes the clients received from the JVM\n" + jvm.text()).isPositive();
        assertThat(c.text()).as("the " + target.value() + " firmware's session against the JVM's").isEqualTo(jvm.text());
        assertThat(firmware.stderr().substring(errFrom)).as("the firmware's stderr during the session")
                .doesNotContain("AddressSanitizer").doesNotContain("LeakSanitizer").doesNotContain("runtime error")
                .doesNotContain("SDK misuse");
        if (alone) {
            stopAndCheck(firmware, "the firmware");
        }
    }

    /** The JVM reference as a session sees it: a connection is busy while its send queue holds bytes. */
    private static Session.Server onJvm(JvmServer server) {
        return new Session.Server() {
            @Override
            public Optional<Session.Traffic> traffic(int remotePort) {
                return server.traffic(remotePort)
                        .map(t -> new Session.Traffic(t.received(), t.sent(), t.queued() > 0, t.ended()));
            }

            @Override
            public List<String> log() {
                return server.log();
            }
        };
    }

    /**
     * A firmware's server on host port port, as a session sees it through the emulation's trace (HostRun turns it
     * on): a connection is busy until what it sent is acknowledged and the emulation has had nothing left to run.
     * Its log is what the server printed on stdout from outFrom on; a trace line follows the disconnect handlers'
     * lines, so once a connection has ended, their lines are in.
     */
    private static Session.Server onHost(HostFirmware.Running firmware, int port, int outFrom, String prefix) {
        return new Session.Server() {
            @Override
            public Optional<Session.Traffic> traffic(int remotePort) {
                return firmware.traffic(port, remotePort)
                        .map(t -> new Session.Traffic(t.received(), t.sent(), !t.settled(), t.ended()));
            }

            @Override
            public List<String> log() {
                return logLines(firmware.stdout().substring(outFrom), prefix);
            }
        };
    }

    /** The lines the handlers logged: the firmware's stdout lines with the server's prefix, less the runtime's. */
    static List<String> logLines(String stdout, String prefix) {
        return stdout.lines().filter(l -> l.startsWith(prefix))
                .filter(l -> !RUNTIME_LINE.matcher(l.substring(prefix.length())).matches()).toList();
    }

    /** A batch's firmware for target, started on first use and again should a program have brought it down. */
    private static HostFirmware.Running running(Batch b, Target target)
            throws IOException, InterruptedException {
        HostFirmware.Running firmware = b.firmwares.get(target);
        if (firmware != null && !firmware.process().isAlive()) {
            firmware.stop();
            System.err.println("CorpusTest: the " + target.value() + " firmware of " + b.names + " died; restarting it. Its"
                    + " stderr:\n" + firmware.stderr());
            firmware = null;
        }
        if (firmware == null) {
            firmware = HostRun.start(b.built.exes().get(target));
            b.firmwares.put(target, firmware);
        }
        return firmware;
    }

    /** A program built alone, once for both targets. */
    private static synchronized Built alone(String name) throws IOException {
        Built built = ALONE.get(name);
        if (built == null) {
            built = build(List.of(name), work.resolve(name));
            ALONE.put(name, built);
        }
        return built;
    }

    /** Compiles programs (cleanly, or it throws) and builds their firmware. */
    private static Built build(List<String> names, Path dir) throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : names) {
            sources.addAll(sources(CORPUS.resolve(name)));
        }
        Compilation compilation = Espgen.compile(sources.toArray(JavaFileObject[]::new));
        CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
        return new Built(classes(compilation), HostRun.build(compilation, dir, List.of(Target.values())));
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
    private static Class<?> serverClass(Map<String, byte[]> classes, String name) throws ClassNotFoundException {
        ClassLoader loader = new BytesClassLoader(classes);
        for (String binary : classes.keySet()) {
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
