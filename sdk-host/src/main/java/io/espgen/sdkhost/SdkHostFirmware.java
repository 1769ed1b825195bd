package io.espgen.sdkhost;

import io.espgen.host.HostFirmware;
import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Builds a firmware's generated C on Espressif's own espconn and lwIP: the firmware compiled with
 * {@code -DESPGEN_REAL_SDK} against the SDK's headers, the SDK's stack sources as they are, and the glue of this
 * module in place of the closed libmain, all with {@code gcc -m32} (the SDK's sources are right only where pointers
 * and {@code long} are 32 bits), linked into {@code workDir/firmware}; and the slirp helper, a 64-bit program,
 * into {@code workDir/espgen-slirp}. Nothing of the SDK is copied: the compiler reads it where it is.
 *
 * <p>The firmware prints the host emulation's start-up lines ({@value HostFirmware#READY_LINE}, "listening on
 * 127.0.0.1:..."), so {@link #start} is {@link HostFirmware#start} and a caller drives either stack alike.
 */
public final class SdkHostFirmware {

    /** The executable's name in the work directory. */
    public static final String EXE = "firmware";
    /** The slirp helper's name, beside the executable (where the firmware looks for it). */
    public static final String HELPER = "espgen-slirp";

    /** What every 32-bit unit is compiled with. */
    static final List<String> COMMON = List.of("-m32", "-std=gnu11", "-g", "-O2", "-fno-pie", "-fwrapv");
    /** The SDK's own sources are compiled as they are: their warnings are Espressif's, and lwIP puns types. */
    static final List<String> SDK_ONLY = List.of("-w", "-fno-strict-aliasing");
    static final List<String> STRICT = List.of("-Wall", "-Wextra", "-Werror");
    /**
     * The firmware's compile: the real SDK's headers, and MEMLEAK_DEBUG, which makes the SDK's mem.h pass the
     * caller's file name to pvPortMalloc, so the heap tells the firmware's blocks from the stack's.
     */
    static final List<String> FIRMWARE_DEFINES = List.of("-DESPGEN_REAL_SDK", "-DMEMLEAK_DEBUG");

    static final String USER_CONFIG = """
            /* user_config.h - included by the NONOS SDK's osapi.h; written by espgen's SDK stack build, empty. */
            """;

    private static final long GCC_TIMEOUT_MINUTES = 5;

    private SdkHostFirmware() {
    }

    /** What {@link #build} made. */
    public record Build(Path exe, Path helper) {
    }

    /** As {@link #build(List, List, Path, Path, String)} with the compiler of {@link HostFirmware#CC_PROPERTY}. */
    public static Build build(List<Path> firmwareSources, List<Path> includeDirs, Path sdkDir, Path workDir)
            throws IOException {
        return build(firmwareSources, includeDirs, sdkDir, workDir, List.of());
    }

    /** As {@link #build(List, List, Path, Path)}, with defines ({@code -DESPGEN_LOG_LEVEL=4}) for the firmware's C. */
    public static Build build(List<Path> firmwareSources, List<Path> includeDirs, Path sdkDir, Path workDir,
            List<String> defines) throws IOException {
        return build(firmwareSources, includeDirs, sdkDir, workDir, defines,
                System.getProperty(HostFirmware.CC_PROPERTY, "gcc"));
    }

    public static Build build(List<Path> firmwareSources, List<Path> includeDirs, Path sdkDir, Path workDir,
            String compiler) throws IOException {
        return build(firmwareSources, includeDirs, sdkDir, workDir, List.of(), compiler);
    }

    /**
     * Builds into workDir: {@code sdk-obj/} (the SDK's stack, rebuilt only when its sources, the compiler or the
     * flags change), {@code glue/} (this module's C), {@code include/user_config.h}, {@code fw-obj/}, and the two
     * programs. Throws IOException with gcc's output when a compile fails, and with one line saying what to install
     * when gcc cannot build 32-bit programs (gcc-multilib) or libslirp's header is missing (libslirp-dev).
     */
    public static Build build(List<Path> firmwareSources, List<Path> includeDirs, Path sdkDir, Path workDir,
            List<String> defines, String compiler) throws IOException {
        if (firmwareSources.isEmpty()) {
            throw new IllegalArgumentException("no firmware sources");
        }
        SdkTree sdk = SdkTree.open(sdkDir);
        Path work = workDir.toAbsolutePath();
        Files.createDirectories(work);
        checkMultilib(compiler, work);

        Path glue = GlueSources.extract(work.resolve("glue"));
        Path include = work.resolve("include");
        Files.createDirectories(include);
        writeIfChanged(include.resolve("user_config.h"), USER_CONFIG);
        Path espgenInclude = CRuntime.extractInclude(work.resolve("espgen-include"));

        List<Path> objects = new ArrayList<>(buildStack(sdk, compiler, work.resolve("sdk-obj")));

        List<Compile> units = new ArrayList<>();
        Path glueObj = fresh(work.resolve("glue-obj"));
        for (String f : GlueSources.SDK_SIDE) {
            List<String> flags = new ArrayList<>(STRICT);
            flags.addAll(SdkTree.STACK_DEFINES);
            flags.addAll(sdk.stackSystemIncludes());
            flags.addAll(List.of("-I", include.toString(), "-I", glue.toString()));
            units.add(new Compile(glue.resolve(f), glueObj.resolve(object(f)), flags));
        }
        for (String f : GlueSources.LINUX_SIDE) {
            List<String> flags = new ArrayList<>(STRICT);
            flags.addAll(List.of("-I", glue.toString()));
            units.add(new Compile(glue.resolve(f), glueObj.resolve(object(f)), flags));
        }
        Path fwObj = fresh(work.resolve("fw-obj"));
        List<String> fwFlags = new ArrayList<>(STRICT);
        fwFlags.addAll(FIRMWARE_DEFINES);
        fwFlags.addAll(defines);
        for (Path dir : includeDirs) {
            fwFlags.addAll(List.of("-I", dir.toAbsolutePath().toString()));
        }
        fwFlags.addAll(List.of("-I", espgenInclude.toString(), "-I", include.toString()));
        fwFlags.addAll(sdk.firmwareSystemIncludes());
        int i = 0;
        for (Path source : firmwareSources) {
            String name = String.format("%03d-%s", i++, object(source.getFileName().toString()));
            units.add(new Compile(source.toAbsolutePath(), fwObj.resolve(name), fwFlags));
        }
        compileAll(compiler, units, work);
        for (Compile c : units) {
            objects.add(c.object());
        }

        Path exe = work.resolve(EXE);
        List<String> link = new ArrayList<>(List.of(compiler, "-m32", "-no-pie", "-g"));
        objects.forEach(o -> link.add(o.toString()));
        link.addAll(List.of("-o", exe.toString()));
        run(link, work, "linking the SDK stack");

        Path helper = work.resolve(HELPER);
        List<String> helperCmd = List.of(compiler, "-std=gnu11", "-O2", "-g", "-Wall", "-Wextra", "-Werror",
                glue.resolve(GlueSources.SLIRP_HELPER).toString(), "-lslirp", "-o", helper.toString());
        try {
            run(helperCmd, work, "building the slirp helper");
        } catch (IOException e) {
            if (e.getMessage().contains("libslirp.h") || e.getMessage().contains("-lslirp")) {
                throw new IOException("the SDK stack's network needs libslirp (Debian: apt-get install libslirp-dev,"
                        + " or scripts/setup)\n" + e.getMessage(), e);
            }
            throw e;
        }
        return new Build(exe, helper);
    }

