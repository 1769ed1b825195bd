package io.espgen.maven.size;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.Exec;
import io.espgen.maven.StandInTree;
import io.espgen.maven.compile.CompileCommand;
import io.espgen.maven.compile.CompileOptions;
import io.espgen.maven.compile.FirmwareCompiler;
import io.espgen.maven.compile.SourceTree;
import io.espgen.maven.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classification and the report on objects the cross compiler really produced. */
class SizeToolTest {
    @TempDir
    static Path tmp;
    static Toolchain toolchain;
    static Path objDir;
    static List<ObjectSize> sizes;

    @BeforeAll
    static void compileStandInTree() throws Exception {
        toolchain = StandInTree.crossToolchain();
        SourceTree tree = SourceTree.scan(StandInTree.write(tmp.resolve("espgen")));
        objDir = tmp.resolve("obj");
        CompileCommand c = new CompileCommand(toolchain.gcc(), CompileOptions.of(4, null), tree.root(),
                tree.includeDirs());
        assertThat(new FirmwareCompiler(c, 2, s -> { }).compile(tree, objDir).failures()).isEmpty();
        sizes = new SizeTool(toolchain.size()).measure(objDir, SizeTool.objectsIn(objDir));
    }

    private static ObjectSize size(String file) {
        return sizes.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void objectsAreFoundSortedAndNamedAfterTheirSources() throws Exception {
        assertThat(SizeTool.objectsIn(objDir)).containsExactly(objDir.resolve("echo/echo_server.o"),
                objDir.resolve("runtime/espgen_counter.o"), objDir.resolve("user_main.o"));
        assertThat(sizes).extracting(ObjectSize::file)
                .containsExactly("echo/echo_server.c", "runtime/espgen_counter.c", "user_main.c");
        assertThat(SizeTool.objectsIn(tmp.resolve("missing"))).isEmpty();
    }

    @Test
    void flashOnlyCodeHasNoIram() {
        ObjectSize counter = size("runtime/espgen_counter.c");
        assertThat(counter.iram()).isZero();
        assertThat(counter.flash()).isPositive();
        // int = 1 (.data, 4), uint8[64] (.bss), const char[8] (.rodata); os_printf's format goes to flash
        assertThat(counter.dram()).isEqualTo(4 + 64 + 8);
    }

    @Test
    void aFunctionWithoutTheFlashAttributeIsIram() {
        ObjectSize main = size("user_main.c");
        assertThat(main.iram()).isPositive();
        assertThat(main.flash()).isPositive();
        assertThat(main.dram()).isEqualTo(4); // uint32 user_main_ticks, in .bss
    }

    @Test
    void regionSumsAreTheSectionSizesSizeReports() throws Exception {
        Exec.Result r = Exec.run(List.of(toolchain.size().toString(), "-A", "-d",
                objDir.resolve("user_main.o").toString()), null);
        long iram = 0;
        long flash = 0;
        for (SizeParser.Section s : SizeParser.parse(r.output())) {
            if (s.name().startsWith(".text")) {
                iram += s.size();
            }
            if (s.name().startsWith(".irom0.text")) {
                flash += s.size();
            }
        }
        assertThat(size("user_main.c").iram()).isEqualTo(iram);
        assertThat(size("user_main.c").flash()).isEqualTo(flash);
    }

    @Test
    void reportOnRealObjects() {
        SizeReport report = new SizeReport(sizes, SizeLimits.ESP8266);
        ObjectSize total = report.total();
        assertThat(total.iram()).isEqualTo(sizes.stream().mapToLong(ObjectSize::iram).sum()).isPositive();
        assertThat(report.exceeded()).isEmpty();
        List<String> lines = report.lines();
        assertThat(lines.get(1)).startsWith("IRAM:  [").endsWith("(used " + total.iram() + " bytes from 8192 bytes)");
        assertThat(lines).contains("File                      IRAM  DRAM  Flash")
                .anyMatch(l -> l.matches("user_main\\.c +\\d+ +4 +\\d+"))
                .last().asString().startsWith("Total");
    }
}
