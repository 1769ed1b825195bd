package io.espgen.host.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.dsl.TcpServer;
import io.espgen.dsl.host.HostFirmware;
import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.generator.EspgenProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The target a firmware is started for: the companion's {@code startOnHost(Target)}, else {@code -Despgen.target},
 * else NONOS. This module's own test firmware declares pins, which the FreeRTOS target has not yet, so the server
 * started on both targets is a second firmware: {@link #HELLO}, compiled here with the processor as a user's build
 * compiles it, and loaded beside this module's test classes.
 */
class TargetChoiceTest {

    /** A pin-free server; its port is this test's own (started on a free port all the same). */
    private static final String HELLO = """
            package both;
            import io.espgen.dsl.*;
            @TcpServer(port = 7990, maxConnections = 2)
            public class Hello {
                static class Visit { int echoed; }
                @OnConnect void hello(Connection c, Visit v) { c.send("hello\\r\\n"); }
                @OnReceive void echo(Connection c, Visit v, Bytes data) { v.echoed += data.length(); c.send(data); }
                @OnDisconnect void bye(Connection c, Visit v) { Log.info("hello: bye, echoed %d bytes", v.echoed); }
            }
            """;

    private static Class<?> companion;

    @BeforeAll
    static void compileTheSecondFirmware() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path testClasses = Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path out = Files.createDirectories(testClasses.resolveSibling("target-choice/classes"));
        Path sources = Files.createDirectories(testClasses.resolveSibling("target-choice/sources"));
        Path dsl = Path.of(TcpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(sources));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(dsl));
            JavaFileObject source = new SimpleJavaFileObject(java.net.URI.create("string:///both/Hello.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return HELLO;
                }
            };
            JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null,
                    List.of("--release", "17"), null, List.of(source));
            task.setProcessors(List.of(new EspgenProcessor()));
            assertThat(task.call()).as("javac with the espgen processor:\n%s", diagnostics).isTrue();
        }
        // a child of this module's loader: the host runner's service and the DSL come from there
        URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                TargetChoiceTest.class.getClassLoader());
        companion = loader.loadClass("both.HelloFirmware");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theCompanionStartsTheFirmwareForTheTargetItNamesAndClientsSeeTheSameBytes(Target target)
            throws Exception {
        try (HostFirmware fw = (HostFirmware) companion.getMethod("startOnHost", Target.class)
                .invoke(null, target)) {
            assertThat(((RunningFirmware) fw).process().info().command()).get().asString()
                    .as("the executable HostFirmware.build or buildRtos made")
                    .endsWith(target == Target.RTOS ? "/firmware-rtos-asan" : "/firmware-asan");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fw.port())) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                assertThat(read(in, 7)).isEqualTo("hello\r\n");
                out.write("12345".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(in, 5)).isEqualTo("12345");
            }
            assertThat(fw.awaitLog("hello: bye, echoed 5 bytes")).endsWith("hello: bye, echoed 5 bytes");
        }   // close(): exit 0, no sanitizer report, on either target
    }

    /**
     * A target difference (README, "Where the two targets differ"): the NONOS emulation allocates the SDK's blocks
     * of a connection (espconn_tcp.c: espconn_tcp_accept's espconn_msg, espconn and esp_tcp) on the heap, the
     * FreeRTOS target's sockets are the stack's (the host's kernel here), so only the firmware's own blocks count.
     * Either way a client that left leaves nothing, and the report at exit is the same two lines.
     */
    @ParameterizedTest
    @EnumSource(Target.class)
    void theHeapHoldsTheStacksBlocksOfAConnectionOnNonosOnlyAndNothingOnceItLeft(Target target) throws Exception {
        HostFirmware.Heap atExit;
        try (HostFirmware fw = (HostFirmware) companion.getMethod("startOnHost", Target.class)
                .invoke(null, target)) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fw.port())) {
                assertThat(read(s.getInputStream(), 7)).isEqualTo("hello\r\n");
                HostFirmware.Heap open = fw.heap();
                if (target == Target.NONOS) {
                    assertThat(open.liveAllocations()).as("the SDK's blocks of the open connection").isPositive();
                } else {
                    assertThat(open.liveAllocations()).as("nothing queued, and the socket is the stack's").isZero();
                }
                assertThat(open.freeBytes()).isEqualTo(50 * 1024 - open.liveBytes());
            }
            fw.awaitLog("hello: bye, echoed 0 bytes");
            assertThat(fw.heap().liveAllocations()).as("after the client left").isZero();
            fw.close();
            atExit = fw.heap();
        }
        assertThat(atExit.liveAllocations()).as("leaks").isZero();
        assertThat(atExit.peakBytes()).isPositive();
    }

    @Test
    void thePropertyNamesTheTargetWithThePluginsWordsAndNonosWhenUnset() {
        assertThat(HostRunner.target(null)).isEqualTo(Target.NONOS);
        assertThat(HostRunner.target(" ")).isEqualTo(Target.NONOS);
        assertThat(HostRunner.target("nonos")).isEqualTo(Target.NONOS);
        assertThat(HostRunner.target("rtos")).isEqualTo(Target.RTOS);
        assertThatThrownBy(() -> HostRunner.target("freertos"))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessage("espgen: -Despgen.target=freertos is not a target; write nonos (ESP8266_NONOS_SDK 3.x) or"
                        + " rtos (ESP8266_RTOS_SDK 3.x)");
    }

    @Test
    void theTargetIsPartOfTheBuildsKey() throws IOException {
        FirmwareResources firmware = FirmwareResources.of(Greeter.class).orElseThrow();
        assertThat(BuildCache.key(firmware, Target.RTOS, "gcc"))
                .isNotEqualTo(BuildCache.key(firmware, Target.NONOS, "gcc"))
                .isEqualTo(BuildCache.key(firmware, Target.RTOS, "gcc"));
    }

    @Test
    void aFirmwareWithPinsIsRefusedOnRtosInOneLineNamingTheServerThatDeclaresThem() {
        // Greeter shares its firmware with Counter, which declares pins; the FreeRTOS target has no GPIO layer yet
        // (README: "Where the two targets differ")
        assertThatThrownBy(() -> GreeterFirmware.startOnHost(Target.RTOS))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessage("espgen: pins (Pin, @OnInterrupt, @AfterInterrupt) are not available on the rtos target"
                        + " yet, and the firmware of io.espgen.host.runner.Greeter has them (declared in"
                        + " io.espgen.host.runner.Counter): start it for nonos (startOnHost(HostFirmware.Target.NONOS),"
                        + " or leave -Despgen.target unset)");
    }

    /** Reads exactly n bytes, however TCP cut them. */
    private static String read(InputStream in, int n) throws IOException {
        byte[] buf = in.readNBytes(n);
        assertThat(buf).hasSize(n);
        return new String(buf, StandardCharsets.US_ASCII);
    }
}
