package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import io.espgen.maven.StandInTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeTest {
    @TempDir
    Path tmp;

    @Test
    void listsSourcesAndHeadersSortedAndRelative() throws Exception {
        SourceTree t = SourceTree.scan(StandInTree.write(tmp.resolve("espgen")));
        assertThat(t.sources()).extracting(SourceTree::unixName)
                .containsExactly("echo/echo_server.c", "runtime/espgen_counter.c", "user_main.c");
        assertThat(t.headers()).extracting(SourceTree::unixName)
                .containsExactly("echo/echo_server.h", "include/espgen_sdk.h");
        assertThat(t.includeDirs()).containsExactly(tmp.resolve("espgen/include"), tmp.resolve("espgen"));
    }

    @Test
    void objectsMirrorTheSources() {
        Path obj = tmp.resolve("obj");
        assertThat(SourceTree.objectFor(obj, Path.of("echo/echo_server.c"))).isEqualTo(obj.resolve("echo/echo_server.o"));
        assertThat(SourceTree.objectFor(obj, Path.of("user_main.c"))).isEqualTo(obj.resolve("user_main.o"));
    }

    @Test
    void missingTreeSaysWhoWritesIt() {
        Path missing = tmp.resolve("target/generated-sources/annotations/espgen");
        assertThatThrownBy(() -> SourceTree.scan(missing))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: no generated C in " + missing + "; the espgen annotation processor writes it"
                        + " while the project compiles: put espgen-generator on the processor path"
                        + " (maven-compiler-plugin <annotationProcessorPaths>) and annotate a class with @TcpServer,"
                        + " or set esp.generatedDir");
    }

    @Test
    void treeWithoutCFiles() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("espgen/include"));
        assertThatThrownBy(() -> SourceTree.scan(empty.getParent()))
                .hasMessage("espgen: no .c file below " + empty.getParent() + "; is a class annotated with @TcpServer?");
    }
}
