package io.espgen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.runtime.CRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden-file program's generated C, unchanged, compiles for the FreeRTOS target (ESP8266_RTOS_SDK 3.x) with the
 * SDK's own C flags (make/project.mk: -std=gnu99 -Os -mlongcalls -ffunction-sections ...) and -Wall -Wextra -Werror,
 * against the project's declarations (c-runtime rtos/espgen_rtos_sdk.h), together with the target's runtime files
 * and without the NONOS Wi-Fi the target replaces. The SDK's linker script puts .text and .rodata in flash, and only
 * .iram1 sections (IRAM_ATTR) in IRAM: there go system_os_post (a GPIO interrupt handler posts its @AfterInterrupt
 * work) and, with pins, the interrupt handler and what it calls (doorbell); nothing else.
 */
class RtosCrossCompileTest {

    static final List<String> FLAGS = List.of("xtensa-lx106-elf-gcc", "-std=gnu99", "-Os", "-ffunction-sections",
            "-fdata-sections", "-fstrict-volatile-bitfields", "-mlongcalls", "-nostdlib", "-D_GNU_SOURCE", "-fwrapv",
            "-D" + CRuntime.RTOS_DEFINE, "-Wall", "-Wextra", "-Werror", "-Iinclude", "-Irtos", "-c");

    static Stream<Arguments> servers() {
        return GoldenFilesTest.servers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void compilesForTheRtosTargetWithOnlyInterruptTimeCodeInIram(String name, Path sources, @TempDir Path dir)
            throws Exception {
        Map<String, String> files = Espgen.generatedC(Espgen.compileClean(sources));
        Espgen.writeTree(files, dir);
        List<String> cFiles = new ArrayList<>();
        for (String file : files.keySet()) {
            if (file.endsWith(".c") && !file.equals(CRuntime.RTOS_REPLACED)) {
                cFiles.add(file);
            }
        }
        for (Path rtos : CRuntime.extractRtos(dir.resolve("rtos"))) {
            cFiles.add("rtos/" + rtos.getFileName());
        }
        Map<String, Map<String, Long>> sizes = new LinkedHashMap<>();
        for (String file : cFiles) {
            String object = file.replace('/', '_').replace(".c", ".o");
            Tool.ok(dir, Tool.concat(FLAGS, file, "-o", object));
            sizes.put(file, CrossCompileTest.sections(Tool.ok(dir, List.of("xtensa-lx106-elf-size", "-A", object))));
        }
        assertThat(sizes).containsKeys("user_main.c", "runtime/espgen_server.c", "runtime/espgen_wifi_policy.c",
                "rtos/espgen_rtos_net.c",
                "rtos/espgen_rtos_wifi.c", "rtos/espgen_rtos_main.c").doesNotContainKey(CRuntime.RTOS_REPLACED);
        Set<String> inIram = new TreeSet<>();
        sizes.forEach((file, s) -> {
            if (s.keySet().stream().anyMatch(k -> k.startsWith(".iram"))) {
                inIram.add(file);
            }
            assertThat(s.entrySet().stream().filter(e -> e.getKey().startsWith(".text"))
                    .mapToLong(Map.Entry::getValue).sum()).as("code of " + file).isPositive();
        });
        Set<String> expected = new TreeSet<>(Set.of("rtos/espgen_rtos_net.c"));
        if (name.equals("doorbell")) {
            expected.add("doorbell_server/doorbell_server.c"); // its @OnInterrupt handler, the helper, the handler
            assertThat(files).containsKey("runtime/espgen_gpio.c");
        }
        assertThat(inIram).as("files with code in IRAM").isEqualTo(expected);
        assertThat(sizes.get("rtos/espgen_rtos_net.c").entrySet().stream().filter(e -> e.getKey().startsWith(".iram"))
                .mapToLong(Map.Entry::getValue).sum()).as("system_os_post in IRAM").isLessThan(128);
    }
}
