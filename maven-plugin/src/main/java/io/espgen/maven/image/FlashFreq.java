package io.espgen.maven.image;

import java.util.Optional;

/** The SPI flash clock in the low nibble of byte 3 of the image header. */
public enum FlashFreq {
    FREQ_40M("40m", 0x0), FREQ_26M("26m", 0x1), FREQ_20M("20m", 0x2), FREQ_80M("80m", 0xF);

    private final String parameterValue;
    private final int code;

    FlashFreq(String parameterValue, int code) {
        this.parameterValue = parameterValue;
        this.code = code;
    }

    /** How {@code esp.flashFreq} and esptool spell it. */
    public String parameterValue() {
        return parameterValue;
    }

    public int code() {
        return code;
    }

    public static Optional<FlashFreq> of(String value) {
        for (FlashFreq f : values()) {
            if (f.parameterValue.equalsIgnoreCase(value.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
