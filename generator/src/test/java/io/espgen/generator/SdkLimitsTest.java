package io.espgen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.dsl.Limits;
import io.espgen.runtime.CRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's limits are spelled twice, for Java (io.espgen.dsl.Limits) and for C (espgen_sdk.h): the same numbers. */
class SdkLimitsTest {

    @Test
    void theCHeaderAndTheJavaLimitsAgree(@TempDir Path dir) throws Exception {
        CRuntime.extractInclude(dir.resolve("include"));
        Files.writeString(dir.resolve("limits.c"), """
                #include <stdio.h>
                #include "espgen_runtime.h"
                int main(void)
                {
                	printf("%d %d %d %d %d %d", ESPGEN_TCP_MSS, ESPGEN_TCP_SND_BUF, ESPGEN_TCP_WND, ESPGEN_MAX_CON,
                	       ESPGEN_MAX_IDLE_S, ESPGEN_TXBUF_OVERHEAD);
                	return 0;
                }
                """);
        Tool.ok(dir, List.of("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Iinclude", "limits.c", "-o", "limits"));
        String printed = Tool.ok(dir, List.of(dir.resolve("limits").toString())).trim();
        assertThat(printed).isEqualTo(Limits.TCP_MSS + " " + Limits.TCP_SEND_BUFFER + " " + 4 * Limits.TCP_MSS + " "
                + Limits.MAX_CONNECTIONS + " " + Limits.MAX_IDLE_TIMEOUT_SECONDS + " " + Limits.SEND_BLOCK_OVERHEAD);
    }
}
