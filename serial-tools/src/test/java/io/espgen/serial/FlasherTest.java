package io.espgen.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flasher against a simulated ESP8266 ROM bootloader on a pseudo-terminal, through jSerialComm. */
class FlasherTest {
    /** Generous: the simulated chip answers at once, but the machine may be busy. */
    private static final Flasher.Options OPTIONS = Flasher.Options.defaults(List.of(115200)).withTimeouts(2000, 5000);

    private final List<String> log = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    /** Images shaped like a firmware's: a small one at 0 and a larger one at 0x10000, neither sector-sized. */
    private static List<FlashImage> images() {
        Random r = new Random(42);
        byte[] low = new byte[29_345];
        byte[] high = new byte[212_777];
        r.nextBytes(low);
        r.nextBytes(high);
        // bytes SLIP must escape, in plenty
        Arrays.fill(high, 1000, 1400, (byte) 0xC0);
        Arrays.fill(high, 1400, 1800, (byte) 0xDB);
        return List.of(new FlashImage("app-0x00000.bin", 0x00000, low), new FlashImage("app-0x10000.bin", 0x10000, high));
    }

    private Flasher flasher(SerialLink link, Flasher.Options options) {
        return new Flasher(link, options, (image, index, count, done, total) ->
                progress.add(image.name() + ":" + done + "/" + total), log::add);
    }

    /** The flash holds each image byte for byte, its last sector's tail erased, and nothing else changed. */
    private static void assertWritten(SimulatedRomBootloader chip, List<FlashImage> images) {
        byte[] flash = chip.flash();
        byte[] expected = chip.initialFlash();
        for (FlashImage image : images) {
            int at = (int) image.offset();
            int end = at + image.bytes().length;
            int sectorEnd = (end + RomLoader.FLASH_SECTOR_SIZE - 1) / RomLoader.FLASH_SECTOR_SIZE
                    * RomLoader.FLASH_SECTOR_SIZE;
            System.arraycopy(image.bytes(), 0, expected, at, image.bytes().length);
            Arrays.fill(expected, end, sectorEnd, (byte) 0xff);
        }
        // what lies between and after the images: erased where the ROM erased more than asked, else untouched
        for (int i = 0; i < flash.length; i++) {
            if (flash[i] != expected[i] && !(flash[i] == (byte) 0xff && outsideImages(images, i))) {
                throw new AssertionError(String.format("flash differs at 0x%06x: 0x%02x, expected 0x%02x", i,
                        flash[i] & 0xff, expected[i] & 0xff));
            }
        }
        for (FlashImage image : images) {
            int at = (int) image.offset();
            assertThat(Arrays.copyOfRange(flash, at, at + image.bytes().length)).isEqualTo(image.bytes());
        }
    }

    private static boolean outsideImages(List<FlashImage> images, int address) {
        for (FlashImage image : images) {
            if (address >= image.offset() && address < image.offset() + image.bytes().length) {
                return false;
            }
        }
        return true;
    }

