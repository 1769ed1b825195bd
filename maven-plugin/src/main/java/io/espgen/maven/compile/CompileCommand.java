package io.espgen.maven.compile;

import io.espgen.runtime.CRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The cross compiler's command line for one generated C file. The flags are those of the SDK's own builds
 * (the team's SDK notes, shared/docs/esp8266-sdk.md, section 5) plus {@code -std=gnu11 -g0 -fwrapv} and
 * warnings as errors; then the include directories (the tree's, then the one holding the build's
 * {@link WifiSecrets#HEADER}), the user's flags (last, so they may override), and {@code -c source -o object}.
 * No secret is ever on a command line.
 *
 * <p>{@code -fmacro-prefix-map=<tree>/=} makes {@code __FILE__} (which {@code os_malloc} passes to the SDK)
 * relative to the generated tree, so objects and size figures do not depend on where the project lives,
 * while the compiler's own messages keep the full path an IDE can open.
 */
public final class CompileCommand {
    public static final List<String> FIXED_FLAGS = List.of(
            "-std=gnu11", "-Os", "-g0", "-mlongcalls", "-mtext-section-literals", "-ffunction-sections",
            "-fdata-sections", "-fno-builtin-printf", "-fno-jump-tables", "-fno-inline-functions", "-nostdlib",
            "-fwrapv", "-DICACHE_FLASH");
    public static final List<String> WARNING_FLAGS = List.of("-Wall", "-Wextra", "-Werror");

    /**
     * The FreeRTOS target's: ESP8266_RTOS_SDK's own (make/project.mk: -std=gnu99 -Os -ffunction-sections
     * -fdata-sections -fstrict-volatile-bitfields -mlongcalls -nostdlib -D_GNU_SOURCE), plus -g0, -fwrapv (Java's
     * arithmetic) and the target's define.
     */
    public static final List<String> RTOS_FIXED_FLAGS = List.of(
            "-std=gnu99", "-Os", "-g0", "-ffunction-sections", "-fdata-sections", "-fstrict-volatile-bitfields",
            "-mlongcalls", "-nostdlib", "-D_GNU_SOURCE", "-fwrapv", "-D" + CRuntime.RTOS_DEFINE);

    private final Path gcc;
    private final List<String> flags;

    /**
     * @param tree the root of the generated C tree ({@code __FILE__} is made relative to it)
     * @param includeDirs searched in this order
     */
    public CompileCommand(Path gcc, CompileOptions options, Path tree, List<Path> includeDirs) {
        this(gcc, options, tree, includeDirs, List.of());
    }

    /**
     * @param sdkFlags what a real SDK adds ({@code -DESPGEN_REAL_SDK} and its header directories), after the
     *     tree's include directories, before the user's flags
     */
    public CompileCommand(Path gcc, CompileOptions options, Path tree, List<Path> includeDirs, List<String> sdkFlags) {
        this(gcc, options, tree, includeDirs, sdkFlags, false);
    }

    /**
     * As above; with rtos, for ESP8266_RTOS_SDK 3.x ({@link #RTOS_FIXED_FLAGS}, no flash size map: that SDK's
     * partition table is its own), sdkFlags being what the real RTOS SDK adds, if any.
     */
    public CompileCommand(Path gcc, CompileOptions options, Path tree, List<Path> includeDirs, List<String> sdkFlags,
            boolean rtos) {
        this.gcc = gcc;
        List<String> f = new ArrayList<>(rtos ? RTOS_FIXED_FLAGS : FIXED_FLAGS);
        if (!rtos) {
            f.add("-DSPI_FLASH_SIZE_MAP=" + options.flashSizeMap());
        }
        f.addAll(options.logLevelDefine());
        f.addAll(WARNING_FLAGS);
        f.add("-fmacro-prefix-map=" + tree.toAbsolutePath() + tree.getFileSystem().getSeparator() + "=");
        for (Path dir : includeDirs) {
            f.add("-I");
            f.add(dir.toAbsolutePath().toString());
        }
        f.addAll(sdkFlags);
        f.addAll(options.extraFlags());
        this.flags = List.copyOf(f);
    }

    /** Everything between the compiler and {@code -c}. */
    public List<String> flags() {
        return flags;
    }

    /** The full command line compiling {@code source} into {@code object}. */
    public List<String> forSource(Path source, Path object) {
        List<String> cmd = new ArrayList<>(flags.size() + 6);
        cmd.add(gcc.toString());
        cmd.addAll(flags);
        cmd.add("-c");
        cmd.add(source.toAbsolutePath().toString());
        cmd.add("-o");
        cmd.add(object.toAbsolutePath().toString());
        return cmd;
    }

    /** A command line fit for the log: one line. */
    public static String forLog(List<String> command) {
        return String.join(" ", command);
    }

    /**
     * A digest of the compiler and its flags: objects built with a different one are out of date.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(gcc.toString().getBytes(StandardCharsets.UTF_8));
            for (String flag : flags) {
                sha.update((byte) 0);
                sha.update(flag.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
