package io.espgen.maven.size;

import java.util.List;

/** What one object file adds to each region, in bytes. {@code file} is the source's name in the tree. */
public record ObjectSize(String file, long iram, long dram, long flash) {

    public static ObjectSize of(String file, List<SizeParser.Section> sections) {
        long iram = 0;
        long dram = 0;
        long flash = 0;
        for (SizeParser.Section s : sections) {
            var region = Region.of(s.name());
            if (region.isEmpty()) {
                continue;
            }
            switch (region.get()) {
                case IRAM -> iram += s.size();
                case DRAM -> dram += s.size();
                case FLASH -> flash += s.size();
            }
        }
        return new ObjectSize(file, iram, dram, flash);
    }

    public long get(Region region) {
        return switch (region) {
            case IRAM -> iram;
            case DRAM -> dram;
            case FLASH -> flash;
        };
    }
}
