package io.espgen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated C compiles for the ESP8266 with the SDK's own flags and -Wall -Wextra -Werror, and every
 * byte of it is in flash but a pin interrupt's code: xtensa-lx106-elf-size (exact) shows 0 bytes in IRAM (.text,
 * .literal) for every file without an interrupt handler (the doorbell's server file has one: IramPlacementTest).
 */
class CrossCompileTest {

    static final List<String> FLAGS = List.of("xtensa-lx106-elf-gcc", "-std=gnu11", "-Os", "-mlongcalls",
            "-mtext-section-literals", "-ffunction-sections", "-fdata-sections", "-fno-builtin-printf",
            "-fno-jump-tables", "-fno-inline-functions", "-nostdlib", "-fwrapv", "-DICACHE_FLASH",
            "-DSPI_FLASH_SIZE_MAP=4", "-Wall", "-Wextra", "-Werror", "-Iinclude", "-c");

    static Stream<Arguments> servers() {
        return GoldenFilesTest.servers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyGeneratedByteIsInFlash(String name, Path sources, @TempDir Path dir) throws Exception {
        Map<String, String> files = Espgen.generatedC(Espgen.compileClean(sources));
        Espgen.writeTree(files, dir);
        Map<String, Map<String, Long>> sizes = new LinkedHashMap<>();
        for (String file : files.keySet()) {
            if (!file.endsWith(".c")) {
                continue;
            }
            String object = file.replace('/', '_').replace(".c", ".o");
            Tool.ok(dir, Tool.concat(FLAGS, file, "-o", object));
            sizes.put(file, sections(Tool.ok(dir, List.of("xtensa-lx106-elf-size", "-A", object))));
        }
        assertThat(sizes).containsKeys("user_main.c", "runtime/espgen_server.c", "runtime/espgen_txq.c");
        sizes.forEach((file, s) -> {
            long iram = iram(s);
            if (files.get(file).contains("ICACHE_RAM_ATTR ")) {
                assertThat(iram).as("IRAM bytes of " + file + ", which has an interrupt handler " + s).isPositive();
                return;
            }
            assertThat(iram).as("IRAM bytes of " + file + " " + s).isZero();
            assertThat(s.getOrDefault(".irom0.text", 0L)).as("flash bytes of " + file).isPositive();
        });
    }

    static long iram(Map<String, Long> sections) {
        return sections.entrySet().stream()
                .filter(e -> e.getKey().startsWith(".text") || e.getKey().startsWith(".literal")
                        || e.getKey().startsWith(".iram"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Section name → size, from `size -A` output. */
    static Map<String, Long> sections(String sizeOutput) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : sizeOutput.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].startsWith(".") && f[1].matches("\\d+")) {
                out.merge(f[0], Long.parseLong(f[1]), Long::sum);
            }
        }
        return out;
    }
}
