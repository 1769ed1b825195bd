package io.espgen.maven;

import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.maven.compile.CompileCommand;
import io.espgen.maven.compile.CompileOptions;
import io.espgen.maven.compile.FirmwareCompiler;
import io.espgen.maven.compile.RtosSdk;
import io.espgen.maven.compile.RtosTree;
import io.espgen.maven.compile.SourceTree;
import io.espgen.maven.compile.WifiSecrets;
import io.espgen.maven.image.ElfFile;
import io.espgen.maven.image.FirmwareImage;
import io.espgen.maven.image.FlashParams;
import io.espgen.maven.image.ImageException;
import io.espgen.maven.image.ImageWriter;
import io.espgen.maven.link.FirmwareLinker;
import io.espgen.maven.link.PreparedLibc;
import io.espgen.maven.link.Sdk;
import io.espgen.maven.link.SdkGlue;
import io.espgen.maven.toolchain.Toolchain;
import io.espgen.maven.toolchain.ToolchainLocator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Cross-compiles the generated C with {@code xtensa-lx106-elf-gcc} into {@code target/espgen/obj/}. With an
 * SDK ({@code esp.sdkDir}) it also links the firmware, {@code target/espgen/<name>.elf}, and writes the flash
 * images {@code <name>-0x00000.bin} and {@code <name>-0x10000.bin} beside it; without one the build is a checked
 * cross-compile. Then it prints the size report. Only what changed is built again. Runs the {@code compile}
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
     * The least severe log level the firmware keeps: {@code NONE}, {@code ERROR}, {@code WARN}, {@code INFO} (the
     * default) or {@code DEBUG}. Log calls below it are left out at compile time, formats and all.
     */
    @Parameter(property = "esp.logLevel", defaultValue = "INFO")
    protected String logLevel;

    /**
     * The Wi-Fi network the firmware joins (a station) or opens (an access point), at most 32 bytes of UTF-8;
     * else the environment variable {@code ESP_WIFI_SSID}, else {@code wifi.ssid} in the secrets file. It goes
     * into {@code espgen_secrets.h} under {@code <outputDir>/secrets}, never into the generated sources or the
     * log. Without one a station firmware opens its access point, named after the project (one warning).
     */
    @Parameter(property = "esp.wifi.ssid")
    protected String wifiSsid;

    /**
     * The network's password, at most 64 bytes (empty = an open network); else {@code ESP_WIFI_PASSWORD}, else
     * {@code wifi.password} in the secrets file. Keep it out of a shared pom: the environment or the secrets
     * file keep it out of Maven's own {@code -X} output too. The objects and the image hold it, as the chip
     * needs it.
     */
    @Parameter(property = "esp.wifi.password")
    protected String wifiPassword;

    /**
     * The fallback access point's password, 8 to 64 bytes (WPA2); else {@code ESP_WIFI_AP_PASSWORD}, else
     * {@code wifi.apPassword} in the secrets file; none = an open access point.
     */
    @Parameter(property = "esp.wifi.apPassword")
    protected String wifiApPassword;

    /** A properties file of secrets (wifi.ssid, wifi.password, wifi.apPassword); keep it out of version control. */
    @Parameter(property = "esp.secrets", defaultValue = "${project.basedir}/secrets.properties")
    protected File secretsFile;

    /** The project's name: the fallback access point's (at most 32 bytes are used). */
    @Parameter(property = "esp.projectName", defaultValue = "${project.artifactId}")
    protected String projectName;

    /**
     * An unpacked ESP8266_NONOS_SDK 3.x (the directory holding {@code include/}, {@code lib/},
     * {@code ld/eagle.app.v6.ld} and {@code driver_lib/include/}). With it the generated code is compiled against
     * the SDK's own headers, linked with its libraries and linker script, and written as flash images; without
     * it the build stops after the cross-compile. Nothing of the SDK is copied.
     */
    @Parameter(property = "esp.sdkDir")
    protected File sdkDir;

    /**
     * With {@code esp.target=rtos}: an unpacked ESP8266_RTOS_SDK 3.x (IDF_PATH) whose headers the C is compiled
     * against instead of espgen's own declarations; {@code esp.rtosConfigDir} names the directory holding the
     * {@code sdkconfig.h} its build wrote. It checks the C against the real API; the image is still Espressif's
     * build's to make (the goal prints the steps).
     */
    @Parameter(property = "esp.rtosSdkDir")
    protected File rtosSdkDir;

    /** The directory holding the sdkconfig.h of an ESP8266_RTOS_SDK app's build (its {@code build/include}). */
    @Parameter(property = "esp.rtosConfigDir")
    protected File rtosConfigDir;

    /**
     * The C library to link with the SDK, which ships none. When unset: the {@code libc.a} the cross compiler
     * reports, which on Debian and Ubuntu is picolibc ({@code apt-get install picolibc-xtensa-lx106-elf}). The
     * plugin links a copy without the routines the chip's ROM provides (memcpy, strlen ...).
     */
    @Parameter(property = "esp.libc")
    protected File libc;

    /** The SPI flash mode written into the image header: {@code qio}, {@code qout}, {@code dio} or {@code dout}. */
    @Parameter(property = "esp.flashMode", defaultValue = "qio")
    protected String flashMode;

    /**
     * The flash size written into the image header: {@code 512K}, {@code 256K}, {@code 1M}, {@code 2M},
     * {@code 4M}, {@code 2M-c1}, {@code 4M-c1}, {@code 8M} or {@code 16M}. It should match
     * {@code esp.flashSizeMap} (4M is map 4, 4M-c1 map 6).
     */
    @Parameter(property = "esp.flashSize", defaultValue = "4M")
    protected String flashSize;

    /** The SPI flash clock written into the image header: {@code 40m}, {@code 26m}, {@code 20m} or {@code 80m}. */
    @Parameter(property = "esp.flashFreq", defaultValue = "40m")
    protected String flashFreq;

    @Override
    protected String goal() {
        return "firmware";
    }

    @Override
    protected void run() throws EspException, IOException, InterruptedException {
        FlashParams flash = FlashParams.of(flashMode, flashSize, flashFreq);
        CompileOptions options = CompileOptions.of(flashSizeMap, cflags, logLevel);
        WifiSecrets secrets = WifiSecrets.resolve(wifiSsid, wifiPassword, wifiApPassword, System.getenv(),
                secretsFile == null ? null : secretsFile.toPath());
        if (secrets.ssid() == null) {
            getLog().warn(Messages.noWifiNetwork(projectName));
        }
        Path secretsHeader = secrets.write(outputDir.toPath().resolve("secrets"), projectName);
        if (target() == Target.RTOS) {
            runRtos(options, secretsHeader);
            return;
        }
        Sdk sdk = sdkDir == null ? null : Sdk.open(sdkDir.toPath());
        if (sdk != null && flash.size().sizeMap() != flashSizeMap) {
            getLog().warn(Messages.flashSizeMapMismatch(flash.size().parameterValue(), flash.size().sizeMap(),
                    flashSizeMap));
        }
        Toolchain toolchain = sdk == null
                ? locate(ToolchainLocator.GCC, ToolchainLocator.SIZE)
                : locate(ToolchainLocator.GCC, ToolchainLocator.SIZE, ToolchainLocator.AR, ToolchainLocator.NM);
        SourceTree tree = SourceTree.scan(generatedDir.toPath());
        Path linkDir = outputDir.toPath().resolve("link");
        List<String> sdkFlags = sdk == null ? List.of() : sdk.compileFlags(SdkGlue.write(linkDir));
        List<Path> includeDirs = new ArrayList<>(tree.includeDirs());
        includeDirs.add(secretsHeader.getParent());
        CompileCommand command = new CompileCommand(toolchain.gcc(), options, tree.root(), includeDirs, sdkFlags);
        FirmwareCompiler.Result result = compileAll(command, tree, secretsHeader);
        int total = tree.sources().size();
        List<Path> objects = result.files().stream().map(FirmwareCompiler.FileResult::object)
                .collect(Collectors.toList());
        if (sdk == null) {
            getLog().info(result.upToDate() ? Messages.firmwareUpToDate(total)
                    : Messages.compiled(result.compiledCount(), total));
            report(toolchain, objects, null);
            getLog().info(Messages.noImage());
            return;
        }

        Path libcSource = PreparedLibc.find(toolchain.gcc(), libc == null ? null : libc.toPath());
        FirmwareLinker linker = new FirmwareLinker(toolchain.gcc(), toolchain.ar(), toolchain.nm(), sdk, linkDir,
                getLog()::debug);
        Path elf = elfFile();
        FirmwareLinker.Result link = linker.link(command, objects, libcSource, elf);
        if (link.failed()) {
            printToolOutput(link.link().output(), true);
            throw new EspException(Messages.linkFailed(ToolchainLocator.GCC));
        }
        FirmwareImage image;
        try {
            image = FirmwareImage.of(ElfFile.read(elf));
        } catch (ImageException e) {
            throw new EspException(Messages.imageFailed(elf, e.getMessage()));
        }
        List<ImageWriter.ImageFile> files = ImageWriter.write(image, flash, outputDir.toPath(), imageName);

        if (result.upToDate() && link.upToDate() && ImageWriter.upToDate(files)) {
            getLog().info(Messages.firmwareUpToDate(total, elf.getFileName().toString(), files.size()));
        } else {
            getLog().info(result.upToDate() ? Messages.objectsUpToDate(total)
                    : Messages.compiled(result.compiledCount(), total));
            if (!link.libc().upToDate()) {
                getLog().info(Messages.preparedLibc(libcSource, link.libc().removedMembers().size()));
                getLog().debug(Messages.PREFIX + "removed from libc.a: " + link.libc().removedMembers());
            }
            if (link.linked()) {
                printToolOutput(link.link().output(), false);
                getLog().info(Messages.linked(elf, sdk.root()));
            } else {
                getLog().info(Messages.elfUpToDate(elf));
            }
            if (ImageWriter.upToDate(files)) {
                getLog().info(Messages.imagesUpToDate(files.size()));
            } else {
                for (ImageWriter.ImageFile f : files) {
                    if (f.written()) {
                        getLog().info(Messages.imageWritten(f.file(), f.offset(), f.bytes(), describe(image, f)));
                    }
                }
            }
        }
        report(toolchain, objects, elf);
        getLog().info(Messages.flashWith(String.join(" ", ImageWriter.esptoolCommand(flash, files))));
        String firstFlash = firstFlashCommand(sdk, flash);
        if (firstFlash != null) {
            getLog().info(Messages.firstFlash(firstFlash));
        }
    }

    /**
     * The FreeRTOS target: the generated tree with that target's runtime files (RtosTree, an app's main component),
     * cross-compiled against espgen's declarations or the RTOS SDK's headers, then the size report of the objects
     * and the steps that build an image with Espressif's own tools.
     */
    private void runRtos(CompileOptions options, Path secretsHeader)
            throws EspException, IOException, InterruptedException {
        if (sdkDir != null) {
            getLog().warn(Messages.rtosIgnoresSdkDir());
        }
        List<String> sdkFlags = rtosSdkDir == null ? List.of()
                : RtosSdk.compileFlags(rtosSdkDir.toPath(), rtosConfigDir == null ? null : rtosConfigDir.toPath());
        getLog().info(Messages.rtosBuild(rtosSdkDir == null ? null : rtosSdkDir.toPath()));
        Toolchain toolchain = locate(ToolchainLocator.GCC, ToolchainLocator.SIZE);
        SourceTree tree = RtosTree.assemble(SourceTree.scan(generatedDir.toPath()),
                outputDir.toPath().resolve("rtos").resolve("main"), secretsHeader.getParent());
        List<Path> includeDirs = new ArrayList<>(RtosTree.includeDirs(tree));
        includeDirs.add(secretsHeader.getParent());
        CompileCommand command = new CompileCommand(toolchain.gcc(), options, tree.root(), includeDirs, sdkFlags, true);
        FirmwareCompiler.Result result = compileAll(command, tree, secretsHeader);
        int total = tree.sources().size();
        getLog().info(result.upToDate() ? Messages.firmwareUpToDate(total)
                : Messages.compiled(result.compiledCount(), total));
        report(toolchain, result.files().stream().map(FirmwareCompiler.FileResult::object)
                .collect(Collectors.toList()), null);
        for (String line : Messages.rtosImageSteps(tree.root())) {
            getLog().info(line);
        }
    }

    /** Compiles what changed, prints the compiler's lines, and fails the goal when a file did not compile. */
    private FirmwareCompiler.Result compileAll(CompileCommand command, SourceTree tree, Path secretsHeader)
            throws EspException, IOException, InterruptedException {
        FirmwareCompiler compiler = new FirmwareCompiler(command, Runtime.getRuntime().availableProcessors(),
                getLog()::debug);
        FirmwareCompiler.Result result = compiler.compile(tree, objectDir(), List.of(secretsHeader));
        for (Path removed : result.removedObjects()) {
            getLog().info(Messages.removedStaleObject(SourceTree.unixName(removed)));
        }
        for (FirmwareCompiler.FileResult file : result.files()) {
            printToolOutput(file.compiled() ? file.result().output() : "", file.failed());
        }
        List<FirmwareCompiler.FileResult> failures = result.failures();
        if (!failures.isEmpty()) {
            throw new EspException(Messages.compileFailed(failures.size(), tree.sources().size(), ToolchainLocator.GCC));
        }
        return result;
    }

    private static String describe(FirmwareImage image, ImageWriter.ImageFile f) {
        if (f.offset() == 0) {
            return image.segments().size() + " " + (image.segments().size() == 1 ? "segment" : "segments")
                    + String.format(Locale.ROOT, ", entry 0x%08x", image.entry());
        }
        return "irom0 " + String.join(" ", image.irom().sections());
    }

    /**
     * Where the SDK's data partitions go, from the end of the flash (the layout of the generated partition
     * table): RF calibration at size - 0x5000 (blank), PHY init data at size - 0x4000, system parameters blanked
     * at size - 0x2000. Null when the SDK has no {@code bin/} files to write.
     */
    static String firstFlashCommand(Sdk sdk, FlashParams flash) {
        if (!Files.isRegularFile(sdk.initData()) || !Files.isRegularFile(sdk.blank())) {
            return null;
        }
        long size = flash.size().bytes();
        List<String> cmd = new ArrayList<>(List.of("esptool.py", "--chip", "esp8266", "write_flash",
                "--flash_size", flash.size().esptoolName()));
        cmd.add(hex(size - 0x5000));
        cmd.add(sdk.blank().toString());
        cmd.add(hex(size - 0x4000));
        cmd.add(sdk.initData().toString());
        cmd.add(hex(size - 0x2000));
        cmd.add(sdk.blank().toString());
        return String.join(" ", cmd);
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "0x%x", v);
    }

    /** A tool's own lines, untouched (file:line:col), as errors when it failed, else as warnings. */
    private void printToolOutput(String output, boolean failed) {
        if (output == null || output.isBlank()) {
            return;
        }
        for (String line : output.split("\\R")) {
            if (failed) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
    }
}
