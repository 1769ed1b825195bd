package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.host.HostFirmware;
import io.espgen.maven.EchoSample;
import io.espgen.maven.EspException;
import io.espgen.maven.compile.SourceTree;
import io.espgen.sdkhost.StandInSdk;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** esp.stack: which stack esp:run serves on, and the SDK stack serving the echo sample (on a stand-in SDK). */
class HostStackTest {
    private static final File SDK = new File("/any/sdk");

    @Test
    void unsetItIsTheSdkStackWhenAnSdkIsSetAndNoSanitizerIsAskedFor() throws EspException {
        assertThat(HostStack.choose(null, null, false)).isEqualTo(HostStack.EMULATION);
        assertThat(HostStack.choose(null, SDK, false)).isEqualTo(HostStack.SDK);
        assertThat(HostStack.choose(" ", SDK, false)).isEqualTo(HostStack.SDK);
        assertThat(HostStack.choose(null, SDK, true)).isEqualTo(HostStack.EMULATION);
    }

    @Test
    void anExplicitChoiceIsKeptOrRefusedWithTheReason() throws EspException {
        assertThat(HostStack.choose("emulation", SDK, false)).isEqualTo(HostStack.EMULATION);
        assertThat(HostStack.choose("sdk", SDK, false)).isEqualTo(HostStack.SDK);
        assertThatThrownBy(() -> HostStack.choose("sdk", null, false)).isInstanceOf(EspException.class)
                .hasMessageContaining("set esp.sdkDir");
        assertThatThrownBy(() -> HostStack.choose("sdk", SDK, true)).hasMessageContaining("esp.sanitize works with"
                + " esp.stack=emulation only");
        assertThatThrownBy(() -> HostStack.choose("lwip", SDK, false)).hasMessageContaining("esp.stack=lwip is not a"
                + " stack");
    }

    @Test
    @Timeout(600)
    void theSdkStackServesTheEchoSampleThroughSlirp(@TempDir Path tmp) throws Exception {
        SourceTree tree = SourceTree.scan(EchoSample.generate(tmp));
        List<Path> sources = tree.sources().stream().map(tree.root()::resolve).toList();
        Path sdk = StandInSdk.write(Path.of(System.getProperty("espgen.buildDir", "target"), "sdk-standin"));
        Path exe = HostStack.SDK.build(sources, tree.includeDirs(), tmp.resolve("espgen"), sdk.toFile(), false,
                List.of());
        assertThat(exe).isEqualTo(tmp.resolve("espgen/sdk-host/firmware"));
        try (HostFirmware.Running fw = HostFirmware.start(exe, List.of("--any-port", "--exit-after-ms", "120000"),
                Map.of(), Duration.ofSeconds(60))) {
            assertThat(fw.stdout()).contains("espgen-sdk-host: Espressif's espconn and lwIP");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fw.port(7777))) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                assertThat(new String(in.readNBytes(9), StandardCharsets.US_ASCII)).isEqualTo("welcome\r\n");
                out.write("echo me\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(new String(in.readNBytes(8), StandardCharsets.US_ASCII)).isEqualTo("echo me\n");
            }
            fw.awaitStdout("bye, echoed 8 bytes", Duration.ofSeconds(20));
            assertThat(fw.stop()).isZero();
            assertThat(fw.stdout()).contains("espgen-host: heap: 0 live allocations, 0 bytes");
        }
    }
}
