package io.espgen.maven.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SizeReportTest {
    static final List<ObjectSize> FILES = List.of(
            new ObjectSize("user_main.c", 1108, 72, 420),
            new ObjectSize("echo/echo_server.c", 0, 80, 1024),
            new ObjectSize("runtime/espgen_txq.c", 0, 0, 460));

    @Test
    void exactText() {
        assertThat(new SizeReport(FILES, SizeLimits.ESP8266).text()).isEqualTo("""
                espgen firmware size: the generated code's 3 objects, before linking with the SDK
                IRAM:  [=         ]  13.5% (used 1108 bytes from 8192 bytes)
                       (of the 32768 bytes of IRAM the SDK itself needs about 24576; the bar measures the 8192 \
                left to the application)
                DRAM:  [          ]   0.2% (used 152 bytes from 81920 bytes)
                Flash: [          ]   0.5% (used 1904 bytes from 376832 bytes)

                File                  IRAM  DRAM  Flash
                echo/echo_server.c       0    80   1024
                runtime/espgen_txq.c     0     0    460
                user_main.c           1108    72    420
                Total                 1108   152   1904
                """);
    }

    @Test
    void barsFillByTenths() {
        SizeLimits limits = new SizeLimits(2000, 1000, 1000, 1000);
        assertThat(new SizeReport(List.of(new ObjectSize("a.c", 999, 1000, 0)), limits).regionLine(Region.IRAM))
                .isEqualTo("IRAM:  [========= ]  99.9% (used 999 bytes from 1000 bytes)");
        assertThat(new SizeReport(List.of(new ObjectSize("a.c", 999, 1000, 0)), limits).regionLine(Region.DRAM))
                .isEqualTo("DRAM:  [==========] 100.0% (used 1000 bytes from 1000 bytes)");
    }

    @Test
    void overTheLimitIsMarkedAndFailsForEveryRegion() {
        SizeReport report = new SizeReport(List.of(new ObjectSize("big.c", 9000, 90_000, 400_000),
                new ObjectSize("small.c", 0, 10, 0)), SizeLimits.ESP8266);
        assertThat(report.regionLine(Region.IRAM))
                .isEqualTo("IRAM:  [==========] 109.9% (used 9000 bytes from 8192 bytes)  OVER LIMIT by 808 bytes");
        assertThat(report.regionLine(Region.DRAM)).endsWith("OVER LIMIT by 8090 bytes");
        assertThat(report.exceeded()).containsExactly(Region.IRAM, Region.DRAM, Region.FLASH);
        assertThat(report.exceededMessages()).containsExactly(
                "espgen: the generated code needs 9000 bytes of IRAM, 808 more than the 8192 the SDK leaves of the"
                        + " 32768 (it needs about 24576 itself); only interrupt handlers and what they call belong in"
                        + " IRAM, everything else needs ICACHE_FLASH_ATTR",
                "espgen: the generated code needs 90010 bytes of DRAM, 8090 more than the chip's 81920 (which the"
                        + " SDK and the heap share, so the link would fail); the most is big.c's 90000: lower"
                        + " maxConnections or the state's array sizes, or keep constant tables in flash",
                "espgen: the generated code needs 400000 bytes of flash, 23168 more than the irom0 region of"
                        + " eagle.app.v6.ld (376832 bytes)");
    }

    /** The biggest DRAM section of the costliest file is named: -fdata-sections gives each variable its own. */
    @Test
    void theDramMessageNamesTheCostliestVariable() {
        ObjectSize big = ObjectSize.of("big/big.c", List.of(new SizeParser.Section(".bss.big_states", 86_000),
                new SizeParser.Section(".rodata.big_name", 12), new SizeParser.Section(".irom0.text", 100)));
        assertThat(new SizeReport(List.of(big), SizeLimits.ESP8266).exceededMessages()).singleElement()
                .asString().contains("the most is big/big.c's 86012, of which big_states takes 86000");
    }

    @Test
    void exactlyAtTheLimitPasses() {
        SizeReport report = new SizeReport(List.of(new ObjectSize("a.c", 8192, 0, 376832)), SizeLimits.ESP8266);
        assertThat(report.exceeded()).isEmpty();
    }

    @Test
    void sameFiguresSameTextWhateverTheOrder() {
        List<ObjectSize> reversed = new java.util.ArrayList<>(FILES);
        java.util.Collections.reverse(reversed);
        assertThat(new SizeReport(reversed, SizeLimits.ESP8266).text())
                .isEqualTo(new SizeReport(FILES, SizeLimits.ESP8266).text());
    }

    @Test
    void limitsAreTheEsp8266s() {
        assertThat(SizeLimits.ESP8266.iramApplication()).isEqualTo(8192);
        assertThat(SizeLimits.ESP8266.dram()).isEqualTo(81920);
        assertThat(SizeLimits.ESP8266.flash()).isEqualTo(376832);
    }

    /** esp.target=rtos: the bars are ESP8266_RTOS_SDK's regions, each with what it holds there, no NONOS notes. */
    @Test
    void rtosExactText() {
        assertThat(new SizeReport(FILES, SizeLimits.ESP8266_RTOS).text()).isEqualTo("""
                espgen firmware size: the generated code's 3 objects, before linking with ESP8266_RTOS_SDK \
                (esp.target=rtos)
                IRAM:  [          ]   2.3% (used 1108 bytes from 49152 bytes)
                       (iram0_0_seg: CONFIG_SOC_IRAM_SIZE, 0xC000 by default, 0x8000 with CONFIG_SOC_FULL_ICACHE, \
                shared with the SDK's own IRAM code; only IRAM_ATTR functions (.iram1) go there: espgen's are the \
                pins' interrupt handlers and system_os_post, which they call)
                DRAM:  [          ]   0.2% (used 152 bytes from 98304 bytes)
                       (dram0_0_seg: .data and .bss, then the heap, which holds the FreeRTOS tasks' stacks and \
                lwIP's buffers)
                Flash: [          ]   0.2% (used 1904 bytes from 983024 bytes)
                       (iram0_2_seg: code and constants, .text.* and .rodata*, go to flash by default; the app \
                partition less the image header, 0xF0000 in the default partitions_singleapp.csv)
                the bars are the regions of the SDK's linker script (v3.4, default sdkconfig); what the SDK itself \
                takes of them is only known when its build links the image

                File                  IRAM  DRAM  Flash
                echo/echo_server.c       0    80   1024
                runtime/espgen_txq.c     0     0    460
                user_main.c           1108    72    420
                Total                 1108   152   1904
                """);
        assertThat(new SizeReport(FILES, SizeLimits.ESP8266_RTOS).text()).doesNotContain("ICACHE_FLASH_ATTR", "irom0",
                "eagle.app", "24576");
    }

    @Test
    void rtosOverTheLimitNamesTheRtosSdksRegions() {
        SizeReport report = new SizeReport(List.of(new ObjectSize("big.c", 50_000, 100_000, 1_000_000)),
                SizeLimits.ESP8266_RTOS);
        assertThat(report.exceeded()).containsExactly(Region.IRAM, Region.DRAM, Region.FLASH);
        assertThat(report.exceededMessages()).containsExactly(
                "espgen: the generated code needs 50000 bytes of IRAM, 848 more than the 49152 of ESP8266_RTOS_SDK's"
                        + " iram0_0_seg (CONFIG_SOC_IRAM_SIZE), which the SDK's own IRAM code shares too: only"
                        + " interrupt handlers and what they call need IRAM_ATTR, everything else stays in flash",
                "espgen: the generated code needs 100000 bytes of DRAM, 1696 more than the 98304 of"
                        + " ESP8266_RTOS_SDK's dram0_0_seg (which the SDK and the heap share, so the link would"
                        + " fail); the most is big.c's 100000: lower maxConnections or the state's array sizes, or"
                        + " keep constant tables in flash",
                "espgen: the generated code needs 1000000 bytes of flash, 16976 more than the 983024 of"
                        + " ESP8266_RTOS_SDK's app partition in its default partitions_singleapp.csv (less the image"
                        + " header): give the app a bigger partition (CONFIG_PARTITION_TABLE_CUSTOM)");
        assertThat(new SizeReport(List.of(new ObjectSize("a.c", 49152, 98304, 983024)), SizeLimits.ESP8266_RTOS)
                .exceeded()).isEmpty();
    }

    /** components/esp8266/ld/esp8266.ld (v3.4) with the default sdkconfig and partitions_singleapp.csv. */
    @Test
    void rtosLimitsAreTheRtosSdksLinkerScripts() {
        assertThat(SizeLimits.ESP8266_RTOS.sdk()).isEqualTo(SizeLimits.Sdk.RTOS);
        assertThat(SizeLimits.ESP8266_RTOS.iramApplication()).isEqualTo(0xC000);
        assertThat(SizeLimits.ESP8266_RTOS.dram()).isEqualTo(0x18000);
        assertThat(SizeLimits.ESP8266_RTOS.flash()).isEqualTo(0xF0000 - 0x10);
        assertThat(SizeLimits.ESP8266.sdk()).isEqualTo(SizeLimits.Sdk.NONOS);
    }
}
