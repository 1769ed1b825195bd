package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.Exec;
import io.espgen.maven.StandInTree;
import io.espgen.maven.toolchain.Toolchain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
    @TempDir
    Path tmp;

    private CompileCommand command(CompileOptions options) {
        Path tree = tmp.resolve("espgen");
        return new CompileCommand(Path.of("/opt/x/bin/xtensa-lx106-elf-gcc"), options, tree,
                List.of(tree.resolve("include"), tree));
    }

    @Test
    void fullCommandLine() throws Exception {
        Path tree = tmp.resolve("espgen");
        CompileCommand c = command(CompileOptions.of(2, "-DEXTRA=1 -Wno-error=unused", null, null));
        assertThat(c.forSource(tree.resolve("echo/echo.c"), tmp.resolve("obj/echo/echo.o"))).containsExactly(
                "/opt/x/bin/xtensa-lx106-elf-gcc",
                "-std=gnu11", "-Os", "-g0", "-mlongcalls", "-mtext-section-literals", "-ffunction-sections",
                "-fdata-sections", "-fno-builtin-printf", "-fno-jump-tables", "-fno-inline-functions", "-nostdlib",
                "-fwrapv", "-DICACHE_FLASH", "-DSPI_FLASH_SIZE_MAP=2", "-Wall", "-Wextra", "-Werror",
                "-fmacro-prefix-map=" + tree + "/=",
                "-I", tree.resolve("include").toString(), "-I", tree.toString(),
                "-DEXTRA=1", "-Wno-error=unused",
                "-c", tree.resolve("echo/echo.c").toString(), "-o", tmp.resolve("obj/echo/echo.o").toString());
    }

    @Test
    void defaultFlashSizeMapIsFour() throws Exception {
        assertThat(command(CompileOptions.of(4, null, null, null)).flags()).contains("-DSPI_FLASH_SIZE_MAP=4")
                .noneMatch(f -> f.startsWith("-DESPGEN_WIFI"));
    }

    @Test
    void wifiValuesAreCStringLiteralsBeforeUserFlags() throws Exception {
        List<String> flags = command(CompileOptions.of(4, "-DLAST", "my \"net\"", "p\\w?")).flags();
        assertThat(flags).containsSubsequence(
                "-DESPGEN_WIFI_SSID=\"my \\\"net\\\"\"", "-DESPGEN_WIFI_PASSWORD=\"p\\\\w\\?\"", "-DLAST");
    }

    @Test
    void theLogNeverSeesTheWifiValues() throws Exception {
        CompileCommand c = command(CompileOptions.of(4, null, "my-net", "hunter2"));
        String shown = CompileCommand.redacted(c.forSource(tmp.resolve("a.c"), tmp.resolve("a.o")));
        assertThat(shown).doesNotContain("my-net").doesNotContain("hunter2")
                .contains("-DESPGEN_WIFI_SSID=<hidden>").contains("-DESPGEN_WIFI_PASSWORD=<hidden>")
                .contains("-DSPI_FLASH_SIZE_MAP=4");
    }

    @Test
    void fingerprintFollowsTheOptions() throws Exception {
        String base = command(CompileOptions.of(4, null, null, null)).fingerprint();
        assertThat(command(CompileOptions.of(4, null, null, null)).fingerprint()).isEqualTo(base);
        assertThat(command(CompileOptions.of(6, null, null, null)).fingerprint()).isNotEqualTo(base);
        assertThat(command(CompileOptions.of(4, "-DX", null, null)).fingerprint()).isNotEqualTo(base);
        assertThat(command(CompileOptions.of(4, null, "a", "b")).fingerprint())
                .isNotEqualTo(command(CompileOptions.of(4, null, "a", "c")).fingerprint())
                .hasSize(64);
    }

    /** The quoted values reach the C code byte for byte: compiled, then read back out of the object. */
    @Test
    void crossCompiledWifiMacrosHoldTheExactBytes() throws Exception {
        Toolchain toolchain = StandInTree.crossToolchain();
        Path tree = StandInTree.write(tmp.resolve("espgen"));
        StandInTree.write(tree.resolve("wifi.c"), """
                #include "espgen_sdk.h"
                const char wifi_ssid[] = ESPGEN_WIFI_SSID;
                const char wifi_password[] = ESPGEN_WIFI_PASSWORD;
                """);
        String ssid = "Caf\u00e9 \"Net\" ??= \\ 1";
        String password = "tab\there\nnewline $HOME `x` 'q'";
        CompileCommand c = new CompileCommand(toolchain.gcc(), CompileOptions.of(4, null, ssid, password), tree,
                List.of(tree.resolve("include"), tree));
        Path object = tmp.resolve("wifi.o");
        Exec.Result r = Exec.run(c.forSource(tree.resolve("wifi.c"), object), tree);
        assertThat(r.output()).isEmpty();
        assertThat(r.exitCode()).isZero();

        assertThat(section(toolchain, object, ".rodata.wifi_ssid")).isEqualTo(cString(ssid));
        assertThat(section(toolchain, object, ".rodata.wifi_password")).isEqualTo(cString(password));
    }

    private byte[] section(Toolchain toolchain, Path object, String name) throws Exception {
        Path objcopy = toolchain.gcc().resolveSibling(
                toolchain.gcc().getFileName().toString().replace("-gcc", "-objcopy"));
        Path out = tmp.resolve(name + ".bin");
        List<String> cmd = new ArrayList<>(List.of(objcopy.toString(), "-O", "binary", "--only-section=" + name,
                "--set-section-flags", name + "=alloc,load,contents", object.toString(), out.toString()));
        Exec.Result r = Exec.run(cmd, null);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return Files.readAllBytes(out);
    }

    private static byte[] cString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, withNul, 0, utf8.length);
        return withNul;
    }

    @Test
    void aRealSdkAddsItsMacroAndHeadersAfterTheTreesOwn() throws Exception {
        Path tree = tmp.resolve("espgen");
        List<String> sdk = List.of("-DESPGEN_REAL_SDK", "-I", "/sdk/include", "-I", "/sdk/driver_lib/include", "-I",
                "/p/target/espgen/link/include");
        CompileCommand c = new CompileCommand(Path.of("/opt/x/bin/xtensa-lx106-elf-gcc"),
                CompileOptions.of(4, "-DEXTRA=1", "net", null), tree, List.of(tree.resolve("include"), tree), sdk);
        List<String> flags = c.flags();
        int afterTree = flags.indexOf(tree.toString()) + 1;
        assertThat(flags.subList(afterTree, afterTree + sdk.size())).isEqualTo(sdk);
        assertThat(flags.subList(afterTree + sdk.size(), flags.size()))
                .containsExactly("-DESPGEN_WIFI_SSID=\"net\"", "-DEXTRA=1");
        CompileCommand without = command(CompileOptions.of(4, "-DEXTRA=1", "net", null));
        assertThat(c.fingerprint()).isNotEqualTo(without.fingerprint());
    }
}
