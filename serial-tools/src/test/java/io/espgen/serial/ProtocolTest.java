package io.espgen.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLIP, the checksum, the erase-size workaround, port choice and the messages, without a port. */
class ProtocolTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void slipEscapesC0AndDbAndFramesThePacket() {
        assertThat(Slip.encode(hex("01 c0 02 db 03"))).isEqualTo(hex("c0 01 dbdc 02 dbdd 03 c0"));
    }

    @Test
    void slipDecoderSkipsNoiseAndReturnsEachPacket() {
        // boot noise, then esptool's documented READ_REG answer twice, back to back (serial-protocol.rst, tracing)
        byte[] wire = hex("6c6f61642030 c0 010a0200090000000000 c0 c0 01 dbdc dbdd c0");
        Slip.Decoder d = new Slip.Decoder(64);
        List<byte[]> packets = new ArrayList<>();
        for (byte b : wire) {
            d.accept(b).ifPresent(packets::add);
        }
        assertThat(packets).hasSize(2);
        assertThat(packets.get(0)).isEqualTo(hex("010a0200090000000000"));
        assertThat(packets.get(1)).isEqualTo(hex("01 c0 db"));
    }

    @Test
    void slipDecoderDropsAFrameOverItsBoundOrWithABadEscape() {
        Slip.Decoder d = new Slip.Decoder(4);
        List<byte[]> packets = new ArrayList<>();
        for (byte b : hex("c0 0102030405 c0 c0 01 db01 c0 c0 0102 c0")) {
            d.accept(b).ifPresent(packets::add);
        }
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0)).isEqualTo(hex("0102"));
    }

    @Test
    void commandPacketsAreLaidOutAsEsptoolTracesThem() {
        // esptool's trace of READ_REG 0x40001000: c0 00 0a 0400 00000000 00100040 c0
        ByteArrayLink link = new ByteArrayLink();
        RomLoader rom = new RomLoader(link);
        assertThatThrownBy(() -> rom.readReg(0x40001000L, 1)).isInstanceOf(NoAnswerException.class);
        assertThat(link.written()).isEqualTo(hex("c0000a04000000000000100040c0"));
    }

    @Test
    void checksumIsEfXorEveryByte() {
        assertThat(RomLoader.checksum(new byte[0])).isEqualTo(0xEF);
        assertThat(RomLoader.checksum(hex("01 02 04"))).isEqualTo(0xEF ^ 0x07);
    }

    @Test
    void eraseSizeFollowsEsptoolsWorkaroundForTheRomBug() {
        // within the first 64 KiB block: half the sectors, rounded up
        assertThat(RomLoader.eraseSize(0, 3 * 4096)).isEqualTo(2 * 4096);
        assertThat(RomLoader.eraseSize(0, 29_345)).isEqualTo(4 * 4096);
        // past it: all but the head sectors
        assertThat(RomLoader.eraseSize(0x10000, 212_777)).isEqualTo((52 - 16) * 4096);
        assertThat(RomLoader.eraseSize(0xE000, 10 * 4096)).isEqualTo(8 * 4096);
    }

    @Test
    void onlyUsbSerialDevicesAreCandidates() {
        assertThat(SerialPorts.isCandidate("/dev/ttyUSB0")).isTrue();
        assertThat(SerialPorts.isCandidate("/dev/ttyACM3")).isTrue();
        assertThat(SerialPorts.isCandidate("/dev/cu.usbserial-1410")).isTrue();
        assertThat(SerialPorts.isCandidate("/dev/cu.SLAB_USBtoUART")).isTrue();
        assertThat(SerialPorts.isCandidate("COM4")).isTrue();
        assertThat(SerialPorts.isCandidate("/dev/ttyS0")).isFalse();
        assertThat(SerialPorts.isCandidate("/dev/pts/3")).isFalse();
        assertThat(SerialPorts.isCandidate("/dev/cu.Bluetooth-Incoming-Port")).isFalse();
    }

    @Test
    void choosesTheOnlyCandidateAndRefusesToGuess() throws SerialException {
        assertThat(SerialPorts.choose(List.of("/dev/ttyUSB0"))).isEqualTo("/dev/ttyUSB0");
        assertThatThrownBy(() -> SerialPorts.choose(List.of()))
                .hasMessageStartingWith("no serial port found")
                .hasMessageEndingWith("set esp.serialPort (-Desp.serialPort=/dev/ttyUSB0)");
        assertThatThrownBy(() -> SerialPorts.choose(List.of("/dev/ttyACM0", "/dev/ttyUSB0")))
                .hasMessage("2 serial ports found (/dev/ttyACM0, /dev/ttyUSB0); choose one: set esp.serialPort "
                        + "(-Desp.serialPort=/dev/ttyUSB0)");
    }

    @Test
    void aRefusedOpenSaysWhatToDo() {
        assertThat(SerialPorts.openFailure("/dev/ttyUSB0", SerialPorts.EACCES, "dialout"))
                .isEqualTo("permission denied on /dev/ttyUSB0: add yourself to the group dialout "
                        + "(sudo usermod -aG dialout $USER) and log in again");
        assertThat(SerialPorts.openFailure("/dev/ttyUSB0", SerialPorts.EACCES, "uucp"))
                .contains("group uucp (sudo usermod -aG uucp $USER)");
        assertThat(SerialPorts.openFailure("/dev/ttyUSB0", SerialPorts.EBUSY, null))
                .startsWith("serial port /dev/ttyUSB0 is in use by another program");
    }

    @Test
    void aMissingPortIsNamed() {
        assertThatThrownBy(() -> SerialPorts.open("/dev/ttyUSB97", 115200))
                .isInstanceOf(SerialException.class)
                .hasMessageStartingWith("serial port /dev/ttyUSB97 does not exist; ");
    }

    @Test
    void progressBarShowsTheImageItsShareAndItsSize() {
        FlashImage image = new FlashImage("app-0x10000.bin", 0x10000, new byte[4096]);
        assertThat(ProgressBar.render(image, 2, 2, 2048, 4096))
                .isEqualTo("[###############...............]  50% app-0x10000.bin at 0x10000 (2/2) 2/4 KiB");
        List<String> out = new ArrayList<>();
        ProgressBar logBar = new ProgressBar(out::add);
        for (int done = 0; done <= 4096; done += 256) {
            logBar.update(image, 1, 1, done, 4096);
        }
        // a log gets a line per tenth, not one per block
        assertThat(out).hasSize(11).last().asString().startsWith("[##############################] 100%");
    }
}
