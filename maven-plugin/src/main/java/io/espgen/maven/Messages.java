package io.espgen.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Every message the plugin shows a user, in one place. Failure messages are single lines: Maven prints them
 * after "Failed to execute goal ...", without a stack trace.
 */
public final class Messages {
    public static final String PREFIX = "espgen: ";
    public static final String APT_INSTALL = "apt-get install gcc-xtensa-lx106 binutils-xtensa-lx106";

    private Messages() {
    }

    // toolchain

    public static String toolNotFound(String tool, String where) {
        return PREFIX + tool + " not found in " + where + "; install the cross toolchain (Debian/Ubuntu: "
                + APT_INSTALL + ") or set esp.toolchainDir (-Desp.toolchainDir=<dir>, or the environment variable "
                + "ESP_TOOLCHAIN_DIR) to its bin directory or its prefix";
    }

    public static String usingToolchain(Path gcc, String origin) {
        return PREFIX + "compiler " + gcc + " (from " + origin + ")";
    }

    // parameters

    public static String badFlashSizeMap(int value, int max) {
        return PREFIX + "esp.flashSizeMap=" + value + " is not a flash size map of the SDK; use 0 to " + max
                + " (4 = 4 MB with 512 KB + 512 KB, the default)";
    }

    public static String passwordWithoutSsid() {
        return PREFIX + "a Wi-Fi password is given (esp.wifi.password, ESP_WIFI_PASSWORD or wifi.password) but no "
                + "network name; give esp.wifi.ssid too, or neither";
    }

    public static String wifiValueLength(String parameter, int bytes, int min, int max) {
        return PREFIX + parameter + " is " + bytes + " bytes long in UTF-8; it must be " + min + " to " + max
                + (parameter.endsWith("apPassword") ? " (WPA2)" : " (struct station_config)");
    }

    public static String secretsUnreadable(String file, String why) {
        return PREFIX + "cannot read the secrets file " + file + ": " + why + " (a properties file: wifi.ssid=..., "
                + "wifi.password=...)";
    }

    public static String noWifiNetwork(String project) {
        return PREFIX + "no Wi-Fi network given (esp.wifi.ssid, ESP_WIFI_SSID or wifi.ssid in the secrets file): "
                + "a station firmware opens its access point \"" + project + "\" instead";
    }

    public static String badFlashParameter(String parameter, String value, List<String> allowed, String dflt) {
        return PREFIX + parameter + "=" + (value == null ? "" : value) + " is not allowed; use one of "
                + String.join(", ", allowed) + " (default " + dflt + ")";
    }

    public static String flashSizeMapMismatch(String flashSize, int sizeMapOfFlashSize, int flashSizeMap) {
        return PREFIX + "esp.flashSize=" + flashSize + " goes with esp.flashSizeMap=" + sizeMapOfFlashSize
                + ", but esp.flashSizeMap is " + flashSizeMap + "; the SDK may refuse the partition table at boot";
    }

    // the SDK

    public static String sdkDirMissing(Path dir) {
        return PREFIX + "esp.sdkDir=" + dir + " does not exist; point it at an unpacked ESP8266_NONOS_SDK 3.x, or "
                + "leave it unset for a checked build without a flash image";
    }

    public static String notAnSdk(Path dir, List<String> missing) {
        return PREFIX + "esp.sdkDir=" + dir + " is not an unpacked ESP8266_NONOS_SDK 3.x: it has no "
                + String.join(", ", missing);
    }

    public static String libcNotAFile(Path file) {
        return PREFIX + "esp.libc=" + file + " is not a file; point it at a libc.a for the xtensa-lx106, or leave "
                + "it unset to use Debian's picolibc";
    }

    public static String libcNotFound(String debianPackage) {
        return PREFIX + "no libc.a for the xtensa-lx106 (the SDK ships none); install picolibc (Debian/Ubuntu: "
                + "apt-get install " + debianPackage + ") or set esp.libc (-Desp.libc=<file>) to a libc.a";
    }

    public static String noImage() {
        return PREFIX + "no flash image made: set esp.sdkDir (-Desp.sdkDir=<dir>) to an unpacked "
                + "ESP8266_NONOS_SDK 3.x to link the firmware and write its images";
    }

    // sources

