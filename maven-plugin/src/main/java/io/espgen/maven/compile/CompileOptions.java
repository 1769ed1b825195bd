package io.espgen.maven.compile;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What the user chose for the firmware compile: the SDK's flash size map, extra compiler flags and the
 * Wi-Fi credentials baked in as C string macros (absent = null).
 */
public record CompileOptions(int flashSizeMap, List<String> extraFlags, String wifiSsid, String wifiPassword) {

    /** The largest map number of the NONOS SDK 3.0 {@code enum flash_size_map} (128 Mbit, 1024 + 1024 KB). */
    public static final int MAX_FLASH_SIZE_MAP = 9;
    /** {@code struct station_config}: {@code uint8 ssid[32]; uint8 password[64];}. */
    public static final int MAX_SSID_BYTES = 32;
    public static final int MAX_PASSWORD_BYTES = 64;

    public CompileOptions {
        extraFlags = List.copyOf(extraFlags);
    }

    /**
     * Validates the raw parameters.
     *
     * @param cflags extra flags separated by white space, or null
     * @param wifiSsid null or empty = not set
     * @param wifiPassword null = not set; empty = an open network
     */
    public static CompileOptions of(int flashSizeMap, String cflags, String wifiSsid, String wifiPassword)
            throws EspException {
        if (flashSizeMap < 0 || flashSizeMap > MAX_FLASH_SIZE_MAP) {
            throw new EspException(Messages.badFlashSizeMap(flashSizeMap, MAX_FLASH_SIZE_MAP));
        }
        String ssid = wifiSsid == null || wifiSsid.isEmpty() ? null : wifiSsid;
        if (ssid == null && wifiPassword != null && !wifiPassword.isEmpty()) {
            throw new EspException(Messages.passwordWithoutSsid());
        }
        if (ssid != null && utf8Length(ssid) > MAX_SSID_BYTES) {
            throw new EspException(Messages.wifiValueTooLong("esp.wifi.ssid", utf8Length(ssid), MAX_SSID_BYTES));
        }
        if (wifiPassword != null && utf8Length(wifiPassword) > MAX_PASSWORD_BYTES) {
            throw new EspException(Messages.wifiValueTooLong("esp.wifi.password", utf8Length(wifiPassword),
                    MAX_PASSWORD_BYTES));
        }
        return new CompileOptions(flashSizeMap, splitFlags(cflags), ssid, ssid == null ? null : wifiPassword);
    }

    static List<String> splitFlags(String cflags) {
        if (cflags == null || cflags.isBlank()) {
            return List.of();
        }
        return Arrays.asList(cflags.trim().split("\\s+"));
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Never shows the Wi-Fi values. */
    @Override
    public String toString() {
        return "CompileOptions[flashSizeMap=" + flashSizeMap + ", extraFlags=" + extraFlags
                + ", wifiSsid=" + (wifiSsid == null ? "unset" : "set")
                + ", wifiPassword=" + (wifiPassword == null ? "unset" : "set") + "]";
    }
}
