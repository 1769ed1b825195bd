package io.espgen.maven.compile;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.util.Arrays;
import java.util.List;

/**
 * What the user chose for the firmware compile: the SDK's flash size map and extra compiler flags. (The Wi-Fi
 * credentials are not flags: see {@link WifiSecrets}.)
 */
public record CompileOptions(int flashSizeMap, List<String> extraFlags, int logLevel) {

    /** Java's io.espgen.dsl.Log.Level names, in the order of ESPGEN_LOG_LEVEL's numbers (espgen_runtime.h). */
    public static final List<String> LOG_LEVELS = List.of("NONE", "ERROR", "WARN", "INFO", "DEBUG");
    /** INFO: what a build without esp.logLevel keeps. */
    public static final int DEFAULT_LOG_LEVEL = 3;

    /** The largest map number of the NONOS SDK 3.0 {@code enum flash_size_map} (128 Mbit, 1024 + 1024 KB). */
    public static final int MAX_FLASH_SIZE_MAP = 9;

    public CompileOptions {
        extraFlags = List.copyOf(extraFlags);
    }

    /**
     * Validates the raw parameters.
     *
     * @param cflags extra flags separated by white space, or null
     */
    public static CompileOptions of(int flashSizeMap, String cflags) throws EspException {
        return of(flashSizeMap, cflags, null);
    }

    /** @param logLevel a {@link #LOG_LEVELS} name, any case; null = INFO */
    public static CompileOptions of(int flashSizeMap, String cflags, String logLevel) throws EspException {
        if (flashSizeMap < 0 || flashSizeMap > MAX_FLASH_SIZE_MAP) {
            throw new EspException(Messages.badFlashSizeMap(flashSizeMap, MAX_FLASH_SIZE_MAP));
        }
        int level = DEFAULT_LOG_LEVEL;
        if (logLevel != null && !logLevel.isBlank()) {
            level = LOG_LEVELS.indexOf(logLevel.trim().toUpperCase(java.util.Locale.ROOT));
            if (level < 0) {
                throw new EspException(Messages.badFlashParameter("esp.logLevel", logLevel, LOG_LEVELS, "INFO"));
            }
        }
        return new CompileOptions(flashSizeMap, splitFlags(cflags), level);
    }

    /** The define that sets the build's log level, as both the chip's and the host's compiles take it; none for INFO. */
    public List<String> logLevelDefine() {
        return logLevel == DEFAULT_LOG_LEVEL ? List.of() : List.of("-DESPGEN_LOG_LEVEL=" + logLevel);
    }

    static List<String> splitFlags(String cflags) {
        if (cflags == null || cflags.isBlank()) {
            return List.of();
        }
        return Arrays.asList(cflags.trim().split("\\s+"));
    }
}