    public static String noGeneratedTree(Path root) {
        return PREFIX + "no generated C in " + root + "; the espgen annotation processor writes it while the "
                + "project compiles: put espgen-generator on the processor path (maven-compiler-plugin "
                + "<annotationProcessorPaths>) and annotate a class with @TcpServer, or set esp.generatedDir";
    }

    public static String noGeneratedSources(Path root) {
        return PREFIX + "no .c file below " + root + "; is a class annotated with @TcpServer?";
    }

    // compiling

    public static String compiled(long count, int total) {
        return PREFIX + "compiled " + count + " of " + total + " C " + plural(total, "file", "files");
    }

    public static String compileFailed(int failed, int total, String compiler) {
        return PREFIX + failed + " of " + total + " C " + plural(total, "file", "files") + " failed to compile with "
                + compiler + "; the compiler's messages are above";
    }

    public static String firmwareUpToDate(int total) {
        return PREFIX + "firmware up to date (" + total + " C " + plural(total, "file", "files") + ")";
    }

    public static String firmwareUpToDate(int total, String elf, int images) {
        return PREFIX + "firmware up to date (" + total + " C " + plural(total, "file", "files") + ", " + elf
                + ", " + images + " image " + plural(images, "file", "files") + ")";
    }

    public static String objectsUpToDate(int total) {
        return PREFIX + "objects up to date (" + total + " C " + plural(total, "file", "files") + ")";
    }

    // linking

    public static String preparedLibc(Path source, int removed) {
        return PREFIX + "libc: a copy of " + source + " without the " + removed + " "
                + plural(removed, "routine", "routines") + " the ROM provides";
    }

    public static String linked(Path elf, Path sdk) {
        return PREFIX + "linked " + elf + " with the SDK in " + sdk;
    }

    public static String elfUpToDate(Path elf) {
        return PREFIX + elf.getFileName() + " up to date";
    }

    public static String linkFailed(String linker) {
        return PREFIX + "the firmware did not link with " + linker + "; the linker's messages are above";
    }

    public static String imageFailed(Path elf, String reason) {
        return PREFIX + "no flash image can be made of " + elf + ": " + reason;
    }

    public static String imageWritten(Path file, long offset, int bytes, String what) {
        return PREFIX + "wrote " + file.getFileName() + " (" + bytes + " bytes, " + what + ", flash at "
                + String.format(Locale.ROOT, "0x%05x", offset) + ")";
    }

    public static String imagesUpToDate(int files) {
        return PREFIX + files + " image " + plural(files, "file", "files") + " up to date";
    }

    public static String flashWith(String command) {
        return PREFIX + "flash with: " + command;
    }

    public static String firstFlash(String command) {
        return PREFIX + "a new or erased chip also needs the SDK's RF init data and blank parameter sectors: "
                + command;
    }

    public static String removedStaleObject(String name) {
        return PREFIX + "removed " + name + " (its source is gone)";
    }

    // size

    public static String sizeReportTitle(int objects) {
        return "espgen firmware size: the generated code's " + objects + " " + plural(objects, "object", "objects")
                + ", before linking with the SDK";
    }

    public static String iramNote(long total, long sdk, long application) {
        return "(of the " + total + " bytes of IRAM the SDK itself needs about " + sdk + "; the bar measures the "
                + application + " left to the application)";
    }

    public static String overLimitMark(long by) {
        return "OVER LIMIT by " + by + " bytes";
    }

    public static String iramOverLimit(long used, long application, long total, long sdk) {
        return PREFIX + "the generated code needs " + used + " bytes of IRAM, " + (used - application)
                + " more than the " + application + " the SDK leaves of the " + total + " (it needs about " + sdk
                + " itself); only interrupt handlers and what they call belong in IRAM, everything else needs "
                + "ICACHE_FLASH_ATTR";
    }

    public static String flashOverLimit(long used, long limit) {
        return PREFIX + "the generated code needs " + used + " bytes of flash, " + (used - limit)
                + " more than the irom0 region of eagle.app.v6.ld (" + limit + " bytes)";
    }

    /** The size report's first line on esp.target=rtos. */
    public static String rtosSizeReportTitle(int objects) {
        return "espgen firmware size: the generated code's " + objects + " " + plural(objects, "object", "objects")
                + ", before linking with ESP8266_RTOS_SDK (esp.target=rtos)";
    }

