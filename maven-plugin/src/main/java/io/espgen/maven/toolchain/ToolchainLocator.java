package io.espgen.maven.toolchain;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the xtensa-lx106 cross tools: in the configured directory ({@code esp.toolchainDir}), else in the
 * directory named by the environment variable {@value #ENV}, else on the PATH. A directory may be the
 * {@code bin} directory itself or a prefix holding {@code bin/}. A directory that is configured but holds
 * no compiler is an error, not a reason to fall back to the next place: the user asked for that one.
 */
public final class ToolchainLocator {
    public static final String GCC = "xtensa-lx106-elf-gcc";
    public static final String SIZE = "xtensa-lx106-elf-size";
    public static final String AR = "xtensa-lx106-elf-ar";
    public static final String NM = "xtensa-lx106-elf-nm";
    public static final String ADDR2LINE = "xtensa-lx106-elf-addr2line";
    public static final String ENV = "ESP_TOOLCHAIN_DIR";

    private final Map<String, String> env;
    private final boolean windows;

    /** A locator reading this process's environment. */
    public ToolchainLocator() {
        this(System.getenv(), System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    /** A locator reading the given environment (tests). */
    public ToolchainLocator(Map<String, String> env, boolean windows) {
        this.env = Map.copyOf(env);
        this.windows = windows;
    }

    /**
     * Finds every tool in {@code names} (the first one decides the directory).
     *
     * @param configuredDir the {@code esp.toolchainDir} parameter, or null
     * @throws EspException naming what was looked for, where, and how to fix it
     */
    public Toolchain locate(Path configuredDir, String... names) throws EspException {
        if (names.length == 0) {
            throw new IllegalArgumentException("no tool asked for");
        }
        if (configuredDir != null) {
            return inDirectory(configuredDir, "esp.toolchainDir=" + configuredDir, names);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path dir;
            try {
                dir = Paths.get(fromEnv.trim());
            } catch (InvalidPathException e) {
                throw new EspException(Messages.toolNotFound(names[0], ENV + "=" + fromEnv.trim()));
            }
            return inDirectory(dir, ENV + "=" + dir, names);
        }
        return onPath(names);
    }

    private Toolchain inDirectory(Path dir, String origin, String... names) throws EspException {
        Path binDir = executable(dir, names[0]).isPresent() ? dir : dir.resolve("bin");
        Map<String, Path> found = new LinkedHashMap<>();
        for (String name : names) {
            Optional<Path> exe = executable(binDir, name);
            if (exe.isEmpty()) {
                String where = origin + " (looked in " + dir + " and " + dir.resolve("bin") + ")";
                throw new EspException(Messages.toolNotFound(name, where));
            }
            found.put(name, exe.get());
        }
        return new Toolchain(found, origin);
    }

    private Toolchain onPath(String... names) throws EspException {
        List<Path> dirs = pathDirectories();
        Map<String, Path> found = new LinkedHashMap<>();
        for (String name : names) {
            Optional<Path> exe = Optional.empty();
            for (Path dir : dirs) {
                exe = executable(dir, name);
                if (exe.isPresent()) {
                    break;
                }
            }
            if (exe.isEmpty()) {
                throw new EspException(Messages.toolNotFound(name, "the PATH (" + ENV + " is not set)"));
            }
            found.put(name, exe.get());
        }
        return new Toolchain(found, "PATH");
    }

    private List<Path> pathDirectories() {
        String path = null;
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase("PATH")) {
                path = e.getValue();
                if (e.getKey().equals("PATH")) {
                    break;
                }
            }
        }
        List<Path> dirs = new ArrayList<>();
        if (path == null) {
            return dirs;
        }
        for (String entry : path.split(windows ? ";" : ":")) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                dirs.add(Paths.get(entry));
            } catch (InvalidPathException ignored) {
                // an entry this platform cannot even name holds no compiler
            }
        }
        return dirs;
    }

    private Optional<Path> executable(Path dir, String name) {
        List<String> candidates = windows ? List.of(name + ".exe", name) : List.of(name);
        for (String candidate : candidates) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
