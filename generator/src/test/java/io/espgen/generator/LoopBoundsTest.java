package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every loop in handler code has a bound the generator can see (watchdog safety): for-each loops and counted
 * for loops compile, every other loop is an error at the part that has no bound.
 */
class LoopBoundsTest {

    /** The compiler the suite runs under; {@code Ecj}{@link LoopBoundsTest} runs it all again under ECJ. */
    Espgen.Host host() {
        return Espgen.Host.JAVAC;
    }

    /** A server whose @OnReceive body is {@code statement}, on line 8 at column 9. */
    private Compilation withBody(String statement) {
        return Espgen.compileSource(host(), "example.Loops", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Loops {
                    static class S { byte[] buf = new byte[8]; int n; }
                    static final int CAP = 16;
                    @OnReceive void r(Connection c, S s, Bytes d) {
                        %s
                    }
                    int helper(int p) { return p; }
                    void count(Connection c, int p) { for (int i = 0; i < p; i++) { c.send("x"); } }
                }
                """.formatted(statement));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            for (int i = 0; i < 16; i++) { c.send("x"); }
            for (int i = 0; i <= CAP; i += 2) { s.n += i; }
            for (int i = 15; i >= 0; i--) { s.n += i; }
            for (int i = CAP - 1; i > -1; i -= 3) { s.n += i; }
            for (int i = 0; 16 > i; ++i) { s.n++; }
            for (int i = 0; i < d.length(); i++) { s.n += d.get(i); }
            for (int i = 0; i < d.length() - 1; i++) { s.n += d.get(i); }
            for (int i = 0; i < s.buf.length; i++) { s.buf[i] = 0; }
            for (int i = Math.max(0, s.n); i < 16 && s.n > 0 && c.canSend(8); i++) { s.n--; }
            for (int i = Math.min(CAP, s.n); i >= 0; i--) { s.n += i; }
            for (int i = d.length() - 1; i >= 0; i--) { s.n += d.get(i); }
            for (int i = 0; i < 8; i++) { for (int j = i + 1; j < 8; j++) { s.n += j; } }
            for (int i = 0; (i < 16) && d.length() > i; i++) { s.n++; }
            for (byte b : d) { s.n += b; }
            for (byte b : s.buf) { s.n += b; }
            for (Connection o : c.connections()) { o.send("x"); }
            """)
    void acceptsLoopsWithAVisibleBound(String statement) {
        Compilation c = Espgen.compileSource(host(), "example.Loops", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Loops {
                    static class S { byte[] buf = new byte[8]; int n; }
                    static final int CAP = 16;
                    @OnReceive void r(Connection c, S s, Bytes d) {
                        %s
                    }
                }
                """.formatted(statement));
        assertThat(c).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            while (true) { c.send("x"); }                          | 9  | a while loop is not supported in handler code; a loop needs a bound the generator can see, or a long run trips the chip's watchdog
            while (s.n > 0) { s.n--; }                             | 9  | a while loop is not supported in handler code; a loop needs a bound
            do { s.n--; } while (s.n > 0);                         | 9  | a do-while loop is not supported in handler code; a loop needs a bound
            for (;;) { break; }                                    | 9  | a for loop without one int counter declared and started in it
            for (int i = s.n; i < 16; i++) { }                     | 22 | a loop counter i that starts from a value with no visible bound (a field, a parameter or a local could be -2147483648) is not supported in handler code; start it from a constant, an array's length or data.length(), or clamp the start towards the bound: for (int i = Math.max(0, from); ...)
            for (int i = s.n; i >= 0; i--) { }                     | 22 | a loop counter i that starts from a value with no visible bound (a field, a parameter or a local could be 2147483647) is not supported in handler code; start it from a constant, an array's length or data.length(), or clamp the start towards the bound: for (int i = Math.min(CAP, from); ...)
            for (int i = Math.min(0, s.n); i < 16; i++) { }        | 22 | a loop counter i that starts from a value with no visible bound
            for (int i = s.n + 1; i < 16; i++) { }                 | 22 | a loop counter i that starts from a value with no visible bound
            for (int i = 0; i < s.n; i++) { }                      | 25 | a loop condition that does not start with a bound on i (i < N, <= N, > N or >= N, N a constant, an array's length or data.length(); a field or a parameter is no bound) is not supported in handler code; a loop needs a bound
            for (int i = 0; c.canSend(8) && i < 16; i++) { }       | 25 | a loop condition that does not start with a bound on i
            for (int i = 0; i < 16 & s.n > 0; i++) { }             | 25 | a loop condition that does not start with a bound on i
            for (int i = 0; i != 16; i++) { }                      | 25 | a loop condition that does not start with a bound on i
            for (int i = 0; i < helper(3); i++) { }                | 25 | a loop condition that does not start with a bound on i
            for (int i = 0; i <= Integer.MAX_VALUE; i++) { }       | 25 | a loop condition that does not start with a bound on i
            for (int i = 0; i < 16; ) { i++; }                     | 9  | a loop update that is not one constant step of i
            for (int i = 0; i < 16; i += s.n) { }                  | 33 | a loop update that is not one constant step of i (i++, i--, i += 2)
            for (int i = 0; i < 16; i = i + 1) { }                 | 33 | a loop update that is not one constant step of i
            for (int i = 0; i < 16; i--) { }                       | 33 | a loop whose update steps i away from its bound is not supported in handler code
            for (int i = 16; i > 0; i++) { }                       | 33 | a loop whose update steps i away from its bound
            for (int i = 0; i < 16; i++) { i--; }                  | 40 | changing the loop counter i inside the loop is not supported in handler code; the update alone steps it
            for (int i = 0; i < 16; i++) { i = 0; }                | 40 | changing the loop counter i inside the loop
            for (int i = 0, j = 0; i < 16; i++) { }                | 14 | a for loop without one int counter declared and started in it
            for (long i = 0; i < 16; i++) { }                      | 14 | a for loop without one int counter declared and started in it
            """)
    void rejectsLoopsWithoutABound(String statement, int column, String message) {
        Compilation c = withBody(statement);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(c.sourceFiles().get(0)).onLine(8).atColumn(column);
    }

    @org.junit.jupiter.api.Test
    void aHelperLoopBoundedByAParameterIsAnErrorInTheHelper() {
        Compilation c = withBody("count(c, 3);");
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("a loop condition that does not start with a bound on i")
                .inFile(c.sourceFiles().get(0)).onLine(11).atColumn(55);
    }
}
