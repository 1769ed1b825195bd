import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * bench/run's generator-speed part: javac (in this JVM, as Maven's compiler plugin runs it) over n copies of
 * the echo sample's server, with the espgen processor and without it (-proc:none), so the difference is the
 * processor's own time. The first compile of the JVM is reported apart: it includes loading javac, the
 * processor and Eclipse JDT (which the processor uses to parse handler bodies). Prints one tab-separated
 * line per n: n, cold ms (with processor), warm median ms with processor, warm median ms without.
 *
 * <p>Usage: java -cp CLASSPATH GeneratorSpeed.java ECHO_SOURCE WORK_DIR REPS N...
 */
public final class GeneratorSpeed {
    public static void main(String[] args) throws Exception {
        Path echo = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int reps = Integer.parseInt(args[2]);
        String template = Files.readString(echo, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        boolean cold = true;
        for (int a = 3; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            Path src = work.resolve("n" + n + "/src");
            List<Path> files = servers(template, n, src);
            double coldMs = Double.NaN;
            if (cold) {
                coldMs = compile(javac, files, work.resolve("n" + n + "/cold"), true);
                cold = false;
            }
            compile(javac, files, work.resolve("n" + n + "/warmup"), true); // the JIT's turn
            compile(javac, files, work.resolve("n" + n + "/warmup-none"), false);
            List<Double> with = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            for (int r = 0; r < reps; r++) { // interleaved, so load drifts hit both alike
                with.add(compile(javac, files, work.resolve("n" + n + "/with" + r), true));
                without.add(compile(javac, files, work.resolve("n" + n + "/without" + r), false));
            }
            System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f\t%.1f%n", n, coldMs, median(with), median(without));
        }
    }

    /** n copies of the echo server, each its own class and port, in package example. */
    static List<Path> servers(String template, int n, Path dir) throws IOException {
        Path pkg = dir.resolve("example");
        Files.createDirectories(pkg);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "EchoServer" + i;
            String text = template.replace("class EchoServer", "class " + name)
                    .replace("port = 7777", "port = " + (10000 + i))
                    .replace("maxConnections = 4", "maxConnections = 1"); // 15 in all is the SDK's limit
            Path f = pkg.resolve(name + ".java");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            files.add(f);
        }
        return files;
    }

    static double compile(JavaCompiler javac, List<Path> files, Path out, boolean processor) throws IOException {
        deleteTree(out);
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path generated = Files.createDirectories(out.resolve("generated"));
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
                "-cp", System.getProperty("java.class.path"), "--release", "17", "-nowarn"));
        if (processor) {
            options.addAll(List.of("-processor", "io.espgen.generator.EspgenProcessor"));
        } else {
            options.add("-proc:none");
        }
        java.io.StringWriter sink = new java.io.StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            long start = System.nanoTime();
            boolean ok = javac.getTask(sink, fm, null, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            long ns = System.nanoTime() - start;
            if (!ok) {
                throw new IllegalStateException("javac failed on " + files.size() + " servers in " + out + ":\n" + sink);
            }
            return ns / 1e6;
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Comparator.naturalOrder());
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
