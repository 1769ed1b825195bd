package io.espgen.generator.translate.body;

/**
 * A Log method's level: the prefix its lines carry (as io.espgen.dsl.Log prints them on the JVM) and the
 * runtime macro that prints it or compiles it away (espgen_runtime.h, ESPGEN_LOG_LEVEL).
 */
enum LogLevel {
    ERROR("error: ", "ESPGEN_LOG_ERROR"),
    WARN("warning: ", "ESPGEN_LOG_WARN"),
    INFO("", "ESPGEN_LOG_INFO"),
    DEBUG("debug: ", "ESPGEN_LOG_DEBUG");

    private final String prefix;
    private final String macro;

    LogLevel(String prefix, String macro) {
        this.prefix = prefix;
        this.macro = macro;
    }

    String prefix() {
        return prefix;
    }

    String macro() {
        return macro;
    }
}
