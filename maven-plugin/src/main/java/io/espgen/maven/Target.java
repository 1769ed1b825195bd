package io.espgen.maven;

/**
 * The SDK a firmware is built for ({@code esp.target}): Espressif's NONOS SDK 3.x (espconn), or ESP8266_RTOS_SDK 3.x
 * (FreeRTOS and lwIP's sockets). The generated C is the same; the FreeRTOS target adds its own runtime files
 * (c-runtime, io/espgen/runtime/rtos) and compiles with {@code -DESPGEN_TARGET_RTOS}.
 */
public enum Target {
    NONOS("nonos"),
    RTOS("rtos");

    private final String value;

    Target(String value) {
        this.value = value;
    }

    /** The {@code esp.target} value. */
    public String value() {
        return value;
    }

    /** Resolves {@code esp.target}; null or blank is {@code nonos}. */
    public static Target of(String value) throws EspException {
        if (value == null || value.isBlank()) {
            return NONOS;
        }
        for (Target t : values()) {
            if (t.value.equals(value.strip())) {
                return t;
            }
        }
        throw new EspException(Messages.badTarget(value.strip()));
    }
}
