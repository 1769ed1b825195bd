package io.espgen.maven;

import java.nio.file.Path;

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
        return PREFIX + "esp.wifi.password is set but esp.wifi.ssid is not; set both, or neither";
    }

    public static String wifiValueTooLong(String parameter, int bytes, int max) {
        return PREFIX + parameter + " is " + bytes + " bytes long in UTF-8; struct station_config holds at most "
                + max;
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

    public static String buildingHost(boolean sanitize) {
        return PREFIX + "building the host emulation" + (sanitize ? " with AddressSanitizer and UBSan" : "");
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

    public static String hostBuildFailed() {
        return PREFIX + "the host emulation did not build with the host's gcc; its messages are above";
    }

    public static String hostStartFailed() {
        return PREFIX + "the host emulation did not start; its messages are above (a port in use? serve it"
                + " elsewhere with -Desp.port=FIRMWARE=HOST or -Desp.anyPort)";
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
