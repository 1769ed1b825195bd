package io.espgen.maven.compile;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiler flags that build the FreeRTOS target against an unpacked ESP8266_RTOS_SDK 3.x (IDF_PATH) instead of
 * espgen's declarations: {@code -DESPGEN_REAL_SDK}, what the SDK's build defines for every file
 * ({@code __ESP_FILE__}, components/esp8266/CMakeLists.txt), and the headers of the components the target uses,
 * as system headers ({@code -isystem}): Debian's cross gcc comes with picolibc, whose headers the SDK's newlib
 * overrides in part, and -Werror is for espgen's C, not for that mismatch. Checked against v3.4 with the lwIP of
 * its submodule (espressif/esp-lwip) and the sdkconfig.h the SDK's confgen.py writes from its defaults.
 */
public final class RtosSdk {

    /** The component header directories, relative to the SDK's root. */
    static final List<String> INCLUDE_DIRS = List.of(
            "components/freertos/include",
            "components/freertos/include/freertos",
            "components/freertos/include/freertos/private",
            "components/freertos/port/esp8266/include",
            "components/freertos/port/esp8266/include/freertos",
            "components/esp8266/include",
            "components/esp_common/include",
            "components/esp_event/include",
            "components/nvs_flash/include",
            "components/tcpip_adapter/include",
            "components/lwip/port/esp8266/include",
            "components/lwip/include/apps",
            "components/lwip/include/apps/sntp",
            "components/lwip/lwip/src/include",
            "components/heap/include",
            "components/heap/port/esp8266/include",
            "components/log/include",
            "components/newlib/platform_include",
            "components/spi_flash/include",
            "components/vfs/include");

    private RtosSdk() {
    }

    /** The flags for sdkDir; configDir holds sdkconfig.h (an app build's build/include), else sdkDir is searched. */
    public static List<String> compileFlags(Path sdkDir, Path configDir) throws EspException {
        if (!Files.isDirectory(sdkDir.resolve("components/freertos"))
                || !Files.isDirectory(sdkDir.resolve("components/esp8266/include"))
                || !Files.isDirectory(sdkDir.resolve("components/lwip"))) {
            throw new EspException(Messages.notAnRtosSdk(sdkDir));
        }
        Path config = configDir != null ? configDir : sdkDir;
        if (!Files.isRegularFile(config.resolve("sdkconfig.h"))) {
            throw new EspException(Messages.rtosNoSdkconfig(config));
        }
        List<String> flags = new ArrayList<>(List.of("-DESPGEN_REAL_SDK", "-D__ESP_FILE__=__FILE__"));
        flags.add("-isystem");
        flags.add(config.toAbsolutePath().toString());
        for (String dir : INCLUDE_DIRS) {
            flags.add("-isystem");
            flags.add(sdkDir.resolve(dir).toAbsolutePath().toString());
        }
        return List.copyOf(flags);
    }
}
