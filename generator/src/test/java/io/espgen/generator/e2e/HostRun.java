package io.espgen.generator.e2e;

import com.google.testing.compile.Compilation;
import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.generator.Espgen;
import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A server's generated firmware, built with the host emulation under ASan and UBSan, running. */
final class HostRun {

    private HostRun() {}

    /** Compiles the Java under sourceRoot, builds its C for the host, and starts it on ephemeral ports. */
    static HostFirmware.Running start(Path sourceRoot, Path workDir) throws IOException {
        return start(build(Espgen.compileClean(sourceRoot), workDir));
    }

    /** Builds the C a compilation generated, for the host (NONOS), under workDir; returns the executable. */
    static Path build(Compilation compilation, Path workDir) throws IOException {
        return build(compilation, workDir, List.of(Target.NONOS)).get(Target.NONOS);
    }

    /** Builds the C a compilation generated, for the host, once per target, under workDir; the executables. */
    static Map<Target, Path> build(Compilation compilation, Path workDir, List<Target> targets) throws IOException {
        Map<String, String> files = Espgen.generatedC(compilation);
        Path tree = Espgen.writeTree(files, workDir.resolve("espgen"));
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(tree)) {
            sources = walk.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        List<Path> includes = List.of(tree.resolve("include"), tree);
        Map<Target, Path> exes = new java.util.EnumMap<>(Target.class);
        for (Target target : targets) {
            exes.put(target, target == Target.NONOS
                    ? HostFirmware.build(sources, includes, workDir.resolve("build"), true)
                    : HostFirmware.buildRtos(sources, includes, workDir.resolve("build-rtos"), true));
        }
        return exes;
    }

    /** Starts a built firmware on ephemeral ports, with its trace on (HostFirmware.Running.traffic). */
    static HostFirmware.Running start(Path exe) throws IOException {
        return HostFirmware.start(exe, List.of("--any-port", "--exit-after-ms", "300000"),
                Map.of(HostFirmware.TRACE_ENV, "1"), Duration.ofSeconds(30));
    }
}
