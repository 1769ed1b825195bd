package io.espgen.maven.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import io.espgen.serial.FlashImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlashImagesTest {
    @TempDir
    Path dir;

    @Test
    void findsTheImagesOfTheNameByOffset() throws Exception {
        Files.write(dir.resolve("echo-0x10000.bin"), new byte[] {2});
        Files.write(dir.resolve("echo-0x00000.bin"), new byte[] {1});
        Files.write(dir.resolve("other-0x00000.bin"), new byte[] {3});
        Files.write(dir.resolve("echo.elf"), new byte[] {4});
        List<FlashImage> images = FlashImages.find(dir, "echo");
        assertThat(images).extracting(FlashImage::name).containsExactly("echo-0x00000.bin", "echo-0x10000.bin");
        assertThat(images).extracting(FlashImage::offset).containsExactly(0L, 0x10000L);
        assertThat(images.get(1).bytes()).containsExactly(2);
    }

    @Test
    void withoutTheMainImageItSaysHowToBuildIt() {
        assertThatThrownBy(() -> FlashImages.find(dir.resolve("missing"), "echo"))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: no flash image echo-0x00000.bin in " + dir.resolve("missing")
                        + "; build it first with an SDK: mvn esp:firmware esp:flash -Desp.sdkDir=<dir>");
    }

    @Test
    void anImageOffTheSectorGridIsRefused() throws Exception {
        Files.write(dir.resolve("echo-0x00000.bin"), new byte[] {1});
        Files.write(dir.resolve("echo-0x10100.bin"), new byte[] {2});
        assertThatThrownBy(() -> FlashImages.find(dir, "echo")).hasMessageContaining("0x10100 is not at a 4 KiB");
    }
}
