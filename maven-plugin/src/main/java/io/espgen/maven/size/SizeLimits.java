package io.espgen.maven.size;

/**
 * The budgets the generated code is measured against, for one SDK's linker script.
 *
 * @param sdk the SDK whose layout the limits are, which also decides the report's notes and messages
 * @param iramTotal the instruction RAM the linker script gives code
 * @param iramSdk what the SDK's own libraries are known to place there (0 where only its link knows)
 * @param dram data RAM for .data, .bss, the heap, and on NONOS .rodata
 * @param flash the flash-mapped code region
 */
public record SizeLimits(Sdk sdk, long iramTotal, long iramSdk, long dram, long flash) {

    /** Which SDK's layout: NONOS's eagle.app.v6.ld, or ESP8266_RTOS_SDK 3.x's esp8266.ld. */
    public enum Sdk {
        NONOS,
        RTOS
    }

    /** NONOS SDK 3.x, eagle.app.v6.ld (the team's SDK notes, shared/docs/esp8266-sdk.md, section 5). */
    public static final SizeLimits ESP8266 = new SizeLimits(32 * 1024, 24 * 1024, 80 * 1024, 0x5C000);

    /**
     * ESP8266_RTOS_SDK 3.x (v3.4), components/esp8266/ld/esp8266.ld with the default sdkconfig: iram0_0_seg is
     * CONFIG_SOC_IRAM_SIZE (0xC000; 0x8000 with CONFIG_SOC_FULL_ICACHE), shared with the SDK's own IRAM code,
     * whose size only the SDK's link knows; dram0_0_seg is 0x18000 (.data, .bss, then the heap); iram0_2_seg,
     * where flash-mapped code and constants go, is the app partition less the image's 0x10 header, and the
     * default partitions_singleapp.csv gives the factory app 0xF0000.
     */
    public static final SizeLimits ESP8266_RTOS = new SizeLimits(Sdk.RTOS, 0xC000, 0, 0x18000, 0xF0000 - 0x10);

    /** NONOS limits. */
    public SizeLimits(long iramTotal, long iramSdk, long dram, long flash) {
        this(Sdk.NONOS, iramTotal, iramSdk, dram, flash);
    }

    /** What the SDK leaves of IRAM to the application, as far as known before its link. */
    public long iramApplication() {
        return iramTotal - iramSdk;
    }

    /** The limit the generated code's share of {@code region} is held to. */
    public long limit(Region region) {
        return switch (region) {
            case IRAM -> iramApplication();
            case DRAM -> dram;
            case FLASH -> flash;
        };
    }
}
