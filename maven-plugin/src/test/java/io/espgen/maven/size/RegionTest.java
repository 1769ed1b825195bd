package io.espgen.maven.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionTest {
    @ParameterizedTest
    @CsvSource({
        ".text, IRAM", ".text.user_main_tick, IRAM", ".literal, IRAM", ".literal.user_main_tick, IRAM",
        ".iram0.text, IRAM", ".iram.text.isr, IRAM",
        ".irom0.text, FLASH", ".irom0.text.echo, FLASH", ".irom.text, FLASH", ".irom.text.table, FLASH",
        ".irom0.literal, FLASH", ".irom.literal, FLASH",
        ".data, DRAM", ".data.counter, DRAM", ".rodata, DRAM", ".rodata.str1.1, DRAM", ".bss, DRAM",
        ".bss.table, DRAM", "COMMON, DRAM",
        ".comment, NONE", ".xtensa.info, NONE", ".xt.lit, NONE", ".xt.prop, NONE", ".debug_info, NONE",
    })
    void classifies(String section, String region) {
        Optional<Region> expected = region.equals("NONE") ? Optional.empty() : Optional.of(Region.valueOf(region));
        assertThat(Region.of(section)).isEqualTo(expected);
    }
}
