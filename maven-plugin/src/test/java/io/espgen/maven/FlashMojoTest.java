package io.espgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.serial.Pty;
import io.espgen.serial.SimulatedRomBootloader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** esp:flash as a user runs it, against a simulated ESP8266 ROM bootloader on a pseudo-terminal. */
class FlashMojoTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private FlashMojo mojo(String port) {
        FlashMojo mojo = new FlashMojo();
        mojo.outputDir = dir.toFile();
        mojo.imageName = "echo";
        mojo.serialPort = port;
        mojo.flashBaud = 115200;
        mojo.reset = true;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }
        });
        return mojo;
    }

    @Test
    void writesTheImagesOfEspFirmwareToTheBoard() throws Exception {
        Random r = new Random(7);
        byte[] main = new byte[30_000];
        byte[] irom = new byte[100_000];
        r.nextBytes(main);
        r.nextBytes(irom);
        Files.write(dir.resolve("echo-0x00000.bin"), main);
        Files.write(dir.resolve("echo-0x10000.bin"), irom);
        try (Pty pty = Pty.open()) {
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.BOOTLOADER);
            mojo(pty.path()).execute();
            byte[] flash = chip.flash();
            assertThat(Arrays.copyOfRange(flash, 0, main.length)).isEqualTo(main);
            assertThat(Arrays.copyOfRange(flash, 0x10000, 0x10000 + irom.length)).isEqualTo(irom);
            assertThat(chip.events()).contains("flash_end:run");
            assertThat(log).anyMatch(l -> l.startsWith("espgen: wrote 2 images (130000 bytes) through " + pty.path()
                    + " at 115200 baud in "));
            assertThat(log).anyMatch(l -> l.matches("espgen:   0x10000 echo-0x10000.bin md5 [0-9a-f]{32}"));
            // the progress, a line per tenth of each image in a log
            assertThat(log).anyMatch(l -> l.contains("100% echo-0x10000.bin at 0x10000 (2/2)"));
        }
    }

    @Test
    void aChipThatNeverAnswersIsOneLineThatSaysWhatToDo() throws Exception {
        Files.write(dir.resolve("echo-0x00000.bin"), new byte[100]);
        try (Pty pty = Pty.open()) {
            new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.FIRMWARE);
            assertThatThrownBy(() -> mojo(pty.path()).execute())
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessage("espgen: no answer from the chip on " + pty.path() + " at 115200 baud; put the chip "
                            + "in its bootloader (hold GPIO0 low while you reset it), check the cable and the power, "
                            + "then retry");
        }
    }
}
