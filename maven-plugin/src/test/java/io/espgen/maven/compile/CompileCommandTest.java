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
        CompileCommand c = command(CompileOptions.of(2, "-DEXTRA=1 -Wno-error=unused"));
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
    void defaultFlashSizeMapIsFourAndNoSecretIsAFlag() throws Exception {
        assertThat(command(CompileOptions.of(4, null)).flags()).contains("-DSPI_FLASH_SIZE_MAP=4")
                .noneMatch(f -> f.startsWith("-DESPGEN_WIFI"));
    }

    @Test
    void fingerprintFollowsTheOptions() throws Exception {
        String base = command(CompileOptions.of(4, null)).fingerprint();
        assertThat(command(CompileOptions.of(4, null)).fingerprint()).isEqualTo(base);
        assertThat(command(CompileOptions.of(6, null)).fingerprint()).isNotEqualTo(base);
        assertThat(command(CompileOptions.of(4, "-DX")).fingerprint()).isNotEqualTo(base).hasSize(64);
    }

    /** The secrets header's values reach the C code byte for byte: compiled, then read back out of the object. */
    @Test
    void crossCompiledSecretsHoldTheExactBytes() throws Exception {
        Toolchain toolchain = StandInTree.crossToolchain();
        Path tree = StandInTree.write(tmp.resolve("espgen"));
        StandInTree.write(tree.resolve("wifi.c"), """
                #include "espgen_sdk.h"
                #include "espgen_secrets.h"
                const char wifi_ssid[] = ESPGEN_WIFI_SSID;
                const char wifi_password[] = ESPGEN_WIFI_PASSWORD;
                const char wifi_project[] = ESPGEN_PROJECT_NAME;
                """);
        String ssid = "Caf\u00e9 \"Net\" ??= \\ 1";
        String password = "tab\there\nnewline $HOME `x` 'q'";
        Path secrets = new WifiSecrets(ssid, password, null).write(tmp.resolve("secrets"), "my-project");
        CompileCommand c = new CompileCommand(toolchain.gcc(), CompileOptions.of(4, null), tree,
                List.of(tree.resolve("include"), tree, secrets.getParent()));
        assertThat(String.join(" ", c.flags())).doesNotContain("Net").doesNotContain("newline");
        Path object = tmp.resolve("wifi.o");
        Exec.Result r = Exec.run(c.forSource(tree.resolve("wifi.c"), object), tree);
        assertThat(r.output()).isEmpty();
        assertThat(r.exitCode()).isZero();

        assertThat(section(toolchain, object, ".rodata.wifi_ssid")).isEqualTo(cString(ssid));
        assertThat(section(toolchain, object, ".rodata.wifi_password")).isEqualTo(cString(password));
        assertThat(section(toolchain, object, ".rodata.wifi_project")).isEqualTo(cString("my-project"));
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
                CompileOptions.of(4, "-DEXTRA=1"), tree, List.of(tree.resolve("include"), tree), sdk);
        List<String> flags = c.flags();
        int afterTree = flags.indexOf(tree.toString()) + 1;
        assertThat(flags.subList(afterTree, afterTree + sdk.size())).isEqualTo(sdk);
        assertThat(flags.subList(afterTree + sdk.size(), flags.size()))
                .containsExactly("-DEXTRA=1");
        CompileCommand without = command(CompileOptions.of(4, "-DEXTRA=1"));
        assertThat(c.fingerprint()).isNotEqualTo(without.fingerprint());
    }
}
