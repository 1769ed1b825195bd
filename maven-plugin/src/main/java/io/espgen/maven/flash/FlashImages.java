package io.espgen.maven.flash;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import io.espgen.serial.FlashImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The flash images esp:firmware wrote: {@code <name>-0x<offset>.bin} in the output directory, by offset. */
public final class FlashImages {
    private FlashImages() {
    }

    public static List<FlashImage> find(Path dir, String name) throws EspException, IOException {
        Pattern file = Pattern.compile(Pattern.quote(name) + "-0x([0-9a-f]{5,8})\\.bin");
        List<FlashImage> images = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                    Matcher m = file.matcher(p.getFileName().toString());
                    if (m.matches() && Files.isRegularFile(p)) {
                        long offset = Long.parseLong(m.group(1), 16);
                        if (offset % 0x1000 != 0) {
                            throw new EspException(Messages.imageNotAtSector(p, offset));
                        }
                        images.add(new FlashImage(p.getFileName().toString(), offset, Files.readAllBytes(p)));
                    }
                }
            }
        }
        if (images.stream().noneMatch(i -> i.offset() == 0)) {
            throw new EspException(Messages.noFlashImage(dir, name));
        }
        images.sort(Comparator.comparingLong(FlashImage::offset));
        return images;
    }
}
