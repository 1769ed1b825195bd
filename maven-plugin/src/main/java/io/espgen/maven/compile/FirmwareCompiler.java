package io.espgen.maven.compile;

import io.espgen.maven.Exec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles the out-of-date C files of a {@link SourceTree} into an object directory, several at a time,
 * and reports per file in source order (so the log reads the same whatever finished first). Objects whose
 * source is gone are deleted, so they cannot haunt the size report.
 */
public final class FirmwareCompiler {

    /** One source: compiled now (with the compiler's result) or left as it was. */
    public record FileResult(Path source, Path object, Exec.Result result) {
        public boolean compiled() {
            return result != null;
        }

        public boolean failed() {
            return result != null && !result.ok();
        }
    }

    /** The outcome of one build, files in source order. */
    public record Result(List<FileResult> files, List<Path> removedObjects) {
        public List<FileResult> failures() {
            return files.stream().filter(FileResult::failed).collect(Collectors.toList());
        }

        public long compiledCount() {
            return files.stream().filter(FileResult::compiled).count();
        }

        /** Nothing compiled and nothing removed. */
        public boolean upToDate() {
            return compiledCount() == 0 && removedObjects.isEmpty();
        }
    }

    private final CompileCommand command;
    private final int parallelism;
    private final Consumer<String> debug;

    /**
     * @param parallelism how many compilers may run at once (at least 1)
     * @param debug receives each command line
     */
    public FirmwareCompiler(CompileCommand command, int parallelism, Consumer<String> debug) {
        this.command = command;
        this.parallelism = Math.max(1, parallelism);
        this.debug = debug;
    }

    public Result compile(SourceTree tree, Path objDir) throws IOException, InterruptedException {
        return compile(tree, objDir, List.of());
    }

    /** @param moreHeaders headers outside the tree the sources include (the build's {@link WifiSecrets#HEADER}) */
    public Result compile(SourceTree tree, Path objDir, List<Path> moreHeaders) throws IOException, InterruptedException {
        Files.createDirectories(objDir);
        List<Path> headers = tree.headers().stream().map(tree.root()::resolve).collect(Collectors.toList());
        headers.addAll(moreHeaders);
        IncrementalCheck check = IncrementalCheck.of(headers, objDir, command.fingerprint());
        check.invalidateIfChanged();

        List<Path> stale = new ArrayList<>();
        for (Path rel : tree.sources()) {
            if (!check.upToDate(tree.root().resolve(rel), SourceTree.objectFor(objDir, rel))) {
                stale.add(rel);
            }
        }
        List<Exec.Result> results = run(tree, objDir, stale);

        List<FileResult> files = new ArrayList<>();
        boolean allOk = true;
        for (Path rel : tree.sources()) {
            int i = stale.indexOf(rel);
            Exec.Result r = i < 0 ? null : results.get(i);
            Path object = SourceTree.objectFor(objDir, rel);
            if (r != null && !r.ok()) {
                allOk = false;
                Files.deleteIfExists(object);
            }
            files.add(new FileResult(rel, object, r));
        }
        List<Path> removed = removeOrphans(tree, objDir);
        if (allOk) {
            check.recordOptions();
        }
        return new Result(List.copyOf(files), removed);
    }

    private List<Exec.Result> run(SourceTree tree, Path objDir, List<Path> stale)
            throws IOException, InterruptedException {
        if (stale.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, stale.size()), r -> {
            Thread t = new Thread(r, "espgen-cc");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Exec.Result>> futures = new ArrayList<>();
            for (Path rel : stale) {
                Path object = SourceTree.objectFor(objDir, rel);
                Files.createDirectories(object.getParent());
                List<String> cmd = command.forSource(tree.root().resolve(rel), object);
                debug.accept(CompileCommand.forLog(cmd));
                futures.add(pool.submit(() -> Exec.run(cmd, tree.root())));
            }
            List<Exec.Result> results = new ArrayList<>();
            for (Future<Exec.Result> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof InterruptedException ie) {
                        throw ie;
                    }
                    throw new IllegalStateException(cause);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Path> removeOrphans(SourceTree tree, Path objDir) throws IOException {
        Set<Path> expected = new HashSet<>();
        for (Path rel : tree.sources()) {
            expected.add(SourceTree.objectFor(objDir, rel).toAbsolutePath().normalize());
        }
        List<Path> orphans;
        try (Stream<Path> walk = Files.walk(objDir)) {
            orphans = walk.filter(p -> p.getFileName().toString().endsWith(".o") && Files.isRegularFile(p))
                    .filter(p -> !expected.contains(p.toAbsolutePath().normalize()))
                    .sorted()
                    .collect(Collectors.toList());
        }
        for (Path orphan : orphans) {
            Files.delete(orphan);
        }
        return orphans.stream().map(objDir::relativize).collect(Collectors.toList());
    }
}
