package io.espgen.maven;

import io.espgen.maven.size.SizeTool;
import io.espgen.maven.toolchain.Toolchain;
import io.espgen.maven.toolchain.ToolchainLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints the size report of the objects {@code esp:firmware} left in {@code target/espgen/obj/} (IRAM, DRAM and
 * flash per file and against the ESP8266's limits) without compiling anything, and writes it to
 * {@code target/espgen/size-report.txt}. When {@code esp:firmware} also linked them with the SDK, the linked
 * ELF is reported too, against the chip's whole regions. Fails when IRAM or flash is over its limit.
 */
@Mojo(name = "size", threadSafe = true)
public class SizeMojo extends AbstractCrossMojo {

    @Override
    protected String goal() {
        return "size";
    }

    @Override
    protected void run() throws EspException, IOException, InterruptedException {
        Path objDir = objectDir();
        List<Path> objects = SizeTool.objectsIn(objDir);
        if (objects.isEmpty()) {
            throw new EspException(Messages.noObjects(objDir));
        }
        Toolchain toolchain = locate(ToolchainLocator.SIZE);
        report(toolchain, objects, linkedElf(objects));
    }

    /** The ELF when it was linked from these objects (it is newer than all of them), else null. */
    private Path linkedElf(List<Path> objects) throws IOException {
        Path elf = elfFile();
        if (!Files.isRegularFile(elf)) {
            return null;
        }
        FileTime linked = Files.getLastModifiedTime(elf);
        for (Path o : objects) {
            if (Files.getLastModifiedTime(o).compareTo(linked) > 0) {
                getLog().debug(Messages.PREFIX + elf + " is older than " + o + "; not reported");
                return null;
            }
        }
        return elf;
    }
}
