package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The server class's fields (state all clients share, constants, constant tables) are checked where they are
 * declared, and every rejected construct says what to write instead.
 */
class ServerFieldsTest {

    /** A server whose field declaration is on line 5 and whose @OnReceive body is on line 7. */
    private static Compilation with(String field, String statement) {
        return Espgen.compileSource("example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    %s
                    @OnReceive void r(Connection c, Bytes d) {
                        %s
                    }
                    static final String PAGE = "page";
                    static int hits;
                    static final byte[] HEX = {'0', '1'};
                }
                """.formatted(field, statement));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            int count;                          | 5 | 9  | instance field count of the server class is neither per connection nor shared: make it static for state all clients share (static int count;), or move it to the state class
            static String name;                 | 5 | 19 | static field name is a String that changes, and the firmware has no String values: make it static final for a constant, or keep the text in a shared byte array
            static Object lock;                 | 5 | 19 | static field lock has type java.lang.Object, which has no fixed C layout: state shared by all clients may be boolean
            static int[][][] cube;              | 5 | 22 | static field cube has type int[][][], which has no fixed C layout
            static final Object K = null;       | 5 | 25 | static final field K has type java.lang.Object: constants are primitives, Strings or tables of primitives
            static int n = d();                 | 5 | 20 | static field n must start at a constant
            static int[] buf = new int[5000];   | 5 | 24 | static field buf must start at a constant (a literal or a static final constant), or, for an array, be new T[N] or new T[N][M] with constant sizes of at least 1 and at most 4096 elements in all
            static int[][] g = new int[100][100]; | 5 | 24 | static field g must start at a constant
            static final int N = d();           | 5 | 26 | static final N must be a constant: literals, other constants, arithmetic on them and CONSTANT.length() of a String constant; for a value that changes, drop final
            static final long[] T = {1L};       | 5 | 29 | constant table T is a long[]: flash tables hold boolean, byte, short, char or int
            static int d() { return 1; }        | 7 | 17 | the call Integer.parseInt() is not supported in handler code; parse received bytes with data.parseInt(from, to, failure)
            """)
    void declarationsAreCheckedWhereTheyStand(String field, int line, int column, String message) {
        String statement = field.contains("d()") && !field.startsWith("static int d") ? "" : "int x = Integer.parseInt(\"1\");";
        Compilation c = with(field, statement);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(c.sourceFiles().get(0)).onLine(line).atColumn(column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HEX[0] = 2;                      | 9  | writing into the constant table HEX is not supported in handler code; it lives in flash
            c.send(HEX, 0, 1);               | 16 | passing the constant table HEX as an array is not supported in handler code; it lives in flash
            String s = Integer.toString(2);  | 20 | the call Integer.toString() is not supported in handler code; send a number with c.sendDecimal(n)
            c.send(Integer.toHexString(2));  | 16 | the call Integer.toHexString() is not supported in handler code; send it with c.sendHex(n)
            c.connections();                 | 9  | connections() outside a for-each loop is not supported in handler code; loop over them
            Object st = c.state();           | 9  | a local of type Object is not supported
            """)
    void handlerCodeSaysWhatToWriteInstead(String statement, int column, String message) {
        Compilation c = with("static int unused;", statement);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(c.sourceFiles().get(0)).onLine(7).atColumn(column);
    }

    @Test
    void aRecordAsStateIsToldToBeAStaticClass() {
        Compilation c = Espgen.compileSource("example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    record Session(int n) {}
                    @OnReceive void r(Connection c, Session s, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("the record Session cannot be the per-connection state: its fields are "
                + "final and handlers change the state; write a static class (static class Session { int count; })")
                .inFile(c.sourceFiles().get(0)).onLine(6).atColumn(45);
    }

    @Test
    void aStaticFieldOfTheStateClassIsToldWhereSharedStateGoes() {
        Compilation c = Espgen.compileSource("example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Bad {
                    static class Session { static int total; }
                    @OnReceive void r(Connection c, Session s, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("static field total is not per connection; state all clients share is a "
                + "static field of the server class (static int total;)").inFile(c.sourceFiles().get(0)).onLine(5);
    }

    @Test
    void constantsDerivedFromLengthsAreConstants() {
        Compilation c = Espgen.compileSource("example.Lengths", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Lengths {
                    static final String PAGE = "<html>hi</html>";
                    static final int PAGE_LEN = PAGE.length();
                    static final int TWICE = PAGE_LEN * 2 + "ab".length();
                    static byte[] copy = new byte[TWICE];
                    @OnReceive void r(Connection c, Bytes d) {
                        c.sendDecimal(PAGE_LEN + TWICE + PAGE.length() + copy.length);
                        c.sendHex(-1);
                    }
                }
                """);
        assertThat(c).succeededWithoutWarnings();
        Map<String, String> files = Espgen.generatedC(c);
        assertThat(files.get("lengths/lengths.c")).contains("#define LENGTHS_PAGE_LEN 15", "#define LENGTHS_TWICE 32",
                "static sint8 lengths_copy[32];", "15 /* PAGE.length() */",
                "espgen_send_decimal(srv, c, LENGTHS_PAGE_LEN + LENGTHS_TWICE + 15 /* PAGE.length() */ + 32)",
                "espgen_send_hex(srv, c, -1)");
    }

    @Test
    void aServerNamedLikeAnSdkNamespaceIsRenamed() {
        Compilation c = Espgen.compileSource("example.Espconn", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80)
                public class Espconn {
                    @OnReceive void r(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("a server named Espconn would name its C functions and macros espconn_..., "
                + "as the SDK or espgen's runtime name theirs: rename the class (EspconnServer, for instance)")
                .inFile(c.sourceFiles().get(0)).onLine(4);
    }
}
