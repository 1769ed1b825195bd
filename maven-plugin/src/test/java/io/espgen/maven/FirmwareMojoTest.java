package io.espgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.image.FlashParams;
import io.espgen.maven.link.Sdk;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareMojoTest {
    @TempDir
    Path tmp;

    private Sdk sdk(boolean withBin) throws Exception {
        Path root = tmp.resolve("sdk");
        for (String d : new String[] {"include", "driver_lib/include", "lib", "ld"}) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("ld/eagle.app.v6.ld"), "");
        for (String lib : Sdk.SDK_LIBRARIES) {
            Files.writeString(root.resolve("lib/lib" + lib + ".a"), "");
        }
        if (withBin) {
            Files.createDirectories(root.resolve("bin"));
            Files.writeString(root.resolve("bin/esp_init_data_default_v08.bin"), "");
            Files.writeString(root.resolve("bin/blank.bin"), "");
        }
        return Sdk.open(root);
    }

    @Test
    void firstFlashPutsTheSdksDataAtTheEndOfTheFlash() throws Exception {
        Sdk sdk = sdk(true);
        Path bin = sdk.root().resolve("bin");
        assertThat(FirmwareMojo.firstFlashCommand(sdk, FlashParams.DEFAULT)).isEqualTo(
                "esptool.py --chip esp8266 write_flash --flash_size 4MB 0x3fb000 " + bin.resolve("blank.bin")
                        + " 0x3fc000 " + bin.resolve("esp_init_data_default_v08.bin") + " 0x3fe000 "
                        + bin.resolve("blank.bin"));
        assertThat(FirmwareMojo.firstFlashCommand(sdk, FlashParams.of("qio", "1M", "40m")))
                .contains("--flash_size 1MB 0xfb000 ", " 0xfc000 ", " 0xfe000 ");
    }

    @Test
    void noFirstFlashHintWithoutTheSdksBinFiles() throws Exception {
        assertThat(FirmwareMojo.firstFlashCommand(sdk(false), FlashParams.DEFAULT)).isNull();
    }
}
