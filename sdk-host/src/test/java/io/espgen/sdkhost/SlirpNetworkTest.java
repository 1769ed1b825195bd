package io.espgen.sdkhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Real TCP connections from this JVM to 127.0.0.1, through the slirp helper's host forward and the socket pair, into
 * the 32-bit firmware's (stand-in) stack and back (echo_fw.c).
 */
class SlirpNetworkTest {

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        assertThat(b).as("bytes before the end of the stream").hasSize(n);
        return b;
    }

    @Test
    void aClientIsGreetedEchoedAndItsEndReachesTheFirmware() throws Exception {
        try (HostFirmware.Running fw = TestBuilds.start("echo_fw", "--any-port")) {
            int port = fw.port(7000);
            assertThat(port).isNotEqualTo(7000).isPositive();
            for (int round = 0; round < 2; round++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    assertThat(new String(readExactly(in, 6))).isEqualTo("hello\n");
                    byte[] data = new byte[3000];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (byte) (i * 7);
                    }
                    out.write(data);
                    out.flush();
                    assertThat(Arrays.equals(readExactly(in, data.length), data)).as("echoed byte for byte").isTrue();
                }
                int connects = round + 1;
                fw.awaitStdout("(?s)(echo: disconnect \\d+\\n.*){" + connects + "}", TestBuilds.WAIT);
            }
            assertThat(fw.stdout()).containsPattern("echo: connect \\d+\\n").doesNotContain("echo: error");
            assertThat(fw.stop()).isZero();
            assertThat(fw.stdout()).contains("espgen-host: heap: 0 live allocations, 0 bytes");
        }
    }

    @Test
    void aPortMappingServesTheFirmwarePortOnTheHostPortGiven() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        try (HostFirmware.Running fw = TestBuilds.start("echo_fw", "--port", "7000=" + free)) {
            assertThat(fw.port(7000)).isEqualTo(free);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), free)) {
                s.setSoTimeout(10_000);
                assertThat(new String(readExactly(s.getInputStream(), 6))).isEqualTo("hello\n");
            }
        }
    }

    @Test
    void aHostPortInUseStopsTheFirmwareWithExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestBuilds.Ended run = TestBuilds.runToExit("echo_fw", "--port", "7000=" + taken.getLocalPort());
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (firmware port 7000)")
                    .doesNotContain("espgen-host: ready");
        }
    }
}
