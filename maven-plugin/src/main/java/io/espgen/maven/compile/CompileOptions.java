package io.espgen.maven.compile;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.util.Arrays;
import java.util.List;

/**
 * What the user chose for the firmware compile: the SDK's flash size map and extra compiler flags. (The Wi-Fi
 * credentials are not flags: see {@link WifiSecrets}.)
 */
public record CompileOptions(int flashSizeMap, List<String> extraFlags) {

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
        if (flashSizeMap < 0 || flashSizeMap > MAX_FLASH_SIZE_MAP) {
            throw new EspException(Messages.badFlashSizeMap(flashSizeMap, MAX_FLASH_SIZE_MAP));
        }
        return new CompileOptions(flashSizeMap, splitFlags(cflags));
    }

    static List<String> splitFlags(String cflags) {
        if (cflags == null || cflags.isBlank()) {
            return List.of();
        }
        return Arrays.asList(cflags.trim().split("\\s+"));
    }
}
