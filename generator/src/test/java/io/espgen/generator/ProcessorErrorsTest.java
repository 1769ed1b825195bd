package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Every misuse the model catches is a compile error on the exact element or value. */
class ProcessorErrorsTest {

    /** The compiler the suite runs under; {@code Ecj}{@link ProcessorErrorsTest} runs it all again under ECJ. */
    Espgen.Host host() {
        return Espgen.Host.JAVAC;
    }


    private static final String IMPORTS = "package example;\nimport io.espgen.dsl.*;\n";

    private Compilation compile(String body) {
        return Espgen.compileSource(host(), "example.Bad", IMPORTS + body);
    }

    @Test
    void portOutOfRangeIsReportedOnTheValue() {
        Compilation c = compile("""
                @TcpServer(port = 70000)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@TcpServer(port = 70000) is out of range: it must be 1 to 65535")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(19);
    }

    @Test
    void portZeroIsRejected() {
        Compilation c = compile("""
                @TcpServer(port = 0)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("@TcpServer(port = 0) is out of range").inFile(c.sourceFiles().get(0))
                .onLine(3);
    }

    @Test
    void maxConnectionsOverTheSdkLimit() {
        Compilation c = compile("""
                @TcpServer(port = 80, maxConnections = 16)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("@TcpServer(maxConnections = 16) is out of range: it must be 1 to 15")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(40);
    }

    @Test
    void maxConnectionsZero() {
        Compilation c = compile("""
                @TcpServer(port = 80, maxConnections = 0)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("@TcpServer(maxConnections = 0) is out of range").inFile(
                c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void idleTimeoutAndChunkLimits() {
        Compilation c = compile("""
                @TcpServer(port = 80, idleTimeoutSeconds = 0, sendChunkSize = 3000)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("@TcpServer(idleTimeoutSeconds = 0) is out of range: it must be 1 to 7200")
                .inFile(c.sourceFiles().get(0)).onLine(3);
        assertThat(c).hadErrorContaining("@TcpServer(sendChunkSize = 3000) is out of range: it must be 1 to 2920")
                .inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void queueSmallerThanAChunk() {
        Compilation c = compile("""
                @TcpServer(port = 80, sendChunkSize = 2920, sendQueueBytes = 1000)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("sendQueueBytes = 1000) must hold at least one chunk")
                .inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void twoHandlersForOneEvent() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    @OnReceive void first(Connection c, Bytes d) {}
                    @OnReceive void second(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("a second @OnReceive handler: first() already handles this event")
                .inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void handlerParameterTheEventCannotSupply() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    @OnConnect void hello(Connection c, Bytes d) {}
                }
                """);
        assertThat(c).hadErrorContaining("@OnConnect cannot supply a parameter of type io.espgen.dsl.Bytes")
                .inFile(c.sourceFiles().get(0)).onLine(5).atColumn(47);
    }

    @Test
    void handlerParameterOfAnUnknownType() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    @OnReceive void r(Connection c, String text) {}
                }
                """);
        assertThat(c).hadErrorContaining("@OnReceive cannot supply a parameter of type java.lang.String")
                .inFile(c.sourceFiles().get(0)).onLine(5);
    }

    @Test
    void oneMethodTwoEvents() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    @OnConnect @OnSent void both(Connection c) {}
                }
                """);
        assertThat(c).hadErrorContaining("a handler serves one event, this one has both @OnConnect and @OnSent")
                .inFile(c.sourceFiles().get(0)).onLine(5);
    }

    @Test
    void handlerMustReturnVoid() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    @OnReceive int r(Connection c, Bytes d) { return 1; }
                }
                """);
        assertThat(c).hadErrorContaining("an @OnReceive handler must return void").inFile(c.sourceFiles().get(0))
                .onLine(5);
    }

    @Test
    void twoServersOnOnePort() {
        Compilation c = Espgen.compile(host(),
                com.google.testing.compile.JavaFileObjects.forSourceString("example.A", IMPORTS + """
                        @TcpServer(port = 80)
                        public class A { @OnReceive void r(Connection c, Bytes d) {} }
                        """),
                com.google.testing.compile.JavaFileObjects.forSourceString("example.B", IMPORTS + """
                        @TcpServer(port = 80)
                        public class B { @OnReceive void r(Connection c, Bytes d) {} }
                        """));
        assertThat(c).hadErrorContaining("port 80 is already used by the @TcpServer example.A");
    }

    @Test
    void stateClassWithAStringField() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    static class State { String name; }
                    @OnConnect void hello(Connection c, State s) {}
                }
                """);
        assertThat(c).hadErrorContaining("state field name has type java.lang.String, which has no fixed C layout")
                .inFile(c.sourceFiles().get(0)).onLine(5).atColumn(33);
    }

    @Test
    void stateClassThatIsAnInnerClass() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    class State { int n; }
                    @OnConnect void hello(Connection c, State s) {}
                }
                """);
        assertThat(c).hadErrorContaining("the state class State cannot be a plain C struct: it must be static")
                .inFile(c.sourceFiles().get(0)).onLine(5);
    }

    @Test
    void stateClassWithAMethod() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    static class State { int n; int twice() { return 2 * n; } }
                    @OnConnect void hello(Connection c, State s) {}
                }
                """);
        assertThat(c).hadErrorContaining("it may only have fields, not a method").inFile(c.sourceFiles().get(0))
                .onLine(5);
    }

    @Test
    void stateArrayWithoutAFixedSize() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    static class State { byte[] buf; }
                    @OnConnect void hello(Connection c, State s) {}
                }
                """);
        assertThat(c).hadErrorContaining("state array buf needs a fixed size").inFile(c.sourceFiles().get(0))
                .onLine(5);
    }

    @Test
    void serverWithoutHandlers() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {}
                """);
        assertThat(c).hadErrorContaining("this @TcpServer has no handler").inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void tooManyConnectionsAcrossServers() {
        Compilation c = Espgen.compile(host(),
                com.google.testing.compile.JavaFileObjects.forSourceString("example.A", IMPORTS + """
                        @TcpServer(port = 80, maxConnections = 10)
                        public class A { @OnReceive void r(Connection c, Bytes d) {} }
                        """),
                com.google.testing.compile.JavaFileObjects.forSourceString("example.B", IMPORTS + """
                        @TcpServer(port = 81, maxConnections = 10)
                        public class B { @OnReceive void r(Connection c, Bytes d) {} }
                        """));
        assertThat(c).hadErrorContaining("allow 20 connections together, more than the SDK's limit of 15");
    }
}
