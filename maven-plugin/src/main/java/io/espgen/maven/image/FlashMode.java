package io.espgen.maven.image;

import java.util.Locale;
import java.util.Optional;

/** The SPI flash mode in byte 2 of the image header (the team's SDK notes, shared/docs/esp8266-sdk.md, section 6). */
public enum FlashMode {
    QIO(0), QOUT(1), DIO(2), DOUT(3);

    private final int code;

    FlashMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The name the parameter and esptool use: {@code qio}, {@code qout}, {@code dio}, {@code dout}. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FlashMode> of(String value) {
        for (FlashMode m : values()) {
            if (m.parameterValue().equalsIgnoreCase(value.trim())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
