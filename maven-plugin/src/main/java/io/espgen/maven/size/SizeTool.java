package io.espgen.maven.size;

import io.espgen.maven.Exec;
import io.espgen.maven.compile.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Measures objects with {@code xtensa-lx106-elf-size -A -d}. */
public final class SizeTool {
    private final Path sizeExe;
    private final Function<String, Optional<Region>> regions;

    public SizeTool(Path sizeExe) {
        this(sizeExe, Region::of);
    }

    /** With the sections placed by regions: Region::of (NONOS), Region::ofRtos (ESP8266_RTOS_SDK). */
    public SizeTool(Path sizeExe, Function<String, Optional<Region>> regions) {
        this.sizeExe = sizeExe;
        this.regions = regions;
    }

    /** The objects below {@code objDir}, sorted by their relative name; none when it does not exist. */
    public static List<Path> objectsIn(Path objDir) throws IOException {
        if (!Files.isDirectory(objDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(objDir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".o") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> SourceTree.unixName(objDir.relativize(p))))
                    .collect(Collectors.toList());
        }
    }

    /** Each object's figures, named after its source ({@code echo/echo.o} is {@code echo/echo.c}). */
    public List<ObjectSize> measure(Path objDir, List<Path> objects) throws IOException, InterruptedException {
        List<ObjectSize> sizes = new ArrayList<>();
        for (Path object : objects) {
            sizes.add(ObjectSize.of(sourceName(objDir.relativize(object)), sections(object), regions));
        }
        return sizes;
    }

    /** The sections of one file (an object or the linked ELF) as {@code size -A -d} lists them. */
    public List<SizeParser.Section> sections(Path file) throws IOException, InterruptedException {
        Exec.Result r = Exec.run(List.of(sizeExe.toString(), "-A", "-d", file.toString()), null);
        if (!r.ok()) {
            throw new IOException(sizeExe.getFileName() + " failed on " + file + ": " + r.output().strip());
        }
        return SizeParser.parse(r.output());
    }

    static String sourceName(Path relativeObject) {
        String name = SourceTree.unixName(relativeObject);
        return name.endsWith(".o") ? name.substring(0, name.length() - 2) + ".c" : name;
    }
}
