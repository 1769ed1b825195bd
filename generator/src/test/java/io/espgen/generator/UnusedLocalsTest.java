package io.espgen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.CompilationSubject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java accepts locals that are never read; the generated C must still pass gcc -Wall -Wextra -Werror,
 * for the chip and the host. The unused-locals pass resolves names through C's scopes, so a local is
 * judged by its own reads, never by a namesake's in a sibling block.
 */
class UnusedLocalsTest {

    @Test
    void localsThatAreOnlySetStillCompileWithWerror(@TempDir Path dir) throws Exception {
        String c = compileWithWerror(dir, """
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
                """);
        assertThat(c).contains("(void)never;", "(void)assigned;", "(void)counted;", "(void)inner;")
                .doesNotContain("(void)used;").doesNotContain("(void)i;");
    }

    @Test
    void aLocalIsJudgedByItsOwnReadsNotBySiblingBlocks(@TempDir Path dir) throws Exception {
        String c = compileWithWerror(dir, """
                if (d.length() > 1) {
                    int x = 1;
                    c.send(d);
                } else {
                    int x = 2;
                    if (x > 1) {
                        c.close();
                    }
                }
                {
                    int y = d.length();
                }
                {
                    int y = 3;
                    y++;
                }
                {
                    int y = 4;
                    Log.info("%d", y);
                }
                """);
        assertThat(c.split("\\(void\\)x;", -1)).as("one cast of x, in the block that never reads it").hasSize(2);
        assertThat(c.split("\\(void\\)y;", -1)).as("two casts of y, not in the block that logs it").hasSize(3);
        String firstX = c.substring(c.indexOf("int x = 1;"), c.indexOf("int x = 2;"));
        assertThat(firstX).contains("(void)x;");
    }

    /**
     * A generated handler of many nested scopes (blocks, ifs, loops, switch cases) that reuse the same few
     * names, each local read or only set at random: gcc -Werror accepts every variant.
     */
    @Test
    void nestedScopesThatReuseNamesCompileWithWerror(@TempDir Path dir) throws Exception {
        Random random = new Random(20261125);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append("{\n");
            nest(body, random, 0, "    ", "");
            body.append("}\n");
        }
        String c = compileWithWerror(dir, body.toString());
        assertThat(c).contains("(void)");
    }

    private static final List<String> NAMES = List.of("a", "b", "n");

    /** Java forbids a local to shadow another: tag keeps an unbraced case's names apart from the next case's. */
    private static void nest(StringBuilder out, Random random, int depth, String indent, String tag) {
        String name = NAMES.get(random.nextInt(NAMES.size())) + tag + depth;
        out.append(indent).append("int ").append(name).append(" = d.length();\n");
        switch (random.nextInt(3)) {
            case 0 -> out.append(indent).append(name).append("++;\n"); // only set
            case 1 -> out.append(indent).append("Log.info(\"%d\", ").append(name).append(");\n"); // read
            default -> { } // never touched again
        }
        if (depth == 4) {
            return;
        }
        String inner = indent + "    ";
        switch (random.nextInt(5)) {
            case 0 -> {
                out.append(indent).append("{\n");
                nest(out, random, depth + 1, inner, tag);
                out.append(indent).append("}\n").append(indent).append("{\n");
                nest(out, random, depth + 1, inner, tag);
                out.append(indent).append("}\n");
            }
            case 1 -> {
                out.append(indent).append("if (d.length() > ").append(depth).append(") {\n");
                nest(out, random, depth + 1, inner, tag);
                out.append(indent).append("} else {\n");
                nest(out, random, depth + 1, inner, tag);
                out.append(indent).append("}\n");
            }
            case 2 -> {
                out.append(indent).append("for (int k").append(depth).append(" = 0; k").append(depth)
                        .append(" < 2; k").append(depth).append("++) {\n");
                nest(out, random, depth + 1, inner, tag);
                out.append(indent).append("}\n");
            }
            case 3 -> {
                out.append(indent).append("for (int w").append(depth).append(" = 0; w").append(depth)
                        .append(" < 1 && d.length() > 100; w").append(depth).append("++) {\n");
                nest(out, random, depth + 1, inner, tag);
                out.append(inner).append("break;\n").append(indent).append("}\n");
            }
            default -> {
                out.append(indent).append("switch (d.length()) {\n").append(indent).append("case 1:\n");
                nest(out, random, depth + 1, inner, tag + "c");
                out.append(indent).append("case 2: {\n");
                nest(out, random, depth + 1, inner, tag);
                out.append(inner).append("break;\n").append(indent).append("}\n")
                        .append(indent).append("default:\n").append(inner).append("break;\n")
                        .append(indent).append("}\n");
            }
        }
    }

    /** Translates a handler with this body, builds its C for the chip and the host with -Werror; returns it. */
    private static String compileWithWerror(Path dir, String body) throws Exception {
        var compilation = Espgen.compileSource("example.Scopes", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Scopes {
                    @OnReceive
                    void r(Connection c, Bytes d) {
                %s    }
                }
                """.formatted(body.indent(8)));
        CompilationSubject.assertThat(compilation).succeeded();
        Map<String, String> files = Espgen.generatedC(compilation);
        Espgen.writeTree(files, dir);
        Tool.ok(dir, Tool.concat(CrossCompileTest.FLAGS, "scopes/scopes.c", "-o", "scopes.o"));
        Tool.ok(dir, List.of("gcc", "-std=gnu11", "-O2", "-fwrapv", "-Wall", "-Wextra", "-Werror", "-Iinclude", "-c",
                "scopes/scopes.c", "-o", "scopes-host.o"));
        return files.get("scopes/scopes.c");
    }
}
