package io.espgen.maven.size;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one object file adds to each region, in bytes. {@code file} is the source's name in the tree;
 * {@code largestDram} names its largest DRAM section's symbol ({@code -fdata-sections} gives each variable a
 * section of its own), what a report points at when DRAM runs out, "" when it has none.
 */
public record ObjectSize(String file, long iram, long dram, long flash, String largestDram, long largestDramSize) {

    public ObjectSize(String file, long iram, long dram, long flash) {
        this(file, iram, dram, flash, "", 0);
    }

    public static ObjectSize of(String file, List<SizeParser.Section> sections) {
        return of(file, sections, Region::of);
    }

    /** As {@link #of(String, List)}, with the sections placed by regions (Region::of, or Region::ofRtos). */
    public static ObjectSize of(String file, List<SizeParser.Section> sections,
            Function<String, Optional<Region>> regions) {
        long iram = 0;
        long dram = 0;
        long flash = 0;
        String largest = "";
        long largestSize = 0;
        for (SizeParser.Section s : sections) {
            var region = regions.apply(s.name());
            if (region.isEmpty()) {
                continue;
            }
            switch (region.get()) {
                case IRAM -> iram += s.size();
                case DRAM -> {
                    dram += s.size();
                    if (s.size() > largestSize) {
                        largest = symbolOf(s.name());
                        largestSize = s.size();
                    }
                }
                case FLASH -> flash += s.size();
            }
        }
        return new ObjectSize(file, iram, dram, flash, largest, largestSize);
    }

    /** ".bss.echo_server_conns" is echo_server_conns; a section without a symbol keeps its own name. */
    private static String symbolOf(String section) {
        for (String prefix : List.of(".bss.", ".data.", ".rodata.")) {
            if (section.startsWith(prefix) && section.length() > prefix.length()) {
                return section.substring(prefix.length());
            }
        }
        return section;
    }

    public long get(Region region) {
        return switch (region) {
            case IRAM -> iram;
            case DRAM -> dram;
            case FLASH -> flash;
        };
    }
}
