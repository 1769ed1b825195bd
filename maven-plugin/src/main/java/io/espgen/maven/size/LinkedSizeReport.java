package io.espgen.maven.size;

import io.espgen.maven.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The size of the linked firmware: everything the chip loads, the SDK's own code included, against the
 * chip's whole regions (IRAM 32 KiB, DRAM 80 KiB, the irom0 region of {@code eagle.app.v6.ld}), where the
 * report on the objects holds the generated code to what the SDK leaves it.
 */
public final class LinkedSizeReport {
    private static final List<Region> ORDER = List.of(Region.IRAM, Region.DRAM, Region.FLASH);

    private final String elfName;
    private final ObjectSize size;
    private final long data;
    private final long rodata;
    private final long bss;
    private final SizeLimits limits;

    public LinkedSizeReport(String elfName, List<SizeParser.Section> sections, SizeLimits limits) {
        this.elfName = elfName;
        this.size = ObjectSize.of(elfName, sections);
        this.limits = limits;
        long d = 0;
        long r = 0;
        long b = 0;
        for (SizeParser.Section s : sections) {
            if (s.name().startsWith(".data")) {
                d += s.size();
            } else if (s.name().startsWith(".rodata")) {
                r += s.size();
            } else if (s.name().startsWith(".bss")) {
                b += s.size();
            }
        }
        this.data = d;
        this.rodata = r;
        this.bss = b;
    }

    public ObjectSize size() {
        return size;
    }

    /** The whole region, not the application's share. */
    public long limit(Region r) {
        return switch (r) {
            case IRAM -> limits.iramTotal();
            case DRAM -> limits.dram();
            case FLASH -> limits.flash();
        };
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(Messages.linkedSizeTitle(elfName));
        for (Region r : ORDER) {
            out.add(SizeReport.regionLine(r, size.get(r), limit(r)));
            if (r == Region.DRAM) {
                out.add("       " + Messages.linkedDramNote(data, rodata, bss, limits.dram() - size.dram()));
            }
        }
        return out;
    }

    /** One message per region the firmware does not fit in (IRAM, flash; DRAM only leaves less heap). */
    public List<String> exceededMessages() {
        List<String> out = new ArrayList<>();
        if (size.iram() > limit(Region.IRAM)) {
            out.add(Messages.linkedOverLimit(elfName, Region.IRAM.label(), size.iram(), limit(Region.IRAM)));
        }
        if (size.flash() > limit(Region.FLASH)) {
            out.add(Messages.linkedOverLimit(elfName, Region.FLASH.label(), size.flash(), limit(Region.FLASH)));
        }
        return out;
    }
}
