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
 * so a project with {@code espgen-jvm-reference} on test scope still compiles its main sources; {@code startOnHost}
 * always (its work is done by espgen-host-runner, found when called), with the firmware's C in the class output.
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
    void itAlwaysStartsTheFirmwareOnTheHostThroughTheDslsHostFirmware() throws Exception {
        File dslOnly = new File(TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String source = companion(javac().withClasspath(List.of(dslOnly)));
        assertThat(source).contains("import io.espgen.dsl.host.HostFirmware;",
                "public static HostFirmware startOnHost() {", "return startOnHost(0);",
                "public static HostFirmware startOnHost(int port) {",
                "return HostFirmware.start(Echo.class, PORT, port);",
                "public static HostFirmware startOnHost(HostFirmware.Target target) {",
                "return HostFirmware.start(Echo.class, PORT, 0, target);",
                "whatever {@code -Despgen.target} says",
                "built for the SDK {@code -Despgen.target} names ({@code nonos} when unset, or {@code rtos})");
    }

    @Test
    void theFirmwaresFilesGoToTheClassOutputTooWithAnIndex() throws IOException {
        Compilation c = javac().withProcessors(new EspgenProcessor())
                .compile(JavaFileObjects.forSourceString("example.Echo", ECHO));
        assertThat(c).succeededWithoutWarnings();
        String index = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "espgen/firmware.list")
                .orElseThrow().getCharContent(true).toString();
        assertThat(index.lines().filter(l -> !l.startsWith("#")).toList())
                .contains("echo/echo.c", "echo/echo.h", "user_main.c", "servers.list")
                .doesNotContain("firmware.list")
                .isSorted();
        for (String file : index.lines().filter(l -> !l.startsWith("#")).toList()) {
            String inClasses = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "espgen/" + file)
                    .orElseThrow().getCharContent(true).toString();
            String inSources = c.generatedFile(javax.tools.StandardLocation.SOURCE_OUTPUT, "espgen/" + file)
                    .orElseThrow().getCharContent(true).toString();
            assertThat(inClasses).as(file).isEqualTo(inSources);
        }
    }

    @Test
    void withoutItTheCompanionHoldsOnlyTheFirmwaresFacts() throws Exception {
        File dslOnly = new File(TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String source = companion(javac().withClasspath(List.of(dslOnly)));
        assertThat(source).contains("public static final int PORT = 7777;")
                .doesNotContain("startOnJvm", "io.espgen.dsl.jvm");
    }
}
