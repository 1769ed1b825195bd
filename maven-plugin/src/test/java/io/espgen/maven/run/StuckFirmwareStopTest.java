package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * esp:run's JVM gets SIGTERM (Ctrl-C, a CI runner ending it) while its firmware is stuck in a callback that never
 * returns: the JVM's shutdown hook forwards SIGTERM to the firmware, which ends, and the JVM ends after it; the
 * firmware never outlives it.
 */
@Timeout(120)
class StuckFirmwareStopTest {

    /** A timer callback that never returns: the loop the processor now rejects, written in C. */
    private static final String STUCK_C = """
            #include "espgen_sdk.h"

            static const partition_item_t partitions[] = {
            	{ SYSTEM_PARTITION_BOOTLOADER, 0x00000, 0x10000 },
            	{ SYSTEM_PARTITION_OTA_1, 0x10000, 0x60000 },
            	{ SYSTEM_PARTITION_RF_CAL, 0x3fb000, 0x1000 },
            	{ SYSTEM_PARTITION_PHY_DATA, 0x3fc000, 0x1000 },
            	{ SYSTEM_PARTITION_SYSTEM_PARAMETER, 0x3fd000, 0x3000 },
            };
            static os_timer_t stuck_timer;
            static volatile uint32 spins;

            static void ICACHE_FLASH_ATTR stuck(void *arg)
            {
            	(void)arg;
            	os_printf("looping forever\\n");
            	for (;;)
            		spins++;
            }

            void ICACHE_FLASH_ATTR user_pre_init(void)
            {
            	system_partition_table_regist(partitions, sizeof(partitions) / sizeof(partitions[0]), 4);
            }

            void ICACHE_FLASH_ATTR user_init(void)
            {
            	os_timer_disarm(&stuck_timer);
            	os_timer_setfn(&stuck_timer, stuck, NULL);
            	os_timer_arm(&stuck_timer, 10, 0);
            }
            """;

    @Test
    void sigtermToTheJvmEndsAFirmwareStuckInACallback(@TempDir Path tmp) throws Exception {
        Path source = tmp.resolve("stuck.c");
        Files.writeString(source, STUCK_C);
        Path exe = HostFirmware.build(List.of(source), List.of(), tmp.resolve("host"), false);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StuckServe.class.getName(), exe.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        long pid = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("looping forever")) {
                lines.add(line);
                if (line.startsWith("firmware pid ")) {
                    pid = Long.parseLong(line.substring("firmware pid ".length()));
                }
            }
            assertThat(line).as("the firmware reached its stuck callback; output:\n" + lines).isNotNull();
            assertThat(pid).isPositive();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

            jvm.toHandle().destroy(); // SIGTERM, as kill and a CI runner send it
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended; output:\n" + lines).isTrue();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("the firmware outlived the JVM").isFalse();
        assertThat(lines).as("the hook stopped the firmware").contains("hook: stopped");
        assertThat(lines).anyMatch(l -> l.startsWith("espgen-host: stopped by a signal while the timer callback")
                || l.startsWith("espgen-host: watchdog: the timer callback has not returned for 3 s"));
    }
}
