package io.espgen.maven.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import io.espgen.maven.LinkedEcho;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedLibcTest {
    @TempDir
    Path tmp;

    static final String NM = """

            libc_machine_xtensa_memcpy.S.o:
            00000044 T memcpy
            00000000 t .Lalign

            libc_string_strstr.c.o:
            00000000 T strstr
            xtensa-lx106-elf-nm: libc_string_empty.c.o: no symbols

            libc_string_strlcpy.c.o:
            00000000 T strlcpy

            lib_a-memcmp.o:
            00000000 W bcmp
            00000000 T memcmp

            libc_ctype_ctype_.c.o:
            00000000 R _ctype_
            """;

    @Test
    void readsNmPerMember() {
        Map<String, List<String>> defs = PreparedLibc.definitions(NM);
        assertThat(defs.keySet()).containsExactly("libc_machine_xtensa_memcpy.S.o", "libc_string_strstr.c.o",
                "libc_string_strlcpy.c.o", "lib_a-memcmp.o", "libc_ctype_ctype_.c.o");
        assertThat(defs.get("libc_machine_xtensa_memcpy.S.o")).containsExactly("memcpy");
        assertThat(defs.get("lib_a-memcmp.o")).containsExactly("bcmp", "memcmp");
    }

    @Test
    void onlyMembersDefiningNothingButRomRoutinesGo() {
        // lib_a-memcmp.o also defines bcmp, which the ROM does not provide: it stays
        assertThat(PreparedLibc.romOnlyMembers(PreparedLibc.definitions(NM)))
                .containsExactly("libc_machine_xtensa_memcpy.S.o", "libc_string_strstr.c.o");
    }

    @Test
    void aConfiguredLibcMustExist() {
        Path missing = tmp.resolve("libc.a");
        assertThatThrownBy(() -> PreparedLibc.find(Path.of("/nonexistent/gcc"), missing))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.libc=" + missing + " is not a file; point it at a libc.a for the "
                        + "xtensa-lx106, or leave it unset to use Debian's picolibc");
    }

    @Test
    void aConfiguredLibcWins() throws Exception {
        Path libc = Files.writeString(tmp.resolve("libc.a"), "!<arch>\n");
        assertThat(PreparedLibc.find(Path.of("/nonexistent/gcc"), libc)).isEqualTo(libc);
    }

    @Test
    void theCompilersLibcIsFound() throws Exception {
        LinkedEcho echo = LinkedEcho.get();
        Path found = PreparedLibc.find(echo.toolchain.gcc(), null);
        assertThat(found).isAbsolute().isRegularFile().hasFileName("libc.a");
    }

    @Test
    void thePreparedCopyIsRedoneWhenTheSourceChanges() throws Exception {
        LinkedEcho echo = LinkedEcho.get();
        Path source = Files.copy(echo.libcSource, tmp.resolve("source-libc.a"));
        PreparedLibc libc = new PreparedLibc(echo.toolchain.ar(), echo.toolchain.nm());
        PreparedLibc.Result first = libc.prepare(source, tmp.resolve("prepared"));
        assertThat(first.upToDate()).isFalse();
        assertThat(first.removedMembers()).hasSizeGreaterThanOrEqualTo(PreparedLibc.ROM_FUNCTIONS.size());
        assertThat(libc.prepare(source, tmp.resolve("prepared")).upToDate()).isTrue();
        Files.copy(echo.link.libc().libc(), source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PreparedLibc.Result again = libc.prepare(source, tmp.resolve("prepared"));
        assertThat(again.upToDate()).isFalse();
        assertThat(again.removedMembers()).isEmpty();
    }

    @Test
    void missingLibcNamesThePackageAndTheParameter() {
        assertThat(io.espgen.maven.Messages.libcNotFound(PreparedLibc.DEBIAN_PACKAGE)).isEqualTo(
                "espgen: no libc.a for the xtensa-lx106 (the SDK ships none); install picolibc (Debian/Ubuntu: "
                        + "apt-get install picolibc-xtensa-lx106-elf) or set esp.libc (-Desp.libc=<file>) to a libc.a");
    }
}
