package io.espgen.maven.toolchain;

import static io.espgen.maven.toolchain.ToolchainLocator.GCC;
import static io.espgen.maven.toolchain.ToolchainLocator.SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainLocatorTest {
    @TempDir
    Path tmp;

    private Path fakeTool(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Path fakeToolchain(Path binDir) throws IOException {
        fakeTool(binDir, GCC);
        fakeTool(binDir, SIZE);
        return binDir;
    }

    private static ToolchainLocator locator(Map<String, String> env) {
        return new ToolchainLocator(env, false);
    }

    @Test
    void configuredBinDirectory() throws Exception {
        Path bin = fakeToolchain(tmp.resolve("xtensa/bin"));
        Toolchain t = locator(Map.of()).locate(bin, GCC, SIZE);
        assertThat(t.gcc()).isEqualTo(bin.resolve(GCC));
        assertThat(t.size()).isEqualTo(bin.resolve(SIZE));
        assertThat(t.origin()).isEqualTo("esp.toolchainDir=" + bin);
    }

    @Test
    void configuredPrefixWithBin() throws Exception {
        Path prefix = tmp.resolve("xtensa");
        fakeToolchain(prefix.resolve("bin"));
        Toolchain t = locator(Map.of()).locate(prefix, GCC, SIZE);
        assertThat(t.gcc()).isEqualTo(prefix.resolve("bin").resolve(GCC));
    }

    @Test
    void configuredDirectoryWinsOverEnvironmentAndPath() throws Exception {
        Path configured = fakeToolchain(tmp.resolve("configured"));
        Path fromEnv = fakeToolchain(tmp.resolve("env"));
        Path onPath = fakeToolchain(tmp.resolve("path"));
        Toolchain t = locator(Map.of("ESP_TOOLCHAIN_DIR", fromEnv.toString(), "PATH", onPath.toString()))
                .locate(configured, GCC);
        assertThat(t.gcc()).isEqualTo(configured.resolve(GCC));
    }

    @Test
    void configuredDirectoryWithoutCompilerFailsInsteadOfFallingBack() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path onPath = fakeToolchain(tmp.resolve("path"));
        assertThatThrownBy(() -> locator(Map.of("PATH", onPath.toString())).locate(empty, GCC))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: xtensa-lx106-elf-gcc not found in esp.toolchainDir=" + empty
                        + " (looked in " + empty + " and " + empty.resolve("bin") + "); install the cross toolchain"
                        + " (Debian/Ubuntu: apt-get install gcc-xtensa-lx106 binutils-xtensa-lx106) or set"
                        + " esp.toolchainDir (-Desp.toolchainDir=<dir>, or the environment variable"
                        + " ESP_TOOLCHAIN_DIR) to its bin directory or its prefix");
    }

    @Test
    void environmentVariable() throws Exception {
        Path prefix = tmp.resolve("opt/esp");
        fakeToolchain(prefix.resolve("bin"));
        Path onPath = fakeToolchain(tmp.resolve("path"));
        Toolchain t = locator(Map.of("ESP_TOOLCHAIN_DIR", prefix + "  ", "PATH", onPath.toString()))
                .locate(null, GCC, SIZE);
        assertThat(t.gcc()).isEqualTo(prefix.resolve("bin").resolve(GCC));
        assertThat(t.origin()).isEqualTo("ESP_TOOLCHAIN_DIR=" + prefix);
    }

    @Test
    void environmentVariableWithoutCompiler() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> locator(Map.of("ESP_TOOLCHAIN_DIR", empty.toString())).locate(null, GCC))
                .hasMessageStartingWith("espgen: xtensa-lx106-elf-gcc not found in ESP_TOOLCHAIN_DIR=" + empty);
    }

    @Test
    void blankEnvironmentVariableIsIgnored() throws Exception {
        Path onPath = fakeToolchain(tmp.resolve("path"));
        Toolchain t = locator(Map.of("ESP_TOOLCHAIN_DIR", " ", "PATH", onPath.toString())).locate(null, GCC);
        assertThat(t.origin()).isEqualTo("PATH");
    }

    @Test
    void pathFirstExecutableEntryWins() throws Exception {
        Path notExecutable = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(notExecutable.resolve(GCC), "not a program");
        Path directory = tmp.resolve("b");
        Files.createDirectories(directory.resolve(GCC)); // a directory by that name is no compiler
        Path first = fakeToolchain(tmp.resolve("c"));
        Path second = fakeToolchain(tmp.resolve("d"));
        String path = String.join(":", notExecutable.toString(), "", directory.toString(), first.toString(),
                second.toString());
        Toolchain t = locator(Map.of("PATH", path)).locate(null, GCC, SIZE);
        assertThat(t.gcc()).isEqualTo(first.resolve(GCC));
        assertThat(t.size()).isEqualTo(first.resolve(SIZE));
        assertThat(t.origin()).isEqualTo("PATH");
    }

    @Test
    void eachToolIsLookedUpOnThePathOnItsOwn() throws Exception {
        Path gccDir = tmp.resolve("gcc");
        fakeTool(gccDir, GCC);
        Path binutilsDir = tmp.resolve("binutils");
        fakeTool(binutilsDir, SIZE);
        Toolchain t = locator(Map.of("PATH", gccDir + ":" + binutilsDir)).locate(null, GCC, SIZE);
        assertThat(t.size()).isEqualTo(binutilsDir.resolve(SIZE));
    }

    @Test
    void missingEverywhereIsOneLineNamingToolPackagesAndParameter() {
        assertThatThrownBy(() -> locator(Map.of("PATH", tmp.toString())).locate(null, GCC, SIZE))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: xtensa-lx106-elf-gcc not found in the PATH (ESP_TOOLCHAIN_DIR is not set);"
                        + " install the cross toolchain (Debian/Ubuntu: apt-get install gcc-xtensa-lx106"
                        + " binutils-xtensa-lx106) or set esp.toolchainDir (-Desp.toolchainDir=<dir>, or the"
                        + " environment variable ESP_TOOLCHAIN_DIR) to its bin directory or its prefix")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void noPathVariableAtAll() {
        assertThatThrownBy(() -> locator(Map.of()).locate(null, GCC))
                .hasMessageContaining("xtensa-lx106-elf-gcc not found in the PATH");
    }

    @Test
    void sizeToolMissingNextToCompiler() throws Exception {
        Path bin = tmp.resolve("bin");
        fakeTool(bin, GCC);
        assertThatThrownBy(() -> locator(Map.of()).locate(bin, GCC, SIZE))
                .hasMessageStartingWith("espgen: xtensa-lx106-elf-size not found in esp.toolchainDir=" + bin)
                .hasMessageContaining("binutils-xtensa-lx106");
    }

    @Test
    void windowsExecutablesAndPathSeparator() throws Exception {
        Path bin = tmp.resolve("bin");
        fakeTool(bin, GCC + ".exe");
        Toolchain t = new ToolchainLocator(Map.of("Path", tmp.resolve("nothing") + ";" + bin), true)
                .locate(null, GCC);
        assertThat(t.gcc()).isEqualTo(bin.resolve(GCC + ".exe"));
    }
}
