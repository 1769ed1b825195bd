package io.espgen.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.runtime.CRuntime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StaticFilesTest {

    @Test
    void everyFileOfTheCRuntimeIsCopiedIntoTheTree() {
        Stream<String> headers = CRuntime.includeFiles().stream().map(n -> CRuntime.INCLUDE_BASE + n);
        Stream<String> sources = CRuntime.sourceFiles().stream().map(n -> CRuntime.SOURCE_BASE + n);
        assertThat(CEmitter.staticFiles().values())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(headers, sources).toList());
    }

    /** The NONOS tree has both Wi-Fi files (the shared policy, NONOS's SDK calls) and nothing of the RTOS target. */
    @Test
    void theTreeCarriesTheSharedWifiPolicyAndNoRtosFile() {
        assertThat(CEmitter.staticFiles()).containsKeys("runtime/espgen_wifi_policy.c", CRuntime.RTOS_REPLACED);
        assertThat(CEmitter.staticFiles().keySet()).noneMatch(k -> k.startsWith("rtos/") || k.contains("rtos"));
        assertThat(CEmitter.staticFiles().values()).noneMatch(v -> v.startsWith(CRuntime.RTOS_BASE));
    }
}
