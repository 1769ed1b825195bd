package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timers.start and Timers.cancel misused: an error on the argument at fault, saying what to write. */
class OneShotErrorsTest {

    /** The compiler the suite runs under; {@code Ecj}{@link OneShotErrorsTest} runs it all again under ECJ. */
    Espgen.Host host() {
        return Espgen.Host.JAVAC;
    }

    /** A server whose @OnReceive body is {@code statement}, on line 7 at column 9. */
    private Compilation withBody(String statement) {
        return Espgen.compileSource(host(), "example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    static final String NAME = "blink";
                    @OnReceive void r(Connection c, Bytes d) {
                        %s
                    }
                    @OneShot void blink(Connection server) { }
                    @OneShot void later() { }
                    void plain() { }
                }
                """.formatted(statement));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Timers.start("blonk", 50);                 | 22 | "blonk" is not a @OneShot method of this server; its @OneShot methods are blink, later
            Timers.start("plain", 50);                 | 22 | "plain" is not a @OneShot method of this server
            Timers.cancel("r");                        | 23 | "r" is not a @OneShot method of this server
            Timers.start("blink", 4);                  | 31 | a one-shot timer's delay of 4 ms is out of range: os_timer_arm takes 5 to 6870947 ms (a computed delay is clamped into that range)
            Timers.start("blink", -1);                 | 31 | a one-shot timer's delay of -1 ms is out of range
            Timers.start(d.length() > 0 ? "blink" : "later", 50); | 22 | Timers.start and Timers.cancel name a @OneShot method of the server with a string constant
            """)
    void rejectsAtTheArgument(String statement, int column, String message) {
        Compilation c = withBody(statement);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(c.sourceFiles().get(0)).onLine(7).atColumn(column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Timers.start("blink", 5);
            Timers.start(NAME, d.length());
            Timers.start("later", 6870947); Timers.cancel("blink");
            """)
    void acceptsConstantNamesAndAnyComputedDelay(String statement) {
        assertThat(withBody(statement)).succeededWithoutWarnings();
    }

    @Test
    void aOneShotHandlerTakesNoState() {
        Compilation c = Espgen.compileSource(host(), "example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    static class S { int n; }
                    @OneShot void blink(Connection server, S s) { }
                }
                """);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@OneShot cannot supply a parameter of type example.Bad.S")
                .inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void generatedCSetsUpEachTimerAtStartAndArmsItOnStart() {
        Compilation c = withBody("Timers.start(\"blink\", d.length()); Timers.cancel(\"later\");");
        assertThat(c).succeededWithoutWarnings();
        String file = Espgen.generatedC(c).get("bad/bad.c");
        org.assertj.core.api.Assertions.assertThat(file)
                .contains("static os_timer_t bad_blink_timer;\nstatic void ICACHE_FLASH_ATTR bad_blink_tick(void *arg);\n")
                .contains("espgen_timer_start(&bad_blink_timer, bad_blink_tick, (int)d.len);")
                .contains("os_timer_disarm(&bad_later_timer);\n")
                .contains("\tos_timer_disarm(&bad_blink_timer);\n\tos_timer_setfn(&bad_blink_timer, bad_blink_tick, NULL);\n"
                        + "\tos_timer_disarm(&bad_later_timer);\n")
                .doesNotContain("os_timer_arm(&bad_blink_timer");
    }
}
