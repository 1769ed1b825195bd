package io.espgen.maven.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.LinkedEcho;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ELF reader against readelf and objcopy, on the echo sample linked by the cross tools. */
class ElfFileTest {
    static LinkedEcho echo;
    static ElfFile elf;
    static List<ReadElf> readelf;

    @BeforeAll
    static void read() throws Exception {
        echo = LinkedEcho.get();
        elf = ElfFile.read(echo.elf);
        readelf = ReadElf.parse(echo.tool("readelf", "-S", "-W", echo.elf.toString()));
    }

    @Test
    void headerFields() throws Exception {
        assertThat(elf.type()).isEqualTo(ElfFile.ET_EXEC);
        assertThat(elf.machine()).isEqualTo(ElfFile.EM_XTENSA);
        String header = echo.tool("readelf", "-h", echo.elf.toString());
        assertThat(header).containsPattern("Entry point address:\\s+0x" + Long.toHexString(elf.entry()) + "\\R");
    }

    @Test
    void everySectionAsReadelfListsIt() {
        assertThat(readelf).hasSizeGreaterThan(5);
        assertThat(elf.sections()).hasSameSizeAs(readelf);
        for (ReadElf r : readelf) {
            ElfFile.Section s = elf.sections().get(r.index());
            assertThat(s.index()).isEqualTo(r.index());
            assertThat(s.name()).isEqualTo(r.name());
            assertThat(s.addr()).as(r.name()).isEqualTo(r.addr());
            assertThat(s.offset()).as(r.name()).isEqualTo(r.offset());
            assertThat(s.size()).as(r.name()).isEqualTo(r.size());
            int type = switch (r.type()) {
                case "NULL" -> 0;
                case "PROGBITS" -> ElfFile.SHT_PROGBITS;
                case "SYMTAB" -> 2;
                case "STRTAB" -> ElfFile.SHT_STRTAB;
                case "NOTE" -> 7;
                case "NOBITS" -> ElfFile.SHT_NOBITS;
                default -> -1;
            };
            if (type >= 0) {
                assertThat(s.type()).as(r.name()).isEqualTo(type);
            }
            assertThat((s.flags() & 2) != 0).as(r.name() + " alloc").isEqualTo(r.flags().contains("A"));
        }
    }

    @Test
    void sectionDataIsWhatObjcopyExtracts(@TempDir Path tmp) throws Exception {
        for (String name : List.of(".text", ".data", ".rodata", ".irom0.text")) {
            Path out = tmp.resolve(name.substring(1) + ".bin");
            echo.tool("objcopy", "-O", "binary", "--only-section=" + name, echo.elf.toString(), out.toString());
            ElfFile.Section s = elf.sections().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            assertThat(elf.data(s)).as(name).isEqualTo(Files.readAllBytes(out));
        }
        ElfFile.Section bss = elf.sections().stream().filter(x -> x.name().equals(".bss")).findFirst().orElseThrow();
        assertThat(bss.size()).isPositive();
        assertThat(elf.data(bss)).isEmpty();
    }

    @Test
    void objectFilesAreReadButAreNoProgram() throws Exception {
        ElfFile object = ElfFile.read(echo.objects.get(0));
        assertThat(object.type()).isEqualTo(1); // ET_REL
        assertThatThrownBy(() -> FirmwareImage.of(object)).isInstanceOf(ImageException.class)
                .hasMessageContaining("not a linked program");
    }

    @Test
    void whatIsNotA32BitLittleEndianElf(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> ElfFile.parse("hello".getBytes())).isInstanceOf(ImageException.class)
                .hasMessage("not an ELF file");
        byte[] bytes = Files.readAllBytes(echo.elf);
        byte[] elf64 = bytes.clone();
        elf64[4] = 2;
        assertThatThrownBy(() -> ElfFile.parse(elf64)).hasMessageContaining("not a 32-bit ELF file");
        byte[] bigEndian = bytes.clone();
        bigEndian[5] = 2;
        assertThatThrownBy(() -> ElfFile.parse(bigEndian)).hasMessageContaining("not a little-endian ELF file");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        Path file = Files.write(tmp.resolve("cut.elf"), truncated);
        assertThatThrownBy(() -> ElfFile.read(file)).isInstanceOf(ImageException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining("truncated");
    }
}
