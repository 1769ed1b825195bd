package io.espgen.maven.image;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ESP8266's version-1 flash image of a linked ELF, as esptool's {@code elf2image} makes it (esptool:
 * {@code ESP8266ROMFirmwareImage.save}; the team's SDK notes, shared/docs/esp8266-sdk.md, section 6):
 *
 * <ul>
 *   <li>segments are the sections of type PROGBITS (or INIT_ARRAY, FINI_ARRAY, PREINIT_ARRAY) with a non-zero
 *       address and size, in section-header order, each padded with zeros to a multiple of 4; a section that
 *       starts where the previous padded one ends, in the same memory (DRAM, IRAM, ...), is merged into it;
 *       {@code .bss} (NOBITS) is not part of the image;</li>
 *   <li>the one segment in the flash-mapped window 0x40200000..0x40300000 (irom0) is written as it is to
 *       {@code <name>-0x<offset>.bin}, offset = address - 0x40200000;</li>
 *   <li>the others go to {@code <name>-0x00000.bin}: the 8-byte header (0xE9, segment count, flash mode,
 *       size &lt;&lt; 4 | frequency, entry point), each segment as address, length (u32 little-endian) and
 *       data, zeros up to a file offset of 15 modulo 16, and the checksum: the XOR of every segment data byte,
 *       seeded with 0xEF.</li>
 * </ul>
 *
 * The bytes depend on the ELF and the flash parameters only.
 */
public final class FirmwareImage {
    public static final int MAGIC = 0xE9;
    public static final int CHECKSUM_SEED = 0xEF;
    public static final int HEADER_SIZE = 8;
    public static final int SEGMENT_HEADER_SIZE = 8;
    public static final long IROM_MAP_START = 0x40200000L;
    public static final long IROM_MAP_END = 0x40300000L;
    /** esptool refuses more (it points at a linker script problem). */
    public static final int MAX_SEGMENTS = 16;
    private static final long MAX_SEGMENT_LENGTH = 0x1000000L;

    /** esptool's ESP8266 memory map: segments only merge within one of these. */
    private static final long[][] MEMORY = {
            {0x3FF00000L, 0x3FF00010L}, // DPORT
            {0x3FFE8000L, 0x40000000L}, // DRAM
            {0x40100000L, 0x40108000L}, // IRAM
            {0x40201010L, 0x402E1010L}, // IROM
    };

    /** One segment: load address, data padded to a multiple of 4, and the sections it was made of. */
    public record Segment(long addr, byte[] data, List<String> sections) {
        public Segment {
            data = data.clone();
            sections = List.copyOf(sections);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public int length() {
            return data.length;
        }

        public long end() {
            return addr + data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && s.addr == addr && Arrays.equals(s.data, data)
                    && s.sections.equals(sections);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(addr) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s at 0x%08x, %d bytes", sections, addr, data.length);
        }
    }

    private final long entry;
    private final List<Segment> segments;
    private final Segment irom;

    private FirmwareImage(long entry, List<Segment> segments, Segment irom) {
        this.entry = entry;
        this.segments = List.copyOf(segments);
        this.irom = irom;
    }

    /**
     * The image of a linked ELF.
     *
     * @throws ImageException when it is not a linked Xtensa program, has several irom0 segments or more
     *     segments than the ROM loader takes
     */
    public static FirmwareImage of(ElfFile elf) throws ImageException {
        if (elf.machine() != ElfFile.EM_XTENSA) {
            throw new ImageException("not an Xtensa ELF (machine " + elf.machine() + ")");
        }
        if (elf.type() != ElfFile.ET_EXEC) {
            throw new ImageException("not a linked program (ELF type " + elf.type() + "; an object file?)");
        }
        List<Segment> all = merge(sectionSegments(elf));
        if (all.size() > MAX_SEGMENTS) {
            throw new ImageException(all.size() + " segments, the ROM loader takes at most " + MAX_SEGMENTS
                    + " (a linker script problem?)");
        }
        Segment irom = null;
        List<Segment> rest = new ArrayList<>();
        for (Segment s : all) {
            if (s.length() >= MAX_SEGMENT_LENGTH) {
                throw new ImageException(s + " is 16 MiB or more");
            }
            if (isIrom(s.addr())) {
                if (irom != null) {
                    throw new ImageException("two segments could be irom0: " + irom + " and " + s);
                }
                irom = s;
            } else {
                rest.add(s);
            }
        }
        return new FirmwareImage(elf.entry(), rest, irom);
    }

    static List<Segment> sectionSegments(ElfFile elf) {
        List<Segment> out = new ArrayList<>();
        for (ElfFile.Section s : elf.sections()) {
            boolean loadable = s.type() == ElfFile.SHT_PROGBITS || s.type() == ElfFile.SHT_INIT_ARRAY
                    || s.type() == ElfFile.SHT_FINI_ARRAY || s.type() == ElfFile.SHT_PREINIT_ARRAY;
            if (loadable && s.addr() != 0 && s.size() != 0) {
                out.add(new Segment(s.addr(), padTo4(elf.data(s)), List.of(s.name())));
            }
        }
        return out;
    }

    /** Merges each segment into the one before when it starts where that one ends, in the same memory. */
    static List<Segment> merge(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments) {
            Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() == s.addr() && memory(last.addr()) == memory(s.addr())) {
                byte[] data = Arrays.copyOf(last.data, last.length() + s.length());
                System.arraycopy(s.data, 0, data, last.length(), s.length());
                List<String> names = new ArrayList<>(last.sections());
                names.addAll(s.sections());
                out.set(out.size() - 1, new Segment(last.addr(), data, names));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static int memory(long addr) {
        for (int i = 0; i < MEMORY.length; i++) {
            if (addr >= MEMORY[i][0] && addr < MEMORY[i][1]) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isIrom(long addr) {
        return addr >= IROM_MAP_START && addr < IROM_MAP_END;
    }

    private static byte[] padTo4(byte[] data) {
        int padded = (data.length + 3) & ~3;
        return padded == data.length ? data : Arrays.copyOf(data, padded);
    }

    public long entry() {
        return entry;
    }

    /** The segments of {@code <name>-0x00000.bin}, in file order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The irom0 segment, or null when the program has none. */
    public Segment irom() {
        return irom;
    }

    /** Where the irom0 file goes in flash: its address less 0x40200000. */
    public long iromOffset() {
        if (irom == null) {
            throw new IllegalStateException("no irom0 segment");
        }
        return irom.addr() - IROM_MAP_START;
    }

    /** The checksum byte: XOR of all segment data (padding included), seeded with 0xEF. */
    public int checksum() {
        int sum = CHECKSUM_SEED;
        for (Segment s : segments) {
            for (byte b : s.data) {
                sum ^= b & 0xFF;
            }
        }
        return sum;
    }

    /** The bytes of {@code <name>-0x00000.bin}. */
    public byte[] mainFile(FlashParams params) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MAGIC);
        out.write(segments.size());
        out.write(params.mode().code());
        out.write(params.sizeFreqByte());
        writeU32(out, entry);
        for (Segment s : segments) {
            writeU32(out, s.addr());
            writeU32(out, s.length());
            out.write(s.data, 0, s.length());
        }
        while (out.size() % 16 != 15) {
            out.write(0);
        }
        out.write(checksum());
        return out.toByteArray();
    }

    /** The bytes of the irom0 file: the segment's data, padded to a multiple of 4 as esptool does. */
    public byte[] iromFile() {
        if (irom == null) {
            throw new IllegalStateException("no irom0 segment");
        }
        return irom.data();
    }

    private static void writeU32(ByteArrayOutputStream out, long v) {
        out.write((int) (v & 0xFF));
        out.write((int) (v >>> 8 & 0xFF));
        out.write((int) (v >>> 16 & 0xFF));
        out.write((int) (v >>> 24 & 0xFF));
    }
}
