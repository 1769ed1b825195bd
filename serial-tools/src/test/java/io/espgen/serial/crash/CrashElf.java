package io.espgen.serial.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** src/test/c/crash.c linked with the cross toolchain at 0x40201010, and its symbols, for the decoder's tests. */
public final class CrashElf {
    public static final String ADDR2LINE = "xtensa-lx106-elf-addr2line";
    private static CrashElf built;

    public final Path elf;
    public final Map<String, Long> symbols;

    private CrashElf(Path elf, Map<String, Long> symbols) {
        this.elf = elf;
        this.symbols = symbols;
    }

    public static synchronized CrashElf get() throws IOException, InterruptedException {
        if (built == null) {
            Path source = Path.of(System.getProperty("espgen.testCDir"), "crash.c");
            Path elf = Path.of(System.getProperty("espgen.buildDir"), "crash.elf");
            Files.createDirectories(elf.getParent());
            run("xtensa-lx106-elf-gcc", "-g", "-O1", "-mlongcalls", "-nostdlib", "-Wall", "-Wextra", "-Werror",
                    "-Wl,-Ttext=0x40201010", "-Wl,-e,entry", "-o", elf.toString(), source.toString());
            Map<String, Long> symbols = new HashMap<>();
            for (String line : run("xtensa-lx106-elf-nm", elf.toString()).split("\\R")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3) {
                    symbols.put(f[2], Long.parseLong(f[0], 16));
                }
            }
            built = new CrashElf(elf, symbols);
        }
        return built;
    }

    public Addr2Line addr2line() {
        return new Addr2Line(Path.of(ADDR2LINE), elf);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
