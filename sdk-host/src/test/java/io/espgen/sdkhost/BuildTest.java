package io.espgen.sdkhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildTest {

    @Test
    void aBuildMakesTheFirmwareAndTheSlirpHelperBesideIt() {
        SdkHostFirmware.Build b = TestBuilds.build("echo_fw");
        assertThat(b.exe()).isExecutable().hasFileName("firmware");
        assertThat(b.helper()).isExecutable().hasFileName("espgen-slirp").hasParent(b.exe().getParent());
    }

    @Test
    void theFirmwareIs32Bit() throws IOException {
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(TestBuilds.build("echo_fw").exe())) {
            assertThat(in.read(head)).isEqualTo(5);
        }
        assertThat(head[4]).as("ELF class (1: 32-bit)").isEqualTo((byte) 1);
    }

    @Test
    void aCompilerThatCannotBuild32BitProgramsIsReportedWithThePackageToInstall(@TempDir Path dir)
            throws IOException {
        Path cc = dir.resolve("cc-without-multilib");
        Files.writeString(cc, """
                #!/bin/sh
                for a in "$@"; do [ "$a" = -m32 ] && { echo "fatal error: gnu/stubs-32.h: No such file" >&2; exit 1; }; done
                exec gcc "$@"
                """);
        Files.setPosixFilePermissions(cc, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> SdkHostFirmware.build(List.of(TestBuilds.C_DIR.resolve("echo_fw.c")),
                List.of(TestBuilds.C_DIR), TestBuilds.standInSdk(), dir.resolve("work"), cc.toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("gcc-multilib")
                .hasMessageContaining("gnu/stubs-32.h");
    }

    @Test
    void aFirmwareThatDoesNotCompileReportsGccsOutput(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.c");
        Files.writeString(bad, "void user_init(void) { undeclared_call(); }\n");
        assertThatThrownBy(() -> SdkHostFirmware.build(List.of(bad), List.of(), TestBuilds.standInSdk(),
                dir.resolve("work"))).isInstanceOf(IOException.class).hasMessageContaining("compiling bad.c failed")
                .hasMessageContaining("undeclared_call");
    }
}