    /** What a region's bar measures on ESP8266_RTOS_SDK 3.x (components/esp8266/ld: esp8266.ld's MEMORY). */
    public static String rtosRegionNote(io.espgen.maven.size.Region region) {
        return switch (region) {
            case IRAM -> "(iram0_0_seg: CONFIG_SOC_IRAM_SIZE, 0xC000 by default, 0x8000 with CONFIG_SOC_FULL_ICACHE, "
                    + "shared with the SDK's own IRAM code; only IRAM_ATTR functions (.iram1) go there: espgen's "
                    + "are the pins' interrupt handlers and system_os_post, which they call)";
            case DRAM -> "(dram0_0_seg: .data and .bss, then the heap, which holds the FreeRTOS tasks' stacks and "
                    + "lwIP's buffers)";
            case FLASH -> "(iram0_2_seg: code and constants, .text.* and .rodata*, go to flash by default; the app "
                    + "partition less the image header, 0xF0000 in the default partitions_singleapp.csv)";
        };
    }

    /** The report's last note on esp.target=rtos. */
    public static String rtosLimitsAtLink() {
        return "the bars are the regions of the SDK's linker script (v3.4, default sdkconfig); what the SDK itself "
                + "takes of them is only known when its build links the image";
    }

    public static String rtosIramOverLimit(long used, long total) {
        return PREFIX + "the generated code needs " + used + " bytes of IRAM, " + (used - total) + " more than the "
                + total + " of ESP8266_RTOS_SDK's iram0_0_seg (CONFIG_SOC_IRAM_SIZE), which the SDK's own IRAM code "
                + "shares too: only interrupt handlers and what they call need IRAM_ATTR, everything else stays in "
                + "flash";
    }

    public static String rtosFlashOverLimit(long used, long limit) {
        return PREFIX + "the generated code needs " + used + " bytes of flash, " + (used - limit) + " more than the "
                + limit + " of ESP8266_RTOS_SDK's app partition in its default partitions_singleapp.csv (less the "
                + "image header): give the app a bigger partition (CONFIG_PARTITION_TABLE_CUSTOM)";
    }

    /** @param java the Java field behind symbol and what it costs, or "" */
    public static String dramOverLimit(boolean rtos, long used, long limit, String file, long fileBytes,
            String symbol, long symbolBytes, String java) {
        return PREFIX + "the generated code needs " + used + " bytes of DRAM, " + (used - limit) + " more than the "
                + (rtos ? "" + limit + " of ESP8266_RTOS_SDK's dram0_0_seg" : "chip's " + limit)
                + " (which the SDK and the heap share, so the link would fail); the most is "
                + file + "'s " + fileBytes + (symbol.isEmpty() ? "" : ", of which " + symbol + " takes " + symbolBytes)
                + (java.isEmpty() ? "" : " (" + java + ")")
                + ": lower maxConnections or the state's array sizes, or keep constant tables in flash";
    }

    public static String linkedSizeTitle(String elf) {
        return "espgen linked firmware size: " + elf + ", the generated code with the SDK's libraries";
    }

    public static String linkedDramNote(long data, long rodata, long bss, long left) {
        return "(.data " + data + " + .rodata " + rodata + " + .bss " + bss + "; " + left
                + " bytes are left for the heap)";
    }

    public static String linkedOverLimit(String elf, String region, long used, long limit) {
        return PREFIX + elf + " needs " + used + " bytes of " + region + ", " + (used - limit) + " more than the "
                + limit + " the chip has";
    }

    public static String noObjects(Path objDir) {
        return PREFIX + "no objects in " + objDir + "; run mvn esp:firmware first";
    }

    public static String sizeReportWritten(Path file) {
        return PREFIX + "size report written to " + file;
    }

    // skipping

    public static String skipped(String goal) {
        return PREFIX + "esp:" + goal + " skipped (esp.skip)";
    }

    // esp:run

    public static String buildingRtosHost(boolean sanitize) {
        return PREFIX + "building the FreeRTOS target for the host (Linux sockets, the firmware's task as a thread)"
                + (sanitize ? " with AddressSanitizer and UBSan" : "");
    }

    public static String rtosRunNeedsEmulation() {
        return PREFIX + "esp.target=rtos runs on the host's sockets: esp.stack=sdk (the NONOS SDK's espconn) does not"
                + " apply; leave esp.stack unset";
    }

