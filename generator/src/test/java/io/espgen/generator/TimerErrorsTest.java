package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** @Every misuse is a compile error on the value or parameter at fault. */
class TimerErrorsTest {

    private static Compilation compile(String members) {
        return Espgen.compileSource("example.Bad", "package example;\nimport io.espgen.dsl.*;\n"
                + "@TcpServer(port = 80)\npublic class Bad {\n" + members + "\n}\n");
    }

    @Test
    void aPeriodUnderTheSdksMinimumIsReportedOnItsValue() {
        Compilation c = compile("    @Every(millis = 2) void tick() {}");
        assertThat(c).hadErrorContaining("@Every(millis = 2) is out of range: a repeating os_timer takes 5 to 6870947 ms")
                .inFile(c.sourceFiles().get(0)).onLine(5).atColumn(21);
    }

    @Test
    void aTimerTakesNoBytesNorState() {
        Compilation c = compile("    static class S { int n; }\n    @Every(millis = 50) void tick(Connection c, Bytes d) {}");
        assertThat(c).hadErrorContaining("@Every cannot supply a parameter of type io.espgen.dsl.Bytes")
                .inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void severalTimersAreFineAndArmedAtStart() {
        Compilation c = compile("    static int n;\n    @Every(millis = 5) void fast() { n++; }\n"
                + "    @Every(millis = 1000) void slow(Connection server) { server.connectionCount(); }");
        assertThat(c).succeededWithoutWarnings();
        String file = Espgen.generatedC(c).get("bad/bad.c");
        org.assertj.core.api.Assertions.assertThat(file)
                .contains("\tos_timer_disarm(&bad_fast_timer);\n\tos_timer_setfn(&bad_fast_timer, bad_fast_tick, NULL);\n"
                        + "\tos_timer_arm(&bad_fast_timer, 5, 1);\n")
                .contains("\tespgen_on_timer(&bad, bad_slow);\n");
    }
}
