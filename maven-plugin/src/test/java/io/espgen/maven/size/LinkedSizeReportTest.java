package io.espgen.maven.size;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.LinkedEcho;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkedSizeReportTest {
    /** The sections of the echo sample linked with the real SDK 3.0.4 (measured once, see the plugin's notes). */
    static final List<SizeParser.Section> REAL_SDK_ECHO = List.of(new SizeParser.Section(".data", 1024),
            new SizeParser.Section(".rodata", 6160), new SizeParser.Section(".bss", 24592),
            new SizeParser.Section(".irom0.text", 197196), new SizeParser.Section(".text", 24361),
            new SizeParser.Section(".xtensa.info", 56), new SizeParser.Section(".comment", 695),
            new SizeParser.Section(".debug_info", 839));

    @Test
    void theWholeChipsRegions() {
        LinkedSizeReport r = new LinkedSizeReport("echo-server.elf", REAL_SDK_ECHO, SizeLimits.ESP8266);
        assertThat(r.size().iram()).isEqualTo(24361);
        assertThat(r.size().dram()).isEqualTo(1024 + 6160 + 24592);
        assertThat(r.size().flash()).isEqualTo(197196);
        assertThat(r.lines()).containsExactly(
                "espgen linked firmware size: echo-server.elf, the generated code with the SDK's libraries",
                "IRAM:  [=======   ]  74.3% (used 24361 bytes from 32768 bytes)",
                "DRAM:  [===       ]  38.8% (used 31776 bytes from 81920 bytes)",
                "       (.data 1024 + .rodata 6160 + .bss 24592; 50144 bytes are left for the heap)",
                "Flash: [=====     ]  52.3% (used 197196 bytes from 376832 bytes)");
        assertThat(r.exceededMessages()).isEmpty();
    }

    @Test
    void overTheChipsIram() {
        LinkedSizeReport r = new LinkedSizeReport("big.elf", List.of(new SizeParser.Section(".text", 33000),
                new SizeParser.Section(".irom0.text", 0x5C000 + 4)), SizeLimits.ESP8266);
        assertThat(r.lines().get(1)).endsWith("OVER LIMIT by 232 bytes");
        assertThat(r.exceededMessages()).containsExactly(
                "espgen: big.elf needs 33000 bytes of IRAM, 232 more than the 32768 the chip has",
                "espgen: big.elf needs 376836 bytes of Flash, 4 more than the 376832 the chip has");
    }

    @Test
    void theStandInLink() throws Exception {
        LinkedEcho echo = LinkedEcho.get();
        LinkedSizeReport r = new LinkedSizeReport("echo-server.elf",
                new SizeTool(echo.toolchain.size()).sections(echo.elf), SizeLimits.ESP8266);
        // the stand-in's IRAM is its own entry and stubs: the generated code adds none
        assertThat(r.size().iram()).isPositive().isLessThan(2048);
        assertThat(r.size().flash()).isPositive();
        assertThat(r.size().dram()).isPositive();
        assertThat(r.exceededMessages()).isEmpty();
    }
}