    public static String buildingHost(boolean sanitize) {
        return PREFIX + "building the host emulation" + (sanitize ? " with AddressSanitizer and UBSan" : "");
    }

    public static String servingStack(String stack, Path sdkDir) {
        return PREFIX + (sdkDir == null ? "stack: the host emulation (esp.stack=emulation)"
                : "stack: Espressif's espconn and lwIP from " + sdkDir + ", compiled for the host with gcc -m32,"
                        + " reached through slirp (esp.stack=" + stack + ")");
    }

    public static String badTarget(String value) {
        return PREFIX + "esp.target=" + value + " is not a target; write nonos (ESP8266_NONOS_SDK 3.x) or rtos"
                + " (ESP8266_RTOS_SDK 3.x)";
    }

    public static String rtosBuild(Path rtosSdkDir) {
        return PREFIX + "target: ESP8266_RTOS_SDK 3.x (esp.target=rtos), "
                + (rtosSdkDir == null ? "against espgen's own declarations of its API"
                        : "against the SDK's headers in " + rtosSdkDir);
    }

    public static String rtosIgnoresSdkDir() {
        return PREFIX + "esp.sdkDir names a NONOS SDK, which esp.target=rtos does not use (esp.rtosSdkDir is the"
                + " RTOS SDK's)";
    }

    public static String notAnRtosSdk(Path dir) {
        return PREFIX + "esp.rtosSdkDir=" + dir + " is not an unpacked ESP8266_RTOS_SDK 3.x (no components/freertos,"
                + " components/esp8266/include or components/lwip there)";
    }

    public static String rtosNoSdkconfig(Path dir) {
        return PREFIX + "esp.rtosSdkDir: no sdkconfig.h in " + dir + "; run the SDK's build of an app once (make"
                + " menuconfig, or idf.py build) and set esp.rtosConfigDir to its build/include";
    }

    /**
     * Why esp:firmware stops at objects for this target, and the steps that make an image with Espressif's own
     * build; tree is the assembled tree, an app's main component (component.mk and CMakeLists.txt in it).
     */
    public static List<String> rtosImageSteps(Path tree) {
        return List.of(
                PREFIX + "no flash image made: an ESP8266_RTOS_SDK 3.x image needs Espressif's own toolchain"
                        + " (xtensa-lx106-elf gcc 8.4 with newlib) and build system; Debian's cross gcc checks the C only",
                PREFIX + "to build and flash it, with the SDK at $IDF_PATH and its toolchain on the PATH:",
                "    cp -r $IDF_PATH/examples/get-started/hello_world my-firmware && rm -r my-firmware/main",
                "    cp -r " + tree + " my-firmware/main",
                "    cd my-firmware && make menuconfig && make flash monitor    # or: idf.py build flash monitor",
                PREFIX + "in menuconfig raise Component config > LWIP > Max number of open sockets"
                        + " (CONFIG_LWIP_MAX_SOCKETS, 10 by default) to at least the servers plus their connections");
    }

    public static String badStack(String value) {
        return PREFIX + "esp.stack=" + value + " is not a stack; write emulation or sdk";
    }

    public static String sdkStackNeedsSdk() {
        return PREFIX + "esp.stack=sdk builds Espressif's espconn and lwIP from your SDK: set esp.sdkDir to an unpacked"
                + " ESP8266_NONOS_SDK 3.x";
    }

    public static String sdkStackWithoutSanitizers() {
        return PREFIX + "esp.sanitize works with esp.stack=emulation only: the SDK stack runs Espressif's own C,"
                + " unsanitized";
    }

    public static String sdkStackBuildFailed() {
        return PREFIX + "the SDK stack did not build (gcc -m32 with the SDK's espconn and lwIP); its messages are"
                + " above";
    }

    public static String badPortMapping(String value) {
        return PREFIX + "esp.port=" + value + " is not a port mapping; write FIRMWARE=HOST, for example 7777=8080 "
                + "(HOST 0 = any free port), several separated by commas";
    }

    public static String serving(String host, int hostPort, int firmwarePort) {
        return PREFIX + "serving firmware port " + firmwarePort + " on " + host + ":" + hostPort
                + (hostPort == firmwarePort ? "" : " (mapped)");
    }

