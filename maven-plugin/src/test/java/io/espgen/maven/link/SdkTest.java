package io.espgen.maven.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkTest {
    @TempDir
    Path tmp;

    /** An SDK-shaped directory of empty files. */
    private Path layout(Path root) throws Exception {
        Files.createDirectories(root.resolve("include"));
        Files.createDirectories(root.resolve("driver_lib/include"));
        Files.createDirectories(root.resolve("lib"));
        Files.createDirectories(root.resolve("ld"));
        Files.writeString(root.resolve("ld/eagle.app.v6.ld"), "/* */");
        Files.writeString(root.resolve("ld/eagle.rom.addr.v6.ld"), "/* */");
        for (String lib : Sdk.SDK_LIBRARIES) {
            Files.writeString(root.resolve("lib/lib" + lib + ".a"), "!<arch>\n");
        }
        return root;
    }

    @Test
    void aCompleteLayoutOpens() throws Exception {
        Path root = layout(tmp.resolve("sdk"));
        Files.writeString(root.resolve("lib/libgcc.a"), "!<arch>\n");
        Sdk sdk = Sdk.open(root);
        assertThat(sdk.root()).isEqualTo(root);
        assertThat(sdk.linkerScript()).isEqualTo(root.resolve("ld/eagle.app.v6.ld"));
        assertThat(sdk.linkerScripts()).containsExactly(root.resolve("ld/eagle.app.v6.ld"),
                root.resolve("ld/eagle.rom.addr.v6.ld"));
        // in link order; no libc.a in the SDK, its libgcc.a when it has one
        assertThat(sdk.libraryFiles()).extracting(p -> p.getFileName().toString()).containsExactly("libmain.a",
                "libgcc.a", "libhal.a", "libphy.a", "libpp.a", "libnet80211.a", "liblwip.a", "libwpa.a",
                "libcrypto.a", "libdriver.a");
        assertThat(sdk.compileFlags(tmp.resolve("link/include"))).containsExactly("-DESPGEN_REAL_SDK",
                "-I", root.resolve("include").toString(), "-I", root.resolve("driver_lib/include").toString(),
                "-I", tmp.resolve("link/include").toString());
    }

    @Test
    void aMissingDirectoryIsOneLine() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> Sdk.open(missing)).isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.sdkDir=" + missing + " does not exist; point it at an unpacked "
                        + "ESP8266_NONOS_SDK 3.x, or leave it unset for a checked build without a flash image");
    }

    @Test
    void whatIsMissingIsNamed() throws Exception {
        Path root = layout(tmp.resolve("sdk"));
        Files.delete(root.resolve("lib/liblwip.a"));
        Files.delete(root.resolve("ld/eagle.app.v6.ld"));
        Files.delete(root.resolve("driver_lib/include"));
        assertThatThrownBy(() -> Sdk.open(root)).isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.sdkDir=" + root + " is not an unpacked ESP8266_NONOS_SDK 3.x: it has no "
                        + "driver_lib/include/, ld/eagle.app.v6.ld, lib/liblwip.a");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> Sdk.open(empty)).hasMessageEndingWith(
                "it has no include/, driver_lib/include/, lib/, ld/eagle.app.v6.ld");
    }

    @Test
    void linkCommandLine() throws Exception {
        Path root = layout(tmp.resolve("sdk"));
        Sdk sdk = Sdk.open(root);
        LinkCommand c = new LinkCommand(Path.of("/opt/x/bin/xtensa-lx106-elf-gcc"), sdk, tmp.resolve("link/libc"),
                List.of(tmp.resolve("obj/a/a.o"), tmp.resolve("obj/user_main.o"), tmp.resolve("link/glue.o")),
                tmp.resolve("fw.elf"));
        assertThat(c.command()).containsExactly("/opt/x/bin/xtensa-lx106-elf-gcc", "-nostdlib",
                "-T" + root + "/ld/eagle.app.v6.ld", "-Wl,--no-check-sections", "-Wl,--gc-sections",
                "-u", "call_user_start1", "-Wl,-static", "-L" + root + "/lib", "-L" + tmp + "/link/libc",
                "-Wl,--start-group", "-lmain", "-lc", "-lgcc", "-lhal", "-lphy", "-lpp", "-lnet80211", "-llwip",
                "-lwpa", "-lcrypto", "-ldriver", tmp + "/obj/a/a.o", tmp + "/obj/user_main.o", tmp + "/link/glue.o",
                "-Wl,--end-group", "-o", tmp + "/fw.elf");
        assertThat(c.toString()).startsWith("/opt/x/bin/xtensa-lx106-elf-gcc -nostdlib -T");
    }

    @Test
    void glueFilesAreWrittenOnceAndLeftAloneWhenUnchanged() throws Exception {
        Path include = SdkGlue.write(tmp.resolve("link"));
        assertThat(include).isEqualTo(tmp.resolve("link/include"));
        Path config = include.resolve("user_config.h");
        Path glue = tmp.resolve("link/espgen_libc_glue.c");
        assertThat(Files.readString(config)).isEqualTo(SdkGlue.USER_CONFIG_TEXT);
        assertThat(Files.readString(glue)).contains("extern const char _ctype_[];",
                "const char *__ctype_ptr__ = _ctype_;");
        var time = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(config, time);
        Files.setLastModifiedTime(glue, time);
        SdkGlue.write(tmp.resolve("link"));
        assertThat(Files.getLastModifiedTime(config)).isEqualTo(time);
        assertThat(Files.getLastModifiedTime(glue)).isEqualTo(time);
        Files.writeString(glue, "edited");
        SdkGlue.write(tmp.resolve("link"));
        assertThat(Files.readString(glue)).isEqualTo(SdkGlue.GLUE_TEXT);
    }
}
