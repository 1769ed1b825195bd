package io.espgen.maven.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.Exec;
import io.espgen.maven.LinkedEcho;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image writer on the echo sample linked against the stand-in SDK, checked field by field against what
 * readelf and objcopy say of the same ELF, with the padding and the checksum recomputed here.
 */
class FirmwareImageTest {
    static LinkedEcho echo;
    static List<ReadElf> readelf;
    static long entry;

    /** What the test expects of one segment: address, the sections' bytes (objcopy) padded and concatenated. */
    record Expected(long addr, byte[] data, List<String> sections) {
    }

    @BeforeAll
    static void link() throws Exception {
        echo = LinkedEcho.get();
        readelf = ReadElf.parse(echo.tool("readelf", "-S", "-W", echo.elf.toString()));
        String header = echo.tool("readelf", "-h", echo.elf.toString());
        entry = Long.decode(header.replaceAll("(?s).*Entry point address:\\s+(0x[0-9a-f]+).*", "$1"));
    }

    private static byte[] objcopy(Path tmp, String section) throws Exception {
        Path out = tmp.resolve("section" + section + ".bin");
        echo.tool("objcopy", "-O", "binary", "--only-section=" + section, echo.elf.toString(), out.toString());
        return Files.readAllBytes(out);
    }

    private static byte[] pad4(byte[] b) {
        return java.util.Arrays.copyOf(b, (b.length + 3) / 4 * 4);
    }

    private static String memory(long addr) {
        if (addr >= 0x3FFE8000L && addr < 0x40000000L) {
            return "DRAM";
        }
        if (addr >= 0x40100000L && addr < 0x40108000L) {
            return "IRAM";
        }
        return addr >= 0x40201010L && addr < 0x402E1010L ? "IROM" : "?";
    }

