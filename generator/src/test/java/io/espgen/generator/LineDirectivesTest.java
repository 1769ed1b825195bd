package io.espgen.generator;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With -Aespgen.lineDirectives=true, a C compiler's message about a handler names the Java line. */
class LineDirectivesTest {

    private static final String SOURCE = """
            package example;
            import io.espgen.dsl.*;
            @TcpServer(port = 80)
            public class Lines {
                @OnReceive
                void r(Connection c, Bytes d) {
                    int n = d.length();
                    if (n > 2) {
                        c.send("long\\n");
                    }
                }
            }
            """;

    private static Map<String, String> generate(boolean lines) {
        Compilation c = javac().withProcessors(new EspgenProcessor())
                .withOptions(lines ? List.of("-Aespgen.lineDirectives=true") : List.of())
                .compile(JavaFileObjects.forSourceString("example.Lines", SOURCE));
        com.google.testing.compile.CompilationSubject.assertThat(c).succeededWithoutWarnings();
        return Espgen.generatedC(c);
    }

    @Test
    void offByDefault() {
        assertThat(generate(false).get("lines/lines.c")).doesNotContain("#line");
    }

    @Test
    void cErrorsPointAtTheJavaLineAndTheRestOfTheFileKeepsItsOwnLines(@TempDir Path dir) throws Exception {
        Map<String, String> files = generate(true);
        String c = files.get("lines/lines.c");
        assertThat(c).contains("#line 7 \"Lines.java\"").contains("#line 9 \"Lines.java\"");
        // make the C compiler complain about the statement from Java line 9, and about a line after it
        String broken = c.replace("espgen_send(srv, c, \"long\\n\", 5);", "espgen_send(srv, c, \"long\\n\", 5) +;")
                .replace("static const struct espgen_handlers", "static const struct espgen_handlers_typo");
        files.put("lines/lines.c", broken);
        Espgen.writeTree(files, dir);
        Tool.Result r = Tool.run(dir, List.of("gcc", "-std=gnu11", "-fsyntax-only", "-Iinclude", "lines/lines.c"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("Lines.java:9:");
        int cLine = List.of(broken.split("\n")).indexOf(
                broken.lines().filter(l -> l.contains("espgen_handlers_typo")).findFirst().orElseThrow()) + 1;
        assertThat(r.output()).contains("lines.c:" + cLine + ":");
    }
}
