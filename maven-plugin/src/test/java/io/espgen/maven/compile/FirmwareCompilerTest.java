package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.StandInTree;
import io.espgen.maven.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile step and its incremental logic, with the real cross compiler. */
class FirmwareCompilerTest {
    @TempDir
    Path tmp;
    Toolchain toolchain;
    Path tree;
    Path objDir;
    List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        toolchain = StandInTree.crossToolchain();
        tree = StandInTree.write(tmp.resolve("espgen"));
        objDir = tmp.resolve("out/obj");
    }

    private FirmwareCompiler.Result compile(CompileOptions options) throws Exception {
        SourceTree t = SourceTree.scan(tree);
        CompileCommand c = new CompileCommand(toolchain.gcc(), options, t.root(), t.includeDirs());
        return new FirmwareCompiler(c, 4, log::add).compile(t, objDir);
    }

    private FirmwareCompiler.Result compile() throws Exception {
        return compile(CompileOptions.of(4, null));
    }

    private static List<String> compiled(FirmwareCompiler.Result r) {
        return r.files().stream().filter(FirmwareCompiler.FileResult::compiled)
                .map(f -> SourceTree.unixName(f.source())).collect(Collectors.toList());
    }

    /** Moves a file's time past every object's, as an edit a little later would. */
    private void edit(String name) throws Exception {
        Files.setLastModifiedTime(tree.resolve(name), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    }

    @Test
    void firstBuildCompilesEverythingInSourceOrder() throws Exception {
        FirmwareCompiler.Result r = compile();
        assertThat(r.failures()).isEmpty();
        assertThat(compiled(r)).containsExactly("echo/echo_server.c", "runtime/espgen_counter.c", "user_main.c");
        assertThat(r.upToDate()).isFalse();
        assertThat(objDir.resolve("echo/echo_server.o")).isRegularFile();
        assertThat(objDir.resolve("runtime/espgen_counter.o")).isRegularFile();
        assertThat(objDir.resolve("user_main.o")).isRegularFile();
        assertThat(log).hasSize(3).allMatch(l -> l.contains(" -mlongcalls ") && l.contains(" -c "));
    }

    @Test
    void secondBuildIsUpToDate() throws Exception {
        compile();
        FirmwareCompiler.Result r = compile();
        assertThat(compiled(r)).isEmpty();
        assertThat(r.upToDate()).isTrue();
    }

    @Test
    void anEditedSourceIsTheOnlyOneRecompiled() throws Exception {
        compile();
        edit("runtime/espgen_counter.c");
        assertThat(compiled(compile())).containsExactly("runtime/espgen_counter.c");
    }

    @Test
    void anEditedHeaderRecompilesEverything() throws Exception {
        compile();
        edit("include/espgen_sdk.h");
        assertThat(compiled(compile())).hasSize(3);
        edit("echo/echo_server.h");
        assertThat(compiled(compile())).hasSize(3);
    }

    @Test
    void otherOptionsRecompileEverything() throws Exception {
        compile();
        assertThat(compiled(compile(CompileOptions.of(6, null)))).hasSize(3);
        assertThat(compiled(compile(CompileOptions.of(6, "-DX=1")))).hasSize(3);
        assertThat(compiled(compile(CompileOptions.of(6, "-DX=1")))).isEmpty();
    }

    @Test
    void objectsOfRemovedSourcesAreDeleted() throws Exception {
        compile();
        Files.delete(tree.resolve("runtime/espgen_counter.c"));
        FirmwareCompiler.Result r = compile();
        assertThat(r.removedObjects()).containsExactly(Path.of("runtime/espgen_counter.o"));
        assertThat(objDir.resolve("runtime/espgen_counter.o")).doesNotExist();
        assertThat(r.upToDate()).isFalse();
        assertThat(compile().upToDate()).isTrue();
    }

    @Test
    void compilerErrorsAreKeptAsGccPrintsThemAndTheObjectIsGone() throws Exception {
        compile();
        StandInTree.write(tree.resolve("user_main.c"), """
                #include "espgen_sdk.h"

                void ICACHE_FLASH_ATTR user_init(void)
                {
                	int unused;
                }
                """);
        edit("user_main.c");
        FirmwareCompiler.Result r = compile();
        assertThat(r.failures()).hasSize(1);
        FirmwareCompiler.FileResult failed = r.failures().get(0);
        assertThat(failed.source()).isEqualTo(Path.of("user_main.c"));
        // gcc's own words; the quotes around the name depend on the locale
        assertThat(failed.result().output())
                .containsPattern(java.util.regex.Pattern.quote(tree.resolve("user_main.c") + ":5:13: error: unused variable ")
                        + ".unused. \\[-Werror=unused-variable\\]");
        assertThat(objDir.resolve("user_main.o")).doesNotExist();
        // the next build tries again, and only that file
        assertThat(compiled(compile())).containsExactly("user_main.c");
    }

    @Test
    void fileMacroIsRelativeToTheTree() throws Exception {
        StandInTree.write(tree.resolve("where.c"), """
                #include "espgen_sdk.h"
                const char where_file[] = __FILE__;
                """);
        compile();
        byte[] o = Files.readAllBytes(objDir.resolve("where.o"));
        String text = new String(o, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("where.c\0").doesNotContain(tmp.toString());
    }
}
