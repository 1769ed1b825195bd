package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.espgen.dsl.TcpServer;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code <Server>Firmware}: {@code startOnJvm} only where the JVM reference is on the class path,
 * so a project with {@code espgen-jvm-reference} on test scope still compiles its main sources.
 */
class JavaCompanionTest {

    private static final String ECHO = """
            package example;
            import io.espgen.dsl.*;
            @TcpServer(port = 7777, maxConnections = 3)
            public class Echo {
                @OnReceive void echo(Connection c, Bytes data) { c.send(data); }
            }
            """;

    private static String companion(Compiler compiler) throws IOException {
        Compilation c = compiler.withProcessors(new EspgenProcessor())
                .compile(JavaFileObjects.forSourceString("example.Echo", ECHO));
        assertThat(c).succeededWithoutWarnings();
        return c.generatedSourceFile("example.EchoFirmware").orElseThrow().getCharContent(true).toString();
    }

    @Test
    void withTheJvmReferenceOnTheClassPathItStartsTheServerThere() throws IOException {
        String source = companion(javac());
        assertThat(source).contains("public static final int PORT = 7777;", "public static final int MAX_CONNECTIONS = 3;",
                "public static JvmServer startOnJvm(int port) throws IOException",
                "return JvmServer.start(Echo.class, port);");
    }

    @Test
    void withoutItTheCompanionHoldsOnlyTheFirmwaresFacts() throws Exception {
        File dslOnly = new File(TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String source = companion(javac().withClasspath(List.of(dslOnly)));
        assertThat(source).contains("public static final int PORT = 7777;")
                .doesNotContain("startOnJvm", "io.espgen.dsl.jvm");
    }
}