    /** readelf's PROGBITS sections with an address and a size, padded, adjacent ones in one memory merged. */
    private static List<Expected> expectedSegments(Path tmp) throws Exception {
        List<Expected> out = new ArrayList<>();
        for (ReadElf s : readelf) {
            if (!s.type().equals("PROGBITS") || s.addr() == 0 || s.size() == 0) {
                continue;
            }
            byte[] data = pad4(objcopy(tmp, s.name()));
            assertThat(data.length).isEqualTo((s.size() + 3) / 4 * 4);
            Expected last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.addr() + last.data().length == s.addr()
                    && memory(last.addr()).equals(memory(s.addr()))) {
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                joined.writeBytes(last.data());
                joined.writeBytes(data);
                List<String> names = new ArrayList<>(last.sections());
                names.add(s.name());
                out.set(out.size() - 1, new Expected(last.addr(), joined.toByteArray(), names));
            } else {
                out.add(new Expected(s.addr(), data, List.of(s.name())));
            }
        }
        return out;
    }

    private static List<ImageWriter.ImageFile> write(Path dir, FlashParams params) throws Exception {
        return ImageWriter.write(FirmwareImage.of(ElfFile.read(echo.elf)), params, dir, "echo-server");
    }

    @Test
    void theStandInLinkHasTheSegmentsThisTestIsAbout() {
        // .data and .rodata adjacent in DRAM (merged), .rodata of an odd size (padded), .bss not in the image
        ReadElf data = ReadElf.named(readelf, ".data");
        ReadElf rodata = ReadElf.named(readelf, ".rodata");
        assertThat(rodata.addr()).isEqualTo(data.addr() + (data.size() + 3) / 4 * 4);
        assertThat(rodata.size() % 4).isNotZero();
        assertThat(ReadElf.named(readelf, ".bss").type()).isEqualTo("NOBITS");
        assertThat(ReadElf.named(readelf, ".irom0.text").addr()).isEqualTo(0x40210000L);
        assertThat(ReadElf.named(readelf, ".text").addr()).isEqualTo(0x40100000L);
    }

    @Test
    void mainImageFieldByField(@TempDir Path tmp) throws Exception {
        List<ImageWriter.ImageFile> files = write(tmp, FlashParams.DEFAULT);
        Path main = tmp.resolve("echo-server-0x00000.bin");
        assertThat(files.get(0).file()).isEqualTo(main);
        assertThat(files.get(0).offset()).isZero();
        byte[] bytes = Files.readAllBytes(main);
        assertThat(files.get(0).bytes()).isEqualTo(bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        List<Expected> expected = expectedSegments(tmp).stream()
                .filter(e -> e.addr() < 0x40200000L || e.addr() >= 0x40300000L).toList();
        assertThat(expected).extracting(Expected::sections)
                .containsExactly(List.of(".data", ".rodata"), List.of(".text"));

        // header: magic, segment count, flash mode (qio 0), size 4M (0x40) | 40m (0x0), entry point
        assertThat(b.get(0) & 0xFF).isEqualTo(0xE9);
        assertThat(b.get(1) & 0xFF).isEqualTo(expected.size());
        assertThat(b.get(2) & 0xFF).isEqualTo(0);
        assertThat(b.get(3) & 0xFF).isEqualTo(0x40);
        assertThat(Integer.toUnsignedLong(b.getInt(4))).isEqualTo(entry);
        assertThat(entry).isBetween(0x40100000L, 0x40107FFFL);

        // segments: address, length (a multiple of 4), then the sections' bytes and zero padding
        int at = 8;
        int checksum = 0xEF;
        for (Expected e : expected) {
            assertThat(Integer.toUnsignedLong(b.getInt(at))).as("address of " + e.sections()).isEqualTo(e.addr());
            int length = b.getInt(at + 4);
            assertThat(length).as("length of " + e.sections()).isEqualTo(e.data().length);
            assertThat(length % 4).isZero();
            byte[] data = java.util.Arrays.copyOfRange(bytes, at + 8, at + 8 + length);
            assertThat(data).as("data of " + e.sections()).isEqualTo(e.data());
            for (byte x : data) {
                checksum ^= x & 0xFF;
            }
            at += 8 + length;
        }
        // zeros up to offset 15 modulo 16, then the checksum byte, which ends the file
        assertThat(bytes.length % 16).isZero();
        assertThat(bytes.length - 1).isGreaterThanOrEqualTo(at).isLessThan(at + 16);
        for (int i = at; i < bytes.length - 1; i++) {
            assertThat(bytes[i]).as("padding byte at " + i).isZero();
        }
        assertThat(bytes[bytes.length - 1] & 0xFF).isEqualTo(checksum);
        assertThat(FirmwareImage.of(ElfFile.read(echo.elf)).checksum()).isEqualTo(checksum);
    }

    @Test
    void iromFileIsTheIrom0SectionAtItsOffset(@TempDir Path tmp) throws Exception {
        List<ImageWriter.ImageFile> files = write(tmp, FlashParams.DEFAULT);
        assertThat(files).hasSize(2);
        ReadElf irom = ReadElf.named(readelf, ".irom0.text");
        long offset = irom.addr() - 0x40200000L;
        assertThat(offset).isEqualTo(0x10000L);
        ImageWriter.ImageFile file = files.get(1);
        assertThat(file.offset()).isEqualTo(offset);
        assertThat(file.file()).isEqualTo(tmp.resolve("echo-server-0x10000.bin"));
        byte[] bytes = Files.readAllBytes(file.file());
        assertThat(bytes).isEqualTo(pad4(objcopy(tmp, ".irom0.text")));
        assertThat(bytes.length).isEqualTo((irom.size() + 3) / 4 * 4);
        assertThat(file.offsetText()).isEqualTo("0x10000");
    }

    @Test
    void flashParametersGoIntoBytesTwoAndThreeOnly(@TempDir Path tmp) throws Exception {
        byte[] reference = Files.readAllBytes(write(tmp.resolve("ref"), FlashParams.DEFAULT).get(0).file());
        int[][] cases = {
                // mode, size, freq, byte 2, byte 3
                {3, 0, 1, 3, 0x01}, {1, 1, 2, 1, 0x12}, {2, 2, 3, 2, 0x2F}, {0, 3, 0, 0, 0x30},
                {0, 5, 0, 0, 0x50}, {0, 6, 3, 0, 0x6F}, {0, 7, 0, 0, 0x80}, {2, 8, 2, 2, 0x92}};
        for (int[] c : cases) {
            FlashParams params = new FlashParams(FlashMode.values()[c[0]], FlashSize.values()[c[1]],
                    FlashFreq.values()[c[2]]);
            byte[] bytes = Files.readAllBytes(write(tmp.resolve("case" + c[0] + c[1] + c[2]), params).get(0).file());
            assertThat(bytes[2] & 0xFF).as(params.toString()).isEqualTo(c[3]);
            assertThat(bytes[3] & 0xFF).as(params.toString()).isEqualTo(c[4]);
            bytes[2] = reference[2];
            bytes[3] = reference[3];
            assertThat(bytes).as("all else unchanged for " + params).isEqualTo(reference);
        }
    }

    @Test
    void theSameElfGivesTheSameBytesAndNothingIsRewritten(@TempDir Path tmp) throws Exception {
        List<ImageWriter.ImageFile> first = write(tmp, FlashParams.DEFAULT);
        assertThat(first).allMatch(ImageWriter.ImageFile::written);
        assertThat(ImageWriter.upToDate(first)).isFalse();
        byte[] main = Files.readAllBytes(first.get(0).file());
        List<ImageWriter.ImageFile> second = write(tmp, FlashParams.DEFAULT);
        assertThat(ImageWriter.upToDate(second)).isTrue();
        assertThat(Files.readAllBytes(second.get(0).file())).isEqualTo(main);
        List<ImageWriter.ImageFile> third = write(tmp, new FlashParams(FlashMode.DIO, FlashSize.SIZE_4M,
                FlashFreq.FREQ_40M));
        assertThat(third.get(0).written()).isTrue();
        assertThat(third.get(1).written()).isFalse();
    }

    @Test
    void esptoolCommandLine(@TempDir Path tmp) throws Exception {
        List<ImageWriter.ImageFile> files = write(tmp, new FlashParams(FlashMode.DOUT, FlashSize.SIZE_4M_C1,
                FlashFreq.FREQ_80M));
        assertThat(ImageWriter.esptoolCommand(new FlashParams(FlashMode.DOUT, FlashSize.SIZE_4M_C1,
                FlashFreq.FREQ_80M), files)).containsExactly("esptool.py", "--chip", "esp8266", "write_flash",
                "--flash_mode", "dout", "--flash_size", "4MB-c1", "--flash_freq", "80m",
                "0x00000", tmp.resolve("echo-server-0x00000.bin").toString(),
                "0x10000", tmp.resolve("echo-server-0x10000.bin").toString());
    }

    @Test
    void twoSegmentsInTheIromWindowAreRefused(@TempDir Path tmp) throws Exception {
        Path c = Files.writeString(tmp.resolve("two.c"), """
                __attribute__((section(".irom0.text"))) int one(void) { return 1; }
                __attribute__((section(".irom1.text"))) int two(void) { return 2; }
                void entry(void) { }
                """);
        Path ld = Files.writeString(tmp.resolve("two.ld"), """
                MEMORY
                {
                  iram : org = 0x40100000, len = 0x8000
                  irom : org = 0x40210000, len = 0x10000
                  irom1 : org = 0x40280000, len = 0x10000
                }
                ENTRY(entry)
                SECTIONS
                {
                  .irom0.text : { KEEP(*(.irom0.text)) } >irom
                  .irom1.text : { KEEP(*(.irom1.text)) } >irom1
                  .text : { *(.literal .text) } >iram
                }
                """);
        Path elf = tmp.resolve("two.elf");
        Exec.Result r = Exec.run(List.of(echo.toolchain.gcc().toString(), "-nostdlib", "-mlongcalls", "-T" + ld,
                c.toString(), "-o", elf.toString()), tmp);
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThatThrownBy(() -> FirmwareImage.of(ElfFile.read(elf))).isInstanceOf(ImageException.class)
                .hasMessageStartingWith("two segments could be irom0: [.irom0.text] at 0x40210000, ")
                .hasMessageContaining("[.irom1.text] at 0x40280000");
    }
}
