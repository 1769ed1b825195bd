package io.espgen.host.runner;

import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.host.HostFirmware;
import io.espgen.host.HostSources;
import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Host executables of firmwares, built with the emulation under AddressSanitizer and UndefinedBehaviorSanitizer
 * and kept by the hash of everything that goes into them (the target, the firmware's files, the emulation's, the
 * runtime's headers, the FreeRTOS target's own files and host layer when built for it, the compiler's name): a
 * test class that starts the same firmware again, or a second test run, does not run gcc again. Builds of one key
 * are serialised across JVMs (surefire forks) by a file lock.
 */
final class BuildCache {
    private static final String DONE = "built";

    private final Path root;

    BuildCache(Path root) {
        this.root = root;
    }

    /** The executable for firmware, built now unless an earlier build of the same inputs is there. */
    synchronized Path executable(FirmwareResources firmware, Target target, String compiler) throws IOException {
        String key = key(firmware, target, compiler);
        Path dir = root.resolve(key);
        Files.createDirectories(root);
        try (FileChannel channel = FileChannel.open(root.resolve(key + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Path exe = dir.resolve(target == Target.RTOS ? "firmware-rtos-asan" : "firmware-asan");
            if (Files.isRegularFile(dir.resolve(DONE)) && Files.isExecutable(exe)) {
                return exe;
            }
            Path src = dir.resolve("src");
            List<Path> sources = new ArrayList<>();
            for (Map.Entry<String, byte[]> f : new TreeMap<>(firmware.files()).entrySet()) {
                Path file = src.resolve(f.getKey()).normalize();
                if (!file.startsWith(src)) {
                    throw new IOException("firmware file outside its tree: " + f.getKey());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
                if (f.getKey().endsWith(".c")) {
                    sources.add(file);
                }
            }
            List<Path> includes = List.of(src.resolve("include"), src);
            Path built = target == Target.RTOS
                    ? HostFirmware.buildRtos(sources, includes, dir, true, List.of(), compiler)
                    : HostFirmware.build(sources, includes, dir, true, compiler);
            Files.writeString(dir.resolve(DONE), key + "\n");
            return built;
        }
    }

    /** The SHA-256 of the build's inputs, in hex; the first 32 digits. */
    static String key(FirmwareResources firmware, Target target, String compiler) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        add(sha, "compiler " + compiler, new byte[0]);
        add(sha, "target " + target.value(), new byte[0]);
        for (Map.Entry<String, byte[]> f : new TreeMap<>(firmware.files()).entrySet()) {
            add(sha, "firmware " + f.getKey(), f.getValue());
        }
        for (String f : HostSources.files()) {
            add(sha, "host " + f, CRuntime.read(HostSources.class, HostSources.BASE + f));
        }
        for (String f : CRuntime.includeFiles()) {
            add(sha, "include " + f, CRuntime.read(CRuntime.INCLUDE_BASE + f));
        }
        if (target == Target.RTOS) {
            // the target's own runtime files and its host layer (HostFirmware.buildRtos)
            for (String f : CRuntime.rtosFiles()) {
                add(sha, "rtos " + f, CRuntime.read(CRuntime.RTOS_BASE + f));
            }
            for (String f : HostSources.rtosFiles()) {
                add(sha, "rtos-host " + f, CRuntime.read(HostSources.class, HostSources.RTOS_BASE + f));
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    }

    private static void add(MessageDigest sha, String name, byte[] content) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content);
    }
}