    public static String stopHint() {
        return PREFIX + "press Ctrl-C to stop";
    }

    public static String hostExited(int code) {
        return PREFIX + "the host emulation exited with status " + code;
    }

    public static String hostFailed(int code) {
        return PREFIX + "the host emulation exited with status " + code + "; its messages are above";
    }

    public static String hostStopped() {
        return PREFIX + "host emulation stopped";
    }

    /** what: HostFirmware.CompilerMissing's line, which names the package to install. */
    public static String hostCompilerMissing(String what) {
        return PREFIX + what;
    }

    public static String hostBuildFailed() {
        return PREFIX + "the host emulation did not build with the host's gcc; its messages are above";
    }

    public static String hostPortInUse(int hostPort, int firmwarePort) {
        int other = hostPort == 8080 ? 8081 : 8080;
        return PREFIX + "127.0.0.1:" + hostPort + " (firmware port " + firmwarePort + ") is in use by another program; "
                + "stop it, or serve the firmware's port elsewhere: -Desp.port=" + firmwarePort + "=" + other
                + " (or -Desp.anyPort for free ports)";
    }

    public static String hostPortNeedsPrivilege(int hostPort, int firmwarePort) {
        int other = hostPort == 8080 ? 8081 : 8080;
        return PREFIX + "cannot listen on 127.0.0.1:" + hostPort + " (firmware port " + firmwarePort + "): ports below"
                + " 1024 need privileges; serve it on another port: -Desp.port=" + firmwarePort + "=" + other
                + " (or -Desp.anyPort for free ports)";
    }

    public static String hostCannotListen(int hostPort, int firmwarePort, String why) {
        return PREFIX + "cannot listen on 127.0.0.1:" + hostPort + " for firmware port " + firmwarePort + " (" + why
                + "); serve it elsewhere: -Desp.port=" + firmwarePort + "=8080 (or -Desp.anyPort for free ports)";
    }

    public static String hostExitedEarly(int code) {
        return PREFIX + "the firmware exited (exit " + code + ") on the host before it was ready; its messages are "
                + "above";
    }

    public static String hostNotReady(int seconds) {
        return PREFIX + "the firmware was not ready on the host after " + seconds + " s; its messages are above "
                + "(a slow machine? raise esp.startTimeout)";
    }

    public static String hostStartFailed() {
        return PREFIX + "the host emulation did not start; its messages are above (a port in use? serve it"
                + " elsewhere with -Desp.port=FIRMWARE=HOST or -Desp.anyPort)";
    }

    // flashing and the monitor

    public static String noFlashImage(Path dir, String name) {
        return PREFIX + "no flash image " + name + "-0x00000.bin in " + dir + "; build it first with an SDK: "
                + "mvn esp:firmware esp:flash -Desp.sdkDir=<dir>";
    }

    public static String imageNotAtSector(Path file, long offset) {
        return PREFIX + file + ": offset " + String.format(Locale.ROOT, "0x%x", offset)
                + " is not at a 4 KiB flash sector; rename it or remove it";
    }

    public static String portDetected(String port) {
        return PREFIX + "serial port " + port + " (the only one connected; set esp.serialPort to choose)";
    }

    public static String flashed(int images, long bytes, String port, int baud, long millis) {
        return String.format(Locale.ROOT, "%swrote %d %s (%d bytes) through %s at %d baud in %.1f s; the ROM "
                + "read back and checked each block (it has no MD5 command to check whole images)", PREFIX, images,
                plural(images, "image", "images"), bytes, port, baud, millis / 1000.0);
    }

    public static String flashedImage(String name, long offset, String md5) {
        return String.format(Locale.ROOT, "%s  0x%05x %s md5 %s", PREFIX, offset, name, md5);
    }

    public static String monitoring(String port, int bootBaud, int appBaud) {
        return PREFIX + "monitoring " + port + " (" + (bootBaud == appBaud ? bootBaud + " baud"
                : bootBaud + " baud through the boot, then " + appBaud) + "); Ctrl-C stops";
    }

    public static String noElfToDecode(Path elf) {
        return PREFIX + "no " + elf + ": exception dumps are shown with their cause but not decoded into functions "
                + "and lines; build the firmware with esp:firmware -Desp.sdkDir=<dir>";
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
