package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Java outside the handler subset is a compile error at the construct's line and column. */
class TranslationErrorsTest {

    /** The compiler the suite runs under; {@code Ecj}{@link TranslationErrorsTest} runs it all again under ECJ. */
    Espgen.Host host() {
        return Espgen.Host.JAVAC;
    }


    /** A server whose @OnReceive body is {@code statement}, on line 6 at column 9. */
    private Compilation withBody(String statement) {
        return Espgen.compileSource(host(), "example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {
                        %s
                    }
                    static final int LIMIT = 10;
                    static final double RATIO = 0.5;
                    static class Helper {}
                }
                """.formatted(statement));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Object o = new Object();                  | 20 | object creation (new Object) is not supported in handler code; the firmware has no heap
            Runnable r = () -> {};                     | 22 | a lambda is not supported in handler code; write a method of the server class
            try { c.close(); } finally { }             | 9  | a try statement is not supported in handler code; the firmware has no exceptions
            throw new IllegalStateException();         | 9  | throw is not supported in handler code; the firmware has no exceptions
            double x = 1.5;                            | 9  | floating point (double) is not supported in handler code; the ESP8266 has no FPU
            int x = (int) RATIO;                       | 23 | floating point is not supported in handler code; the ESP8266 has no FPU
            switch ("a") { default: break; }           | 17 | a switch on a String is not supported in handler code; handler code has no String values
            String s = "x";                            | 9  | a String variable is not supported in handler code
            c.send("a" + d.length());                  | 16 | string concatenation is not supported in handler code
            synchronized (this) { }                    | 9  | synchronized is not supported in handler code; handlers run one at a time
            for (int i : new int[3]) { }               | 22 | a for-each loop over this is not supported in handler code; loop over the received Bytes or a state array
            System.out.println(1);                     | 9  | the call PrintStream.println() is not supported in handler code; handlers may call Connection, Bytes, Text, Log, Timers, Math.min/max/abs and the server's own methods
            Thread.yield();                            | 9  | the call Thread.yield() is not supported in handler code
            int n = d.length() + c.hashCode();         | 30 | the call Object.hashCode() is not supported in handler code
            Log.info("%d and %d", 1);                  | 18 | log format: %d has no argument
            Log.info("%d", 'x');                       | 24 | log format: %d needs an int, not a char
            Log.info("%f", 1);                         | 18 | log format: %f is not supported
            Log.info("%d", 1, 2);                      | 27 | log format: more arguments than conversions in the format
            Log.info("%d", 5L);                        | 24 | log format: %d needs an int, not a long (the SDK's printf cannot print 64-bit values; cast to int)
            int n = 0; Log.debug("%d", n++);           | 36 | a Log argument that changes something or calls a method of the server is not supported in handler code; compute the value into a local in a statement of its own and log the local: a build with a lower esp.logLevel leaves the call out, arguments and all
            Object o = null;                           | 9  | a local of type Object is not supported in handler code
            int[] a = new int[4];                      | 19 | array creation is not supported in handler code; the firmware has no heap
            Class<?> k = Helper.class;                 | 9  | a local of type Class<?> is not supported in handler code
            outer: while (true) { break outer; }       | 9  | a labeled statement is not supported in handler code
            int[] a = null;                            | 9  | a local of type int[] is not supported in handler code
            String t = d.toString();                   | 9  | a String variable is not supported in handler code
            c.send(d.toString());                      | 16 | sending a String that is not a constant is not supported in handler code
            """)
    void rejectsAtTheConstruct(String statement, int column, String message) {
        Compilation c = withBody(statement);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(c.sourceFiles().get(0)).onLine(6).atColumn(column);
    }

    /** A server with a state class, a helper zone on lines 9 onwards, and the handler body on line 7. */
    private Compilation withHelpers(String statement, String members) {
        return Espgen.compileSource(host(), "example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    static class S { byte[] buf = new byte[8]; int n; }
                    @OnReceive void r(Connection c, S s, Bytes d) {
                        %s
                    }
                %s
                }
                """.formatted(statement, members));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            int x = f(3);              | int f(int n) { return n == 0 ? 0 : f(n - 1); }                        | 9  | 36 | recursion (f() → f()) is not supported in handler code; the chip's stack is a few KiB: write a loop
            int x = a(1);              | int a(int n) { return b(n); } int b(int n) { return a(n); }          | 9  | 53 | recursion (a() → b() → a()) is not supported
            s.buf[s.n++] = 1;          | void unused() {}                                                     | 7  | 15 | an array index with side effects is not supported in handler code; compute the index into a local first
            int y = s.buf[d.copyTo(0, 1, s.buf, 0)];  | void unused() {}                                      | 7  | 23 | an array index with side effects is not supported
            int x = s.n + (s.buf[0] = 2);  | void unused() {}                                                 | 7  | 24 | assigning to an array element inside an expression is not supported in handler code; make the assignment a statement of its own
            int x = v();               | void v() {}                                                          | 7  | 17 | using a void method as a value is not supported
            long q = 1; switch (q) { default: break; }  | void unused() {}                                    | 7  | 29 | a switch on long is not supported in handler code; switch on an int, short, byte or char, or on a ConnectionError
            int x = g("a");            | int g(String t) { return 1; }                                        | 9  | 7  | a parameter of type String is not supported in handler code; helpers take primitives
            int x = h(1);              | <T> int h(int t) { return 1; }                                       | 9  | 9  | a generic method is not supported in handler code
            int x = k(1);              | String k(int t) { return "x"; }                                       | 9  | 1  | a method returning String is not supported in handler code; return boolean, byte, short, char, int or long
            int x = (int) Math.sqrt(4);  | void unused() {}                                                   | 7  | 23 | floating point is not supported in handler code; the ESP8266 has no FPU
            int x = Math.min(1L, 2L) > 0 ? 1 : 0; Object o = s; | void unused() {}                          | 7  | 47 | a local of type Object is not supported
            Text.append(s.buf, 0, d.toString()); | void unused() {}                                           | 7  | 31 | sending a String that is not a constant is not supported
            for (byte b : s) { }       | void unused() {}                                                     | 7  | 23 | a for-each loop over this is not supported
            s.buf = null;              | void unused() {}                                                     | 7  | 17 | null is not supported in handler code; there are no references in handler code
            c.send(s.buf, 0, s.n); int[] w = null; | void unused() {}                                         | 7  | 32 | a local of type int[] is not supported
            int x = s.n++ + ++s.n;     | void unused() {}                                                     | 7  | 17 | operands with side effects that C may evaluate in another order than Java's left to right is not supported in handler code; give each side effect a statement of its own
            int x = f(s) - f(s);       | int f(S t) { t.n++; return t.n; }                                    | 7  | 17 | operands with side effects that C may evaluate in another order
            int x = g(f(s), s.n);      | int f(S t) { return t.n++; } int g(int a, int b) { return a - b; }   | 7  | 17 | operands with side effects that C may evaluate in another order
            s.n += f(s);               | int f(S t) { t.n = 5; return 1; }                                    | 7  | 9  | operands with side effects that C may evaluate in another order
            """)
    void rejectsAroundHelpersAndArrays(String statement, String members, int line, int column, String message) {
        Compilation c = withHelpers(statement, members);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(c.sourceFiles().get(0)).onLine(line).atColumn(column);
    }

    @Test
    void reportsEveryViolationOfOneCompile() {
        Compilation c = Espgen.compileSource(host(), "example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    @OnConnect void hello(Connection c) {
                        Object a = new Object();
                    }
                    @OnReceive void r(Connection c, Bytes d) {
                        double x = 2.0;
                        Runnable r = () -> {};
                    }
                }
                """);
        assertThat(c).hadErrorCount(3);
        assertThat(c).hadErrorContaining("object creation").inFile(c.sourceFiles().get(0)).onLine(6);
        assertThat(c).hadErrorContaining("floating point").inFile(c.sourceFiles().get(0)).onLine(9);
        assertThat(c).hadErrorContaining("a lambda").inFile(c.sourceFiles().get(0)).onLine(10);
    }

    @Test
    void noFilesAreWrittenWhenThereAreErrors() {
        Compilation c = withBody("Object o = new Object();");
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        org.assertj.core.api.Assertions.assertThat(c.diagnostics()).noneMatch(
                d -> d.getSource() != null && d.getSource().getName().contains("espgen"));
    }

    @Test
    void anIgnoredSendResultUnderRefuseIsAWarningAtTheCall() {
        Compilation c = Espgen.compileSource(host(), "example.Warn", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80, onQueueFull = QueueFullPolicy.REFUSE)
                public class Warn {
                    @OnReceive void r(Connection c, Bytes d) {
                        c.send(d);
                    }
                }
                """);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("with onQueueFull = REFUSE, a send that does not fit the queue is dropped")
                .inFile(c.sourceFiles().get(0)).onLine(6).atColumn(9);
    }
}
