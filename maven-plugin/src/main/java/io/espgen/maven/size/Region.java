package io.espgen.maven.size;

import java.util.List;
import java.util.Optional;

/**
 * The ESP8266 memory a section of an object ends up in when linked with the SDK's {@code eagle.app.v6.ld}.
 * Sections no region claims ({@code .comment}, {@code .xt.prop}, {@code .xtensa.info}, debug sections) are
 * not loaded and count nowhere.
 */
public enum Region {
    /** Instruction RAM: {@code .text*}, {@code .literal*}, {@code .iram*}. */
    IRAM("IRAM", List.of(".text", ".literal", ".iram")),
    /** Data RAM: {@code .data*}, {@code .rodata*}, {@code .bss*}, {@code COMMON}. */
    DRAM("DRAM", List.of(".data", ".rodata", ".bss", "COMMON")),
    /**
     * Flash-mapped code and read-only data, the linker script's irom0 output section:
     * {@code .irom0.text*}, {@code .irom.text*}, and their literal pools {@code .irom0.literal*},
     * {@code .irom.literal*} (which {@code -mtext-section-literals} keeps next to the code, so usually empty).
     */
    FLASH("Flash", List.of(".irom0.text", ".irom.text", ".irom0.literal", ".irom.literal"));

    private final String label;
    private final List<String> prefixes;

    Region(String label, List<String> prefixes) {
        this.label = label;
        this.prefixes = prefixes;
    }

    /** The name the report prints. */
    public String label() {
        return label;
    }

    /** The region of a section by its name; empty for sections that are not loaded. */
    public static Optional<Region> of(String section) {
        // flash first: ".irom0.literal" must not be taken for IRAM by a looser rule
        for (Region r : List.of(FLASH, IRAM, DRAM)) {
            for (String prefix : r.prefixes) {
                if (section.startsWith(prefix)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The region of a section for ESP8266_RTOS_SDK 3.x, as its linker fragments place them
     * (components/esp8266/ld/esp8266_fragments.lf, scheme default, into esp8266.project.ld.in's output sections):
     * {@code .text.*} and {@code .literal.*} to flash_text, {@code .rodata*} to flash_rodata, both in flash;
     * {@code .iram1*} (IRAM_ATTR) and the bare {@code .text} and {@code .literal} (text_0) to iram0_text;
     * {@code .data*}, {@code .dram1*}, {@code .bss*} and {@code COMMON} to DRAM. RTC memory's {@code .rtc.*}
     * and unloaded sections count nowhere.
     */
    public static Optional<Region> ofRtos(String section) {
        if (section.startsWith(".iram") || section.equals(".text") || section.equals(".literal")) {
            return Optional.of(IRAM);
        }
        for (String prefix : List.of(".text.", ".literal.", ".rodata", ".wifi0iram")) {
            if (section.startsWith(prefix)) {
                return Optional.of(FLASH);
            }
        }
        for (String prefix : List.of(".data", ".dram1", ".bss", "COMMON")) {
            if (section.startsWith(prefix)) {
                return Optional.of(DRAM);
            }
        }
        return Optional.empty();
    }
}
