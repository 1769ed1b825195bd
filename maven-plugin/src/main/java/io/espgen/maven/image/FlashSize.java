package io.espgen.maven.image;

import java.util.Optional;

/**
 * The flash size in the high nibble of byte 3 of the image header. The code equals the NONOS SDK's
 * {@code SPI_FLASH_SIZE_MAP} for the same layout (4M = map 4, 4M-c1 = map 6).
 */
public enum FlashSize {
    SIZE_512K("512K", "512KB", 0x0, 512L << 10),
    SIZE_256K("256K", "256KB", 0x1, 256L << 10),
    SIZE_1M("1M", "1MB", 0x2, 1L << 20),
    SIZE_2M("2M", "2MB", 0x3, 2L << 20),
    SIZE_4M("4M", "4MB", 0x4, 4L << 20),
    SIZE_2M_C1("2M-c1", "2MB-c1", 0x5, 2L << 20),
    SIZE_4M_C1("4M-c1", "4MB-c1", 0x6, 4L << 20),
    SIZE_8M("8M", "8MB", 0x8, 8L << 20),
    SIZE_16M("16M", "16MB", 0x9, 16L << 20);

    private final String parameterValue;
    private final String esptoolName;
    private final int code;
    private final long bytes;

    FlashSize(String parameterValue, String esptoolName, int code, long bytes) {
        this.parameterValue = parameterValue;
        this.esptoolName = esptoolName;
        this.code = code;
        this.bytes = bytes;
    }

    /** The chip's flash in bytes. */
    public long bytes() {
        return bytes;
    }

    /** How {@code esp.flashSize} spells it. */
    public String parameterValue() {
        return parameterValue;
    }

    /** How esptool's {@code --flash_size} spells it. */
    public String esptoolName() {
        return esptoolName;
    }

    /** The nibble value (0 to 9); the header byte holds {@code code << 4}. */
    public int code() {
        return code;
    }

    /** The {@code esp.flashSizeMap} this size goes with. */
    public int sizeMap() {
        return code;
    }

    public static Optional<FlashSize> of(String value) {
        String v = value.trim();
        for (FlashSize s : values()) {
            if (s.parameterValue.equalsIgnoreCase(v) || s.esptoolName.equalsIgnoreCase(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
