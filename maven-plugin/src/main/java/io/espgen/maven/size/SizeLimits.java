package io.espgen.maven.size;

/**
 * The budgets the generated code is measured against (the team's SDK notes, shared/docs/esp8266-sdk.md,
 * section 5).
 *
 * @param iramTotal the chip's instruction RAM
 * @param iramSdk what the SDK's own libraries already place there
 * @param dram data RAM for .data, .rodata, .bss and the heap
 * @param flash the irom0 region of {@code eagle.app.v6.ld}
 */
public record SizeLimits(long iramTotal, long iramSdk, long dram, long flash) {
    public static final SizeLimits ESP8266 = new SizeLimits(32 * 1024, 24 * 1024, 80 * 1024, 0x5C000);

    /** What the SDK leaves of IRAM to the application. */
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
