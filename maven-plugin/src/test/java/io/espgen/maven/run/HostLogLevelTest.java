package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import io.espgen.maven.EchoSample;
import io.espgen.maven.compile.CompileOptions;
import io.espgen.maven.compile.SourceTree;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * esp:run builds the host firmware with the level {@code esp.logLevel} names, as esp:firmware builds the chip's
 * (RunMojo passes {@link CompileOptions#logLevelDefine()} to {@link HostStack#build}): DEBUG shows Log.debug
 * lines on the host, NONE leaves every line out.
 */
class HostLogLevelTest {

    private static final String SERVER = """
            package loglevel;

            import io.espgen.dsl.*;

            @TcpServer(port = 7421, maxConnections = 1)
            public class LogLevels {
                @OnConnect
                void hello(Connection c) {
                    Log.debug("debug line %d", 1);
                    Log.info("info line %d", 2);
                    Log.error("error line %d", 3);
                    c.send("hi\\n");
                }
            }
            """;

    @ParameterizedTest(name = "esp.logLevel={0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEBUG | true  | true  | true
            INFO  | false | true  | true
            ERROR | false | false | true
            NONE  | false | false | false
            """)
    @Timeout(300)
    void theLevelDecidesWhichLinesTheHostPrints(String level, boolean debug, boolean info, boolean error,
            @TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src/loglevel/LogLevels.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SERVER);
        SourceTree tree = SourceTree.scan(EchoSample.generate(tmp.resolve("build"), tmp.resolve("src")));
        List<Path> sources = tree.sources().stream().map(tree.root()::resolve).toList();
        List<String> defines = CompileOptions.of(0, null, level).logLevelDefine();
        Path exe = HostStack.EMULATION.build(sources, tree.includeDirs(), tmp.resolve("out"), null, false, defines);
        String stdout;
        try (HostFirmware.Running fw = HostFirmware.start(exe, List.of("--any-port"), Map.of(),
                Duration.ofSeconds(60))) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fw.port(7421))) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                // the handler logged before it sent: its lines are out once "hi" arrives
                assertThat(new String(in.readNBytes(3), StandardCharsets.US_ASCII)).isEqualTo("hi\n");
            }
            assertThat(fw.stop()).isZero();
            stdout = fw.stdout();
        }
        assertThat(stdout.contains("debug line 1")).as("debug line in:\n" + stdout).isEqualTo(debug);
        assertThat(stdout.contains("info line 2")).as("info line in:\n" + stdout).isEqualTo(info);
        assertThat(stdout.contains("error line 3")).as("error line in:\n" + stdout).isEqualTo(error);
    }

    @Test
    void infoIsTheDefaultAndAddsNoDefine() throws Exception {
        assertThat(CompileOptions.of(0, null, null).logLevelDefine()).isEmpty();
        assertThat(CompileOptions.of(0, null, "debug").logLevelDefine()).containsExactly("-DESPGEN_LOG_LEVEL=4");
        assertThat(CompileOptions.of(0, null, "NONE").logLevelDefine()).containsExactly("-DESPGEN_LOG_LEVEL=0");
    }
}
