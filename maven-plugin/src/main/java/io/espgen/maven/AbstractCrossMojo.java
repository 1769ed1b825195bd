package io.espgen.maven;

import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.maven.size.DramOrigins;
import io.espgen.maven.size.LinkedSizeReport;
import io.espgen.maven.size.ObjectSize;
import io.espgen.maven.size.Region;
import io.espgen.maven.size.SizeLimits;
import io.espgen.maven.size.SizeReport;
import io.espgen.maven.size.SizeTool;
import io.espgen.maven.toolchain.Toolchain;
import io.espgen.maven.toolchain.ToolchainLocator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that use the xtensa-lx106 cross tools: finding them, and the size report. */
public abstract class AbstractCrossMojo extends AbstractEspMojo {
    static final String SIZE_REPORT = "size-report.txt";

    /**
     * The cross toolchain: its {@code bin} directory or the prefix holding {@code bin/}. When unset, the
     * environment variable {@code ESP_TOOLCHAIN_DIR} is used, then the PATH. Debian and Ubuntu install the
     * tools on the PATH with {@code apt-get install gcc-xtensa-lx106 binutils-xtensa-lx106}.
     */
    @Parameter(property = "esp.toolchainDir")
    protected File toolchainDir;

    /**
     * The base name of the linked firmware: {@code <name>.elf} and the flash images {@code <name>-0x00000.bin}
     * and {@code <name>-0x10000.bin}, in the output directory.
     */
    @Parameter(property = "esp.imageName", required = true, defaultValue = "${project.artifactId}")
    protected String imageName;

    protected final Toolchain locate(String... tools) throws EspException {
        Toolchain toolchain = new ToolchainLocator().locate(toolchainDir == null ? null : toolchainDir.toPath(), tools);
        getLog().debug(Messages.usingToolchain(toolchain.tool(tools[0]), toolchain.origin()));
        return toolchain;
    }

    /** {@code <outputDir>/<imageName>.elf}. */
    protected final Path elfFile() {
        return outputDir.toPath().resolve(imageName + ".elf");
    }

    /**
     * Measures the objects (and the linked ELF, when not null), prints the report, writes size-report.txt and
     * fails when a budget is exceeded.
     */
    protected final void report(Toolchain toolchain, List<Path> objects, Path elf) throws EspException,
            IOException, InterruptedException {
        SizeTool tool = target() == Target.RTOS ? new SizeTool(toolchain.size(), Region::ofRtos)
                : new SizeTool(toolchain.size());
        List<ObjectSize> sizes = tool.measure(objectDir(), objects);
        SizeReport report = new SizeReport(sizes,
                target() == Target.RTOS ? SizeLimits.ESP8266_RTOS : SizeLimits.ESP8266,
                DramOrigins.read(generatedDir.toPath()));
        List<String> lines = new ArrayList<>(report.lines());
        List<String> over = new ArrayList<>(report.exceededMessages());
        if (elf != null) {
            LinkedSizeReport linked = new LinkedSizeReport(elf.getFileName().toString(), tool.sections(elf),
                    SizeLimits.ESP8266);
            lines.add("");
            lines.addAll(linked.lines());
            over.addAll(linked.exceededMessages());
        }
        for (String line : lines) {
            getLog().info(line);
        }
        Path file = outputDir.toPath().resolve(SIZE_REPORT);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        getLog().info(Messages.sizeReportWritten(file));
        if (!over.isEmpty()) {
            for (String message : over.subList(1, over.size())) {
                getLog().error(message);
            }
            throw new EspException(over.get(0));
        }
    }
}
