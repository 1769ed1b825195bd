package io.espgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.compile.CompileCommand;
import io.espgen.maven.compile.CompileOptions;
import io.espgen.maven.compile.FirmwareCompiler;
import io.espgen.maven.compile.SourceTree;
import io.espgen.maven.link.FirmwareLinker;
import io.espgen.maven.link.PreparedLibc;
import io.espgen.maven.link.Sdk;
import io.espgen.maven.link.SdkGlue;
import io.espgen.maven.toolchain.Toolchain;
import io.espgen.maven.toolchain.ToolchainLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The echo sample, generated, compiled against the {@link StandInSdk} and linked into an ELF, as
 * {@code esp:firmware -Desp.sdkDir=...} does it: built once per test JVM below the build directory
 * ({@code target/standin-sdk}, which the plugin's integration test also links with, and
 * {@code target/linked-echo}).
 */
public final class LinkedEcho {
    private static LinkedEcho instance;

    public final Toolchain toolchain;
    public final Path sdkDir;
    public final Sdk sdk;
    public final Path tree;
    public final Path objDir;
    public final Path linkDir;
    public final Path libcSource;
    public final CompileCommand compile;
    public final List<Path> objects;
    public final Path elf;
    public final FirmwareLinker.Result link;

    private LinkedEcho(Path buildDir) throws Exception {
        toolchain = StandInTree.crossToolchain(ToolchainLocator.GCC, ToolchainLocator.SIZE, ToolchainLocator.AR,
                ToolchainLocator.NM);
        try {
            libcSource = PreparedLibc.find(toolchain.gcc(), null);
        } catch (EspException e) {
            throw new AssertionError("the link tests need picolibc-xtensa-lx106-elf; run scripts/setup: "
                    + e.getMessage(), e);
        }
        sdkDir = buildDir.resolve("standin-sdk");
        Path work = buildDir.resolve("linked-echo");
        deleteTree(sdkDir);
        deleteTree(work);
        StandInSdk.build(sdkDir, toolchain.gcc(), toolchain.ar());
        sdk = Sdk.open(sdkDir);
        tree = EchoSample.generate(work.resolve("javac"));
        objDir = work.resolve("obj");
        linkDir = work.resolve("link");
        SourceTree t = SourceTree.scan(tree);
        compile = new CompileCommand(toolchain.gcc(), CompileOptions.of(4, null), t.root(),
                t.includeDirs(), sdk.compileFlags(SdkGlue.write(linkDir)));
        FirmwareCompiler.Result compiled = new FirmwareCompiler(compile, 2, s -> { }).compile(t, objDir);
        assertThat(compiled.failures()).as("compile errors: %s", compiled.failures().stream()
                .map(f -> f.result().output()).collect(Collectors.toList())).isEmpty();
        objects = compiled.files().stream().map(FirmwareCompiler.FileResult::object).collect(Collectors.toList());
        elf = work.resolve("echo-server.elf");
        link = linker(linkDir).link(compile, objects, libcSource, elf);
        assertThat(link.failed()).as("link: %s\n%s", link.command(), link.link().output()).isFalse();
    }

    /** The shared build; skips the calling test when the cross tools or a libc.a are missing. */
    public static synchronized LinkedEcho get() throws Exception {
        if (instance == null) {
            instance = new LinkedEcho(buildDir());
        }
        return instance;
    }

    public FirmwareLinker linker(Path dir) {
        return new FirmwareLinker(toolchain.gcc(), toolchain.ar(), toolchain.nm(), sdk, dir, s -> { });
    }

    /** The module's build directory (system property {@code espgen.buildDir}, else {@code target}). */
    public static Path buildDir() {
        String dir = System.getProperty("espgen.buildDir");
        return Path.of(dir == null ? "target" : dir).toAbsolutePath().normalize();
    }

    /** Runs a cross tool ({@code xtensa-lx106-elf-<name>}, next to the compiler) and returns its output. */
    public String tool(String name, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(toolchain.gcc().resolveSibling("xtensa-lx106-elf-" + name).toString());
        cmd.addAll(List.of(args));
        Exec.Result r = Exec.run(cmd, null);
        assertThat(r.ok()).as(String.join(" ", cmd) + "\n" + r.output()).isTrue();
        return r.output();
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
