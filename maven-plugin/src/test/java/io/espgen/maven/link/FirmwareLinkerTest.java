package io.espgen.maven.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.LinkedEcho;
import io.espgen.maven.StandInSdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo sample linked against the stand-in SDK: the command line, the ELF, and the incremental link. */
class FirmwareLinkerTest {
    static LinkedEcho echo;
    static Map<String, String[]> symbols;

    @BeforeAll
    static void link() throws Exception {
        echo = LinkedEcho.get();
        symbols = new LinkedHashMap<>();
        for (String line : echo.tool("nm", echo.elf.toString()).split("\\R")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length == 3) {
                symbols.put(cols[2], cols);
            }
        }
    }

    private static long address(String symbol) {
        assertThat(symbols).containsKey(symbol);
        return Long.parseLong(symbols.get(symbol)[0], 16);
    }

    private static String type(String symbol) {
        assertThat(symbols).containsKey(symbol);
        return symbols.get(symbol)[1];
    }

    @Test
    void theExactLinkCommandLine() {
        Path sdk = echo.sdkDir;
        List<String> expected = new ArrayList<>(List.of(echo.toolchain.gcc().toString(), "-nostdlib",
                "-T" + sdk.resolve("ld/eagle.app.v6.ld"), "-Wl,--no-check-sections", "-Wl,--gc-sections",
                "-u", "call_user_start1", "-Wl,-static", "-L" + sdk.resolve("lib"),
                "-L" + echo.linkDir.resolve("libc"), "-Wl,--start-group", "-lmain", "-lc", "-lgcc", "-lhal",
                "-lphy", "-lpp", "-lnet80211", "-llwip", "-lwpa", "-lcrypto", "-ldriver"));
        // the generated code's objects in source order, the plugin's glue last, all inside the group
        assertThat(echo.objects).contains(echo.objDir.resolve("echo_server/echo_server.o"),
                echo.objDir.resolve("user_main.o"));
        echo.objects.forEach(o -> expected.add(o.toString()));
        expected.addAll(List.of(echo.linkDir.resolve("espgen_libc_glue.o").toString(), "-Wl,--end-group", "-o",
                echo.elf.toString()));
        assertThat(echo.link.command().command()).containsExactlyElementsOf(expected);
        assertThat(echo.link.linked()).isTrue();
        assertThat(echo.link.link().output()).isBlank();
    }

    @Test
    void theEntryIsTheSdksAndRunsFromIram() throws Exception {
        long entry = address("call_user_start1");
        assertThat(entry).isBetween(0x40100000L, 0x40108000L - 1);
        assertThat(echo.tool("readelf", "-h", echo.elf.toString()))
                .containsPattern("Entry point address:\\s+0x" + Long.toHexString(entry) + "\\b");
    }

    @Test
    void theGeneratedCodeIsInFlash() {
        for (String f : List.of("user_init", "user_pre_init", "echo_server_start")) {
            if (symbols.containsKey(f)) {
                assertThat(address(f)).as(f).isBetween(0x40210000L, 0x40210000L + 0x5C000 - 1);
            }
        }
        assertThat(address("user_init")).isBetween(0x40210000L, 0x4026BFFFL);
    }

    @Test
    void theRomRoutinesComeFromTheLinkerScriptNotFromLibc() {
        List<String> rom = new ArrayList<>(new TreeSet<>(PreparedLibc.ROM_FUNCTIONS));
        // the stand-in's libmain calls memcpy and strlen
        for (String f : List.of("memcpy", "strlen")) {
            assertThat(type(f)).as(f).isEqualTo("A");
            assertThat(address(f)).as(f).isEqualTo(StandInSdk.ROM_BASE + 0x40L * rom.indexOf(f));
        }
    }

    @Test
    void theGlueGivesLwipItsCtypePointer() throws Exception {
        assertThat(type("__ctype_ptr__")).isEqualTo("D");
        assertThat(address("__ctype_ptr__")).isBetween(0x3FFE8000L, 0x3FFFBFFFL);
        assertThat(symbols).containsKey("_ctype_");
        assertThat(Files.readString(echo.linkDir.resolve("espgen_libc_glue.c")))
                .contains("const char *__ctype_ptr__ = _ctype_;");
        assertThat(echo.linkDir.resolve("include/user_config.h")).isRegularFile();
    }

    @Test
    void theLibcCopyHasNoRomRoutines() throws Exception {
        PreparedLibc.Result libc = echo.link.libc();
        assertThat(libc.libc()).isEqualTo(echo.linkDir.resolve("libc/libc.a"));
        assertThat(libc.removedMembers()).isNotEmpty();
        Map<String, List<String>> left = PreparedLibc.definitions(echo.tool("nm", "--defined-only",
                libc.libc().toString()));
        assertThat(left.values().stream().flatMap(List::stream)).doesNotContainAnyElementsOf(PreparedLibc.ROM_FUNCTIONS)
                .contains("_ctype_", "malloc");
        assertThat(left.keySet()).doesNotContainAnyElementsOf(libc.removedMembers());
        Map<String, List<String>> original = PreparedLibc.definitions(echo.tool("nm", "--defined-only",
                echo.libcSource.toString()));
        assertThat(original.keySet()).containsAll(libc.removedMembers());
        assertThat(original.size() - left.size()).isEqualTo(libc.removedMembers().size());
    }

    @Test
    void aSecondLinkIsUpToDateAndAChangedObjectRelinks(@TempDir Path tmp) throws Exception {
        Path objDir = tmp.resolve("obj");
        List<Path> objects = new ArrayList<>();
        for (Path o : echo.objects) {
            Path copy = objDir.resolve(echo.objDir.relativize(o).toString());
            Files.createDirectories(copy.getParent());
            objects.add(Files.copy(o, copy));
        }
        Path elf = tmp.resolve("echo.elf");
        FirmwareLinker linker = echo.linker(tmp.resolve("link"));
        FirmwareLinker.Result first = linker.link(echo.compile, objects, echo.libcSource, elf);
        assertThat(first.linked()).isTrue();
        assertThat(first.failed()).isFalse();
        assertThat(first.upToDate()).isFalse();
        assertThat(first.libc().upToDate()).isFalse();
        assertThat(first.glueCompiled()).isTrue();

        FirmwareLinker.Result second = linker.link(echo.compile, objects, echo.libcSource, elf);
        assertThat(second.upToDate()).isTrue();
        assertThat(second.libc().upToDate()).isTrue();

        // the same bytes again (a recompile that changed nothing): still up to date
        Files.copy(echo.objects.get(0), objects.get(0), StandardCopyOption.REPLACE_EXISTING);
        assertThat(linker.link(echo.compile, objects, echo.libcSource, elf).upToDate()).isTrue();

        // other bytes: linked again
        Files.copy(echo.objects.get(1), objects.get(0), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(echo.objects.get(0), objects.get(0), StandardCopyOption.REPLACE_EXISTING);
        Files.write(objects.get(0), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        FirmwareLinker.Result third = linker.link(echo.compile, objects, echo.libcSource, elf);
        assertThat(third.linked()).isTrue();

        // a missing ELF is linked again
        Files.copy(echo.objects.get(0), objects.get(0), StandardCopyOption.REPLACE_EXISTING);
        assertThat(linker.link(echo.compile, objects, echo.libcSource, elf).linked()).isTrue();
        Files.delete(elf);
        assertThat(linker.link(echo.compile, objects, echo.libcSource, elf).linked()).isTrue();
        assertThat(elf).isRegularFile();
    }

    @Test
    void aFailedLinkLeavesNoElfAndIsNotTakenForUpToDate(@TempDir Path tmp) throws Exception {
        Path elf = tmp.resolve("echo.elf");
        FirmwareLinker linker = echo.linker(tmp.resolve("link"));
        assertThat(linker.link(echo.compile, echo.objects, echo.libcSource, elf).linked()).isTrue();
        // without user_main.o nothing defines user_init: the link fails
        List<Path> missing = echo.objects.stream().filter(o -> !o.endsWith("user_main.o")).toList();
        FirmwareLinker.Result failed = linker.link(echo.compile, missing, echo.libcSource, elf);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.link().output()).contains("user_init");
        assertThat(elf).doesNotExist();
        assertThat(linker.link(echo.compile, echo.objects, echo.libcSource, elf).linked()).isTrue();
    }
}