    /** Starts a built firmware; see {@link HostFirmware#start(Path, List, Map, Duration)} (the same arguments). */
    public static HostFirmware.Running start(Build build, List<String> args, Map<String, String> env,
            Duration timeout) throws IOException {
        return HostFirmware.start(build.exe(), args, env, timeout);
    }

    // ---- the SDK's stack, built once per SDK, compiler and flags ----

    private static List<Path> buildStack(SdkTree sdk, String compiler, Path dir) throws IOException {
        List<Path> sources = sdk.sources();
        List<String> flags = new ArrayList<>(SDK_ONLY);
        flags.addAll(sdk.stackFlags());
        StringBuilder stamp = new StringBuilder();
        stamp.append(compiler).append('\n').append(COMMON).append(flags).append('\n');
        List<Compile> units = new ArrayList<>();
        Path lwip = sdk.root().resolve(SdkTree.LWIP);
        for (Path source : sources) {
            String name = object(lwip.relativize(source).toString().replace('/', '_'));
            units.add(new Compile(source, dir.resolve(name), flags));
            stamp.append(source).append(' ').append(Files.size(source)).append(' ')
                    .append(Files.getLastModifiedTime(source).toMillis()).append('\n');
        }
        Path stampFile = dir.resolve("stamp.txt");
        boolean upToDate = Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).contentEquals(stamp)
                && units.stream().allMatch(u -> Files.isRegularFile(u.object()));
        if (!upToDate) {
            fresh(dir);
            compileAll(compiler, units, dir);
            Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        }
        return units.stream().map(Compile::object).toList();
    }

    // ---- compiling ----

    record Compile(Path source, Path object, List<String> flags) {
        List<String> command(String compiler) {
            List<String> cmd = new ArrayList<>();
            cmd.add(compiler);
            cmd.addAll(COMMON);
            cmd.addAll(flags);
            cmd.addAll(List.of("-c", source.toString(), "-o", object.toString()));
            return cmd;
        }
    }

    private static void compileAll(String compiler, List<Compile> units, Path dir) throws IOException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Compile c : units) {
                done.add(pool.submit(() -> {
                    run(c.command(compiler), dir, "compiling " + c.source().getFileName());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkMultilib(String compiler, Path work) throws IOException {
        Path probe = work.resolve("m32-probe.c");
        writeIfChanged(probe, "int main(void) { return sizeof(void *) == 4 ? 0 : 1; }\n");
        try {
            run(List.of(compiler, "-m32", probe.toString(), "-o", work.resolve("m32-probe").toString()), work,
                    "probing -m32");
        } catch (IOException e) {
            throw new IOException("'" + compiler + " -m32' cannot build 32-bit programs: the SDK stack needs"
                    + " gcc-multilib (Debian: apt-get install gcc-multilib, or scripts/setup)\n" + e.getMessage(), e);
        }
    }

    static void run(List<String> cmd, Path dir, String what) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("C compiler '" + cmd.get(0) + "' not found: the SDK stack needs gcc on the PATH"
                    + " (Debian: apt-get install gcc gcc-multilib), or -D" + HostFirmware.CC_PROPERTY + "=<compiler>",
                    e);
        }
        p.getOutputStream().close();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(GCC_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(what + ": no result within " + GCC_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " failed (exit " + p.exitValue() + "):\n" + output + "\ncommand: "
                    + String.join(" ", cmd));
        }
    }

    private static String object(String cFile) {
        return cFile.replaceAll("\\.c$", "") + ".o";
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    if (Files.isRegularFile(p)) {
                        Files.delete(p);
                    }
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void writeIfChanged(Path file, String text) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
