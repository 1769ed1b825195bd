package io.espgen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the doorbell's functions land in the xtensa object, read from its symbol table (objdump -t): the GPIO
 * interrupt, the @OnInterrupt handler and the helper it calls (which a flash handler calls too: one copy, in IRAM)
 * in .text, which eagle.app.v6.ld puts in IRAM; the @AfterInterrupt handler, the task, the receive handler and the
 * start in .irom0.text, flash. And the echo sample, without pins, has no IRAM at all (CrossCompileTest).
 */
class IramPlacementTest {

    @Test
    void theInterruptAndWhatItCallsAreInIramAndTheRestInFlash(@TempDir Path dir) throws Exception {
        Map<String, String> files = Espgen.generatedC(Espgen.compileClean(
                Espgen.repoRoot().resolve("generator/src/test/golden-servers/doorbell")));
        Espgen.writeTree(files, dir);
        // -fno-inline keeps every function whole, so its symbol shows where its attribute put it (at -Os gcc may
        // inline a small helper into each caller, each copy then in its caller's section)
        Tool.ok(dir, Tool.concat(CrossCompileTest.FLAGS, "-fno-inline", "doorbell_server/doorbell_server.c", "-o",
                "d.o"));
        Map<String, String> sectionOf = new HashMap<>();
        for (String line : Tool.ok(dir, java.util.List.of("xtensa-lx106-elf-objdump", "-t", "d.o")).split("\n")) {
            // 00000000 l     F .irom0.text	0000002a doorbell_server_light
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && line.contains(" F ")) {
                sectionOf.put(f[f.length - 1], f[f.length - 3]);
            }
        }
        assertThat(sectionOf).as("functions of the doorbell's object")
                .containsEntry("doorbell_server_gpio_isr", ".text")
                .containsEntry("doorbell_server_debounced", ".text")
                .containsEntry("doorbell_server_announce", ".irom0.text")
                .containsEntry("doorbell_server_gpio_task", ".irom0.text")
                .containsEntry("doorbell_server_light", ".irom0.text")
                .containsEntry("doorbell_server_start", ".irom0.text");
        assertThat(sectionOf).containsEntry("doorbell_server_ring", ".text");
        // nothing else of the file is in IRAM: the interrupt's code is all it costs there
        assertThat(sectionOf.entrySet().stream().filter(e -> e.getValue().equals(".text")).map(Map.Entry::getKey))
                .allMatch(n -> n.equals("doorbell_server_gpio_isr") || n.equals("doorbell_server_debounced")
                        || n.equals("doorbell_server_ring"));
    }
}
