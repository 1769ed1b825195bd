package io.espgen.maven.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 32-bit little-endian ELF file as the image writer needs it: the header's entry point and the section
 * headers with their names and contents. Program headers are not read: the image is made of sections, as
 * esptool's {@code elf2image} makes it.
 */
public final class ElfFile {
    public static final int ET_EXEC = 2;
    public static final int EM_XTENSA = 94;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_INIT_ARRAY = 14;
    public static final int SHT_FINI_ARRAY = 15;
    public static final int SHT_PREINIT_ARRAY = 16;

    private static final int EHDR_SIZE = 52;
    private static final int SHDR_SIZE = 40;

    /** One section header. {@code offset} and {@code size} locate its bytes in the file (none for NOBITS). */
    public record Section(int index, String name, int type, long flags, long addr, long offset, long size,
            long align) {
        public boolean hasFileData() {
            return type != SHT_NOBITS && size > 0;
        }
    }

    private final byte[] bytes;
    private final int type;
    private final int machine;
    private final long entry;
    private final List<Section> sections;

    private ElfFile(byte[] bytes, int type, int machine, long entry, List<Section> sections) {
        this.bytes = bytes;
        this.type = type;
        this.machine = machine;
        this.entry = entry;
        this.sections = sections;
    }

    public static ElfFile read(Path file) throws IOException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (ImageException e) {
            throw new ImageException(file + ": " + e.getMessage());
        }
    }

    /** Parses the bytes of an ELF file. */
    public static ElfFile parse(byte[] bytes) throws ImageException {
        if (bytes.length < EHDR_SIZE || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new ImageException("not an ELF file");
        }
        if (bytes[4] != 1) {
            throw new ImageException("not a 32-bit ELF file (class " + bytes[4] + ")");
        }
        if (bytes[5] != 1) {
            throw new ImageException("not a little-endian ELF file (data encoding " + bytes[5] + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int type = u16(b, 16);
        int machine = u16(b, 18);
        long entry = u32(b, 24);
        long shoff = u32(b, 32);
        int shentsize = u16(b, 46);
        int shnum = u16(b, 48);
        int shstrndx = u16(b, 50);
        if (shnum == 0) {
            throw new ImageException("no section headers");
        }
        if (shentsize != SHDR_SIZE) {
            throw new ImageException("section header size " + shentsize + ", expected " + SHDR_SIZE);
        }
        if (shoff + (long) shnum * SHDR_SIZE > bytes.length) {
            throw new ImageException("section headers past the end of the file (truncated?)");
        }
        if (shstrndx >= shnum) {
            throw new ImageException("section name table index " + shstrndx + " out of range");
        }
        long[][] raw = new long[shnum][];
        for (int i = 0; i < shnum; i++) {
            int at = (int) (shoff + (long) i * SHDR_SIZE);
            raw[i] = new long[] {u32(b, at), u32(b, at + 4), u32(b, at + 8), u32(b, at + 12), u32(b, at + 16),
                    u32(b, at + 20), u32(b, at + 32)};
        }
        long[] strtab = raw[shstrndx];
        checkRange(bytes, strtab[4], strtab[5], "section name table");
        List<Section> sections = new ArrayList<>(shnum);
        for (int i = 0; i < shnum; i++) {
            long[] s = raw[i];
            String name = name(bytes, strtab[4], strtab[5], s[0]);
            Section section = new Section(i, name, (int) s[1], s[2], s[3], s[4], s[5], s[6]);
            if (section.hasFileData()) {
                checkRange(bytes, section.offset(), section.size(), "section " + name);
            }
            sections.add(section);
        }
        return new ElfFile(bytes, type, machine, entry, List.copyOf(sections));
    }

    /** {@code e_type}: {@link #ET_EXEC} for a linked program. */
    public int type() {
        return type;
    }

    /** {@code e_machine}: {@link #EM_XTENSA} for the ESP8266. */
    public int machine() {
        return machine;
    }

    /** {@code e_entry}. */
    public long entry() {
        return entry;
    }

    /** Every section header, in header order (index 0 is the null section). */
    public List<Section> sections() {
        return sections;
    }

    /** The section's bytes as they are in the file (empty for NOBITS). */
    public byte[] data(Section section) {
        if (!section.hasFileData()) {
            return new byte[0];
        }
        return Arrays.copyOfRange(bytes, (int) section.offset(), (int) (section.offset() + section.size()));
    }

    private static String name(byte[] bytes, long tableOffset, long tableSize, long nameOffset)
            throws ImageException {
        if (nameOffset >= tableSize) {
            throw new ImageException("section name offset " + nameOffset + " out of range");
        }
        int start = (int) (tableOffset + nameOffset);
        int end = start;
        int limit = (int) (tableOffset + tableSize);
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static void checkRange(byte[] bytes, long offset, long size, String what) throws ImageException {
        if (offset < 0 || size < 0 || offset + size > bytes.length) {
            throw new ImageException(what + " lies past the end of the file (truncated?)");
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at));
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