    @Test
    void writesEveryImageByteForByte() throws Exception {
        try (Pty pty = Pty.open()) {
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.BOOTLOADER);
            List<FlashImage> images = images();
            Flasher.Result result;
            try (SerialLink link = SerialPorts.open(pty.path(), 115200)) {
                result = flasher(link, OPTIONS).flash(images);
            }
            assertWritten(chip, images);
            assertThat(result.baud()).isEqualTo(115200);
            assertThat(result.md5s()).containsExactly(images.get(0).md5(), images.get(1).md5());
            // a pty has no DTR/RTS: the flasher says so, and starts the firmware with FLASH_END instead
            assertThat(log).anyMatch(l -> l.contains("has no DTR/RTS lines"));
            assertThat(chip.events()).contains("begin:0x00000:29", "begin:0x10000:208", "flash_end:run");
            assertThat(chip.events()).doesNotContain("data-again:0").noneMatch(e -> e.contains("error"));
            assertThat(chip.mode()).isEqualTo(SimulatedRomBootloader.Mode.FIRMWARE);
            assertThat(progress).contains("app-0x00000.bin:0/29345", "app-0x00000.bin:29345/29345",
                    "app-0x10000.bin:212777/212777");
        }
    }

    @Test
    void resendsABlockWhoseAnswerWasLost() throws Exception {
        try (Pty pty = Pty.open()) {
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.BOOTLOADER);
            chip.dropAnswerOnce(7);
            List<FlashImage> images = images();
            try (SerialLink link = SerialPorts.open(pty.path(), 115200)) {
                // the lost answer costs one command timeout: keep it short
                flasher(link, OPTIONS.withTimeouts(2000, 700)).flash(images);
            }
            assertWritten(chip, images);
            assertThat(chip.events()).contains("data:7", "data-again:7", "data:8");
            assertThat(log).anyMatch(l -> l.startsWith("block 7: no answer"));
        }
    }

    @Test
    void resendsABlockTheRomRejectedForItsChecksum() throws Exception {
        try (Pty pty = Pty.open()) {
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.BOOTLOADER);
            chip.corruptOnce(3);
            List<FlashImage> images = images();
            try (SerialLink link = SerialPorts.open(pty.path(), 115200)) {
                flasher(link, OPTIONS).flash(images);
            }
            assertWritten(chip, images);
            assertThat(chip.events()).contains("checksum-error:3", "data:3");
            assertThat(log).anyMatch(l -> l.contains("error 0x07, checksum error; retrying"));
        }
    }

    @Test
    void aTransferInterruptedHalfWayIsWrittenWholeByTheNextRun() throws Exception {
        try (Pty pty = Pty.open()) {
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.BOOTLOADER);
            List<FlashImage> images = images();
            chip.dieAfterBlocks(100);
            try (SerialLink link = SerialPorts.open(pty.path(), 115200)) {
                // the silent chip costs three command timeouts: keep them short
                assertThatThrownBy(() -> flasher(link, OPTIONS.withTimeouts(2000, 300)).flash(images))
                        .isInstanceOf(SerialException.class)
                        .hasMessage("writing app-0x10000.bin failed at 0x21c00 (block 72 of 208, 3 attempts): "
                                + "no answer from the chip on " + pty.path() + " to FLASH_DATA within 300 ms; "
                                + "the flash is incomplete: run the goal again");
            }
            // half an image: the second is not what was sent
            int at = (int) images.get(1).offset();
            assertThat(Arrays.copyOfRange(chip.flash(), at, at + images.get(1).bytes().length))
                    .isNotEqualTo(images.get(1).bytes());

            chip.powerCycleIntoBootloader();
            log.clear();
            try (SerialLink link = SerialPorts.open(pty.path(), 115200)) {
                flasher(link, OPTIONS).flash(images);
            }
            assertWritten(chip, images);
        }
    }

    @Test
    void resetsIntoTheBootloaderThroughDtrAndRtsAndBootsTheFirmwareAfter() throws Exception {
        try (Pty pty = Pty.open()) {
            // the chip runs its old firmware: only the reset sequence gets it to answer
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.FIRMWARE);
            List<FlashImage> images = images();
            try (SerialLink link = new WiredLink(SerialPorts.open(pty.path(), 115200), chip)) {
                flasher(link, OPTIONS).flash(images);
            }
            assertWritten(chip, images);
            List<String> events = chip.events();
            assertThat(events.get(0)).isEqualTo("boot:bootloader");
            assertThat(events.get(events.size() - 1)).isEqualTo("boot:firmware");
            assertThat(events).doesNotContain("flash_end:run");
            assertThat(log).noneMatch(l -> l.contains("DTR/RTS"));
        }
    }

    @Test
    void withoutTheResetTheChipNeverAnswers() throws Exception {
        try (Pty pty = Pty.open()) {
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.FIRMWARE);
            Flasher.Options noReset = Flasher.Options.defaults(List.of(115200)).withTimeouts(100, 300)
                    .withReset(false);
            try (SerialLink link = new WiredLink(SerialPorts.open(pty.path(), 115200), chip)) {
                assertThatThrownBy(() -> flasher(link, noReset).flash(images()))
                        .isInstanceOf(NoAnswerException.class)
                        .hasMessage("no answer from the chip on " + pty.path() + " at 115200 baud; put the chip in "
                                + "its bootloader (hold GPIO0 low while you reset it), check the cable and the "
                                + "power, then retry");
            }
            assertThat(chip.events()).isEmpty();
        }
    }

    @Test
    void fallsBackToTheNextBaudRateWhenTheChipDoesNotAnswer() throws Exception {
        try (Pty pty = Pty.open()) {
            SimulatedRomBootloader chip = new SimulatedRomBootloader(pty, SimulatedRomBootloader.Mode.FIRMWARE);
            chip.hearOnly(Set.of(115200));
            List<FlashImage> images = images().subList(0, 1);
            Flasher.Options twoRates = new Flasher.Options(List.of(460800, 115200), true, 100, 3, 5000, 30_000, 3);
            Flasher.Result result;
            try (SerialLink link = new WiredLink(SerialPorts.open(pty.path(), 460800), chip)) {
                result = flasher(link, twoRates).flash(images);
            }
            assertThat(result.baud()).isEqualTo(115200);
            assertThat(log).contains("no answer at 460800 baud", SerialMessages.connected(pty.path(), 115200));
            assertWritten(chip, images);
        }
    }
}
