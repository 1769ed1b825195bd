package io.espgen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java accepts locals that are never read; the generated C must still pass gcc -Wall -Wextra -Werror. */
class UnusedLocalsTest {

    @Test
    void localsThatAreOnlySetStillCompileWithWerror(@TempDir Path dir) throws Exception {
        Map<String, String> files = Espgen.generatedC(com.google.testing.compile.Compiler.javac()
                .withProcessors(new EspgenProcessor())
                .compile(com.google.testing.compile.JavaFileObjects.forSourceString("example.Unused", """
                        package example;
                        import io.espgen.dsl.*;
                        @TcpServer(port = 80)
                        public class Unused {
                            @OnReceive
                            void r(Connection c, Bytes d) {
                                int never = 1;
                                int assigned;
                                assigned = d.length();
                                int counted = 0;
                                counted++;
                                counted += 2;
                                long wide = 7L;
                                wide <<= 3;
                                for (int i = 0; i < d.length(); i++) {
                                    int inner = i;
                                }
                                int used = 3;
                                c.send(d);
                                if (used > 2) {
                                    c.close();
                                }
                            }
                        }
                        """)));
        String c = files.get("unused/unused.c");
        assertThat(c).contains("(void)never;", "(void)assigned;", "(void)counted;", "(void)inner;")
                .doesNotContain("(void)used;").doesNotContain("(void)i;");
        Espgen.writeTree(files, dir);
        Tool.ok(dir, Tool.concat(CrossCompileTest.FLAGS, "unused/unused.c", "-o", "unused.o"));
        Tool.ok(dir, List.of("gcc", "-std=gnu11", "-O2", "-fwrapv", "-Wall", "-Wextra", "-Werror", "-Iinclude", "-c",
                "unused/unused.c", "-o", "unused-host.o"));
    }
}
