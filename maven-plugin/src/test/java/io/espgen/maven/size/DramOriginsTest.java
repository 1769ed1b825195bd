package io.espgen.maven.size;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.EchoSample;
import io.espgen.maven.StandInTree;
import io.espgen.maven.compile.CompileCommand;
import io.espgen.maven.compile.CompileOptions;
import io.espgen.maven.compile.FirmwareCompiler;
import io.espgen.maven.compile.SourceTree;
import io.espgen.maven.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A firmware over the chip's DRAM names the Java field that cost the most, not only its C symbol: the processor
 * writes the Java behind each server's variables ({@code <server>.dram}), the size report reads it.
 */
class DramOriginsTest {

    private static final String SERVER = """
            package big;

            import io.espgen.dsl.*;

            @TcpServer(port = 7422, maxConnections = 15)
            public class BigState {
                static int[] history = new int[100];
                static class Session { int count; int[] buffer = new int[3072]; short[] marks = new short[8]; }

                @OnReceive
                void keep(Connection c, Session s, Bytes data) {
                    s.count += data.length();
                    s.buffer[s.count & 1023] = s.count;
                    history[0] = s.count;
                }
            }
            """;

    @Test
    void theDramFailureNamesTheCostliestJavaField(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src/big/BigState.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SERVER);
        SourceTree tree = SourceTree.scan(EchoSample.generate(tmp.resolve("build"), tmp.resolve("src")));

        Map<String, String> origins = DramOrigins.read(tree.root());
        assertThat(origins).containsEntry("big_state_session_table", "BigState.Session.buffer: 12288 bytes x 15 connections")
                .containsEntry("big_state_history", "BigState.history: 400 bytes");

        Toolchain toolchain = StandInTree.crossToolchain();
        Path objDir = tmp.resolve("obj");
        CompileCommand c = new CompileCommand(toolchain.gcc(), CompileOptions.of(4, null), tree.root(),
                tree.includeDirs());
        assertThat(new FirmwareCompiler(c, 2, s -> { }).compile(tree, objDir).failures()).isEmpty();
        List<ObjectSize> sizes = new SizeTool(toolchain.size()).measure(objDir, SizeTool.objectsIn(objDir));

        SizeReport report = new SizeReport(sizes, SizeLimits.ESP8266, origins);
        assertThat(report.exceeded()).containsExactly(Region.DRAM);
        assertThat(report.exceededMessages()).singleElement().asString()
                .contains("the most is big_state/big_state.c's ")
                .contains(", of which big_state_session_table takes ")
                .contains("(BigState.Session.buffer: 12288 bytes x 15 connections)");
        // without the processor's file the message still names the file and the symbol
        assertThat(new SizeReport(sizes, SizeLimits.ESP8266).exceededMessages()).singleElement().asString()
                .contains("of which big_state_session_table takes ").doesNotContain("BigState.");
    }
}
