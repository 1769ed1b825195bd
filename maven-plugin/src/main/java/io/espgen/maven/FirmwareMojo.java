package io.espgen.maven;

import io.espgen.maven.compile.CompileCommand;
import io.espgen.maven.compile.CompileOptions;
import io.espgen.maven.compile.FirmwareCompiler;
import io.espgen.maven.compile.SourceTree;
import io.espgen.maven.toolchain.Toolchain;
import io.espgen.maven.toolchain.ToolchainLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Cross-compiles the generated C with {@code xtensa-lx106-elf-gcc} into {@code target/espgen/obj/} and prints
 * the size report. Only files whose source or headers changed are compiled again. Runs the {@code compile}
 * phase first, so a bare {@code mvn esp:firmware} works.
 */
@Mojo(name = "firmware", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class FirmwareMojo extends AbstractCrossMojo {

    /**
     * The SDK's flash size map, passed as {@code -DSPI_FLASH_SIZE_MAP}: 0 to 9, as the NONOS SDK's
     * {@code enum flash_size_map} numbers them (4 = 4 MB flash with a 512 KB + 512 KB layout).
     */
    @Parameter(property = "esp.flashSizeMap", defaultValue = "4")
    protected int flashSizeMap;

    /**
     * Extra compiler flags, separated by white space, added after the plugin's own (so {@code -Wno-error=...} or
     * {@code -DNAME=value} work). A single flag cannot contain a space.
     */
    @Parameter(property = "esp.cflags")
    protected String cflags;

    /**
     * The Wi-Fi network the firmware joins, compiled in as the C string macro {@code ESPGEN_WIFI_SSID} (at most
     * 32 bytes, UTF-8). The plugin never prints it.
     */
    @Parameter(property = "esp.wifi.ssid")
    protected String wifiSsid;

    /**
     * The Wi-Fi password, compiled in as the C string macro {@code ESPGEN_WIFI_PASSWORD} (at most 64 bytes;
     * requires {@code esp.wifi.ssid}; empty = an open network). The plugin never prints it, but Maven's own
     * {@code -X} output lists configured values, and the objects hold it in clear text. Keep it out of a shared
     * pom: pass {@code -Desp.wifi.password=...} or set it in a {@code settings.xml} profile.
     */
    @Parameter(property = "esp.wifi.password")
    protected String wifiPassword;

    @Override
    protected String goal() {
        return "firmware";
    }

    @Override
    protected void run() throws EspException, IOException, InterruptedException {
        Toolchain toolchain = locate(ToolchainLocator.GCC, ToolchainLocator.SIZE);
        CompileOptions options = CompileOptions.of(flashSizeMap, cflags, wifiSsid, wifiPassword);
        SourceTree tree = SourceTree.scan(generatedDir.toPath());
        CompileCommand command = new CompileCommand(toolchain.gcc(), options, tree.root(), tree.includeDirs());
        FirmwareCompiler compiler = new FirmwareCompiler(command, Runtime.getRuntime().availableProcessors(),
                getLog()::debug);
        Path objDir = objectDir();
        FirmwareCompiler.Result result = compiler.compile(tree, objDir);

        for (Path removed : result.removedObjects()) {
            getLog().info(Messages.removedStaleObject(SourceTree.unixName(removed)));
        }
        for (FirmwareCompiler.FileResult file : result.files()) {
            printCompilerOutput(file);
        }
        int total = tree.sources().size();
        List<FirmwareCompiler.FileResult> failures = result.failures();
        if (!failures.isEmpty()) {
            throw new EspException(Messages.compileFailed(failures.size(), total, ToolchainLocator.GCC));
        }
        getLog().info(result.upToDate()
                ? Messages.firmwareUpToDate(total)
                : Messages.compiled(result.compiledCount(), total));
        report(toolchain, result.files().stream().map(FirmwareCompiler.FileResult::object)
                .collect(Collectors.toList()));
    }

    /** The compiler's own lines, untouched (file:line:col), as errors when the file failed. */
    private void printCompilerOutput(FirmwareCompiler.FileResult file) {
        if (!file.compiled() || file.result().output().isBlank()) {
            return;
        }
        for (String line : file.result().output().split("\\R")) {
            if (file.failed()) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
    }
}
