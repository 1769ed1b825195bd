package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Every misuse of @Framed, @OnFrame and @OnOversize is a compile error on the annotation, value or method. */
class FramingErrorsTest {

    private static final String IMPORTS = "package example;\nimport io.espgen.dsl.*;\n";

    private static Compilation compile(String body) {
        return Espgen.compileSource("example.Bad", IMPORTS + body);
    }

    @Test
    void aFramedServerNeedsExactlyOneWayToEndAFrame() {
        for (String framed : new String[] {"@Framed", "@Framed(delimiter = \"\\n\", fixedSize = 4)",
                "@Framed(lengthPrefix = 2, fixedSize = 4)"}) {
            Compilation c = compile(framed + """

                    @TcpServer(port = 80)
                    public class Bad {
                        @OnFrame void f(Connection c, Bytes frame) {}
                    }
                    """);
            assertThat(c).hadErrorContaining("@Framed needs exactly one way to end a frame: delimiter = \"\\n\"")
                    .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(1);
        }
    }

    @Test
    void sizesAreCheckedOnTheirValues() {
        Compilation c = compile("""
                @Framed(delimiter = "\\n", maxFrameBytes = 5000, pauseAboveBytes = 20000)
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                }
                """);
        assertThat(c).hadErrorContaining("@Framed(maxFrameBytes = 5000) is out of range: it must be 1 to 4096 bytes")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(43);
        assertThat(c).hadErrorContaining(
                "@Framed(pauseAboveBytes = 20000) must be -1 (half the send queue) or 0 to sendQueueBytes = 12288")
                .inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void aLengthPrefixIsOneTwoOrFourBytesAndLongEnoughForTheLongestFrame() {
        Compilation c = compile("""
                @Framed(lengthPrefix = 3)
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                }
                """);
        assertThat(c).hadErrorContaining("@Framed(lengthPrefix = 3) must be 1, 2 or 4").inFile(c.sourceFiles().get(0))
                .onLine(3).atColumn(24);
        c = compile("""
                @Framed(lengthPrefix = 1, maxFrameBytes = 300)
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                }
                """);
        assertThat(c).hadErrorContaining("@Framed(maxFrameBytes = 300) cannot be reached with lengthPrefix = 1")
                .inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void aDelimiterIsOneToEightBytes() {
        Compilation c = compile("""
                @Framed(delimiter = "123456789")
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                }
                """);
        assertThat(c).hadErrorContaining("@Framed(delimiter) has 9 characters; a delimiter is 1 to 8 bytes")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(21);
        c = compile("""
                @Framed(delimiter = "\\u20ac")
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                }
                """);
        assertThat(c).hadErrorContaining("@Framed(delimiter) may only hold characters 0 to 255")
                .inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void fixedSizeFramesAreNeverOversized() {
        Compilation c = compile("""
                @Framed(fixedSize = 8, onOversize = OversizePolicy.DISCARD)
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                }
                """);
        assertThat(c).hadErrorContaining("@Framed(onOversize) has no meaning with fixedSize")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(51);
    }

    @Test
    void aFramedServerNeedsOnFrameAndCannotHaveOnReceive() {
        Compilation c = compile("""
                @Framed(delimiter = "\\n")
                @TcpServer(port = 80)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes data) {}
                }
                """);
        assertThat(c).hadErrorContaining("a @Framed server hands each frame to an @OnFrame handler: add one")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(1);
        assertThat(c).hadErrorContaining("a @Framed server receives whole frames: use @OnFrame instead of @OnReceive")
                .inFile(c.sourceFiles().get(0)).onLine(6).atColumn(5);
    }

    @Test
    void frameHandlersNeedFraming() {
        Compilation c = compile("""
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                    @OnOversize void o(Connection c) {}
                }
                """);
        assertThat(c).hadErrorContaining("this handler needs frames: declare them on the server class with "
                + "@Framed(delimiter = \"\\n\")").inFile(c.sourceFiles().get(0)).onLine(5).atColumn(5);
        assertThat(c).hadErrorContaining("this handler needs frames").inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void onOversizeOnlyWhereOversizedFramesAreDropped() {
        Compilation c = compile("""
                @Framed(delimiter = "\\n")
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                    @OnOversize void o(Connection c) {}
                }
                """);
        assertThat(c).hadErrorContaining("@OnOversize is called only for a dropped frame: set "
                + "@Framed(onOversize = OversizePolicy.DISCARD)").inFile(c.sourceFiles().get(0)).onLine(7).atColumn(5);
    }

    @Test
    void onOversizeTakesNoBytes() {
        Compilation c = compile("""
                @Framed(delimiter = "\\n", onOversize = OversizePolicy.DISCARD)
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) {}
                    @OnOversize void o(Connection c, Bytes data) {}
                }
                """);
        assertThat(c).hadErrorContaining("@OnOversize cannot supply a parameter of type io.espgen.dsl.Bytes")
                .inFile(c.sourceFiles().get(0)).onLine(7);
    }

    @Test
    void aWellFramedServerCompilesCleanly() {
        Compilation c = compile("""
                @Framed(lengthPrefix = 2, maxFrameBytes = 1000, onOversize = OversizePolicy.DISCARD,
                        pauseAboveBytes = 0)
                @TcpServer(port = 80)
                public class Bad {
                    @OnFrame void f(Connection c, Bytes frame) { c.send(frame); }
                    @OnOversize void o(Connection c) { c.send("too long"); }
                }
                """);
        assertThat(c).succeededWithoutWarnings();
    }
}
