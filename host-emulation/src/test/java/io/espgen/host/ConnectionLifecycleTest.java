package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection life cycle of lifecycle_fw.c, through real sockets. */
@Timeout(600)
class ConnectionLifecycleTest {

    private static final String FW = "lifecycle_fw";
    private static final int PORT = 7000;

    private static String listenPointer(HostFirmware.Running fw) {
        return fw.awaitStdout("^listen=(\\S+) reverse=(\\S+) accept=0 state=2$", WAIT).group(1);
    }

    private static MatchResult connectLine(HostFirmware.Running fw, int clientPort) {
        return fw.awaitStdout("^connect pcb=(\\S+) (\\w+) state=(\\d+) ip=127\\.0\\.0\\.1 port=" + clientPort
                + " local=127\\.0\\.0\\.1:(\\d+) reverse=(\\S+)$", WAIT);
    }

    @Test
    void everyClientGetsItsOwnEspconnWithItsAddressAndTheListenersCallbacks() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient a = TestClient.connect(fw.port(PORT));
                TestClient b = TestClient.connect(fw.port(PORT))) {
            String listen = listenPointer(fw);
            String reverse = fw.awaitStdout("^listen=\\S+ reverse=(\\S+)", WAIT).group(1);
            MatchResult ca = connectLine(fw, a.localPort());
            MatchResult cb = connectLine(fw, b.localPort());

            assertThat(ca.group(1)).isNotEqualTo(cb.group(1)).isNotEqualTo(listen);
            assertThat(cb.group(1)).isNotEqualTo(listen);
            assertThat(ca.group(2)).isEqualTo("client");
            assertThat(ca.group(3)).isEqualTo("3"); // ESPCONN_CONNECT
            assertThat(ca.group(4)).isEqualTo("7000"); // the firmware's port, not the host's
            assertThat(ca.group(5)).isEqualTo(reverse); // copied from the listening espconn

            a.send("heap");
            MatchResult recv = fw.awaitStdout("^recv pcb=(\\S+) (\\w+) state=(\\d+) len=4 nul=1$", WAIT);
            assertThat(recv.group(1)).isEqualTo(ca.group(1));
            assertThat(recv.group(3)).isEqualTo("5"); // ESPCONN_READ inside the recv callback
            // per connected client a 24-byte session of the firmware's and the SDK's own 344 bytes (tcp_pcb
            // 176, espconn_msg 108, espconn 28, esp_tcp 32); and the receive's copy, "heap" and a NUL, alive
            // while the callback runs (espconn_tcp.c: espconn_server_recv)
            fw.awaitStdout("^free heap=" + (51200 - 2 * 24 - 2 * 344 - 5) + "$", WAIT);
        }
    }

    @Test
    void disconnectCallbackGetsTheListeningEspconnWithTheClientsAddress() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            String listen = listenPointer(fw);
            int clientPort;
            try (TestClient c = TestClient.connect(fw.port(PORT))) {
                clientPort = c.localPort();
                connectLine(fw, clientPort);
            }
            MatchResult d = fw.awaitStdout("^disconnect arg=(\\S+) (\\w+) state=(\\d+) ip=127\\.0\\.0\\.1 port="
                    + clientPort + " reverse=(\\S+)$", WAIT);
            assertThat(d.group(1)).isEqualTo(listen);
            assertThat(d.group(2)).isEqualTo("listen");
            assertThat(d.group(3)).isEqualTo("6"); // ESPCONN_CLOSE
            fw.awaitStdout("^session freed port=" + clientPort + "$", WAIT);
            assertThat(fw.stdout()).doesNotContain("reconnect");
        }
    }

    @Test
    void callbacksRegisteredOnThePerClientEspconnFireWithTheListener() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            int clientPort;
            try (TestClient c = TestClient.connect(fw.port(7001))) {
                clientPort = c.localPort();
                String pcb = fw.awaitStdout("^demo connect pcb=(\\S+)$", WAIT).group(1);
                c.send("hi");
                fw.awaitStdout("^demo recv pcb=" + Pattern.quote(pcb) + " len=2$", WAIT);
            }
            fw.awaitStdout("^demo disconnect arg=listen port=" + clientPort + "$", WAIT);
        }
    }

    @Test
    void aResetByThePeerGivesTheReconnectCallbackWithRst() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            String listen = listenPointer(fw);
            TestClient c = TestClient.connect(fw.port(PORT));
            int clientPort = c.localPort();
            connectLine(fw, clientPort);
            c.reset();
            MatchResult r = fw.awaitStdout("^reconnect arg=(\\S+) (\\w+) err=(-?\\d+) ip=127\\.0\\.0\\.1 port="
                    + clientPort + "$", WAIT);
            assertThat(r.group(1)).isEqualTo(listen);
            assertThat(r.group(3)).isEqualTo("-9"); // ESPCONN_RST
            fw.awaitStdout("^session freed port=" + clientPort + "$", WAIT);
            assertThat(fw.stdout()).doesNotContain("disconnect arg=");
        }
    }

    @Test
    void disconnectFromATaskIsDeliveredLaterFromTheLoop() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            connectLine(fw, c.localPort());
            c.send("quit");
            assertThat(c.drainUntilClosed(WAIT)).isEqualTo(0);
            fw.awaitStdout("^disconnect arg=\\S+ listen state=6 ip=127\\.0\\.0\\.1 port=" + c.localPort(), WAIT);
            String out = fw.stdout();
            int before = out.indexOf("task: before disconnect\n");
            int after = out.indexOf("task: after disconnect ret=0\n");
            int second = out.indexOf("task: second disconnect ret=-5\n"); // ESPCONN_INPROGRESS
            int callback = out.indexOf("disconnect arg=");
            assertThat(before).isNotNegative();
            assertThat(after).isGreaterThan(before);
            assertThat(second).isGreaterThan(after);
            assertThat(callback).as("the disconnect callback runs after espconn_disconnect returned")
                    .isGreaterThan(second);
        }
    }

    @Test
    void receivedDataComesInPiecesOfAtMostOneMssNulTerminated() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            String pcb = connectLine(fw, c.localPort()).group(1);
            byte[] data = new byte[10000];
            java.util.Arrays.fill(data, (byte) 'x');
            c.send(data);
            Pattern recv = Pattern.compile("(?m)^recv pcb=" + Pattern.quote(pcb) + " client state=5 len=(\\d+) nul=(\\d)$");
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<Integer> lens = new ArrayList<>();
            int total = 0;
            while (total < 10000 && System.nanoTime() < deadline) {
                lens.clear();
                total = 0;
                Matcher m = recv.matcher(fw.stdout());
                while (m.find()) {
                    lens.add(Integer.parseInt(m.group(1)));
                    total += Integer.parseInt(m.group(1));
                    assertThat(m.group(2)).isEqualTo("1");
                }
                Thread.sleep(20);
            }
            assertThat(total).isEqualTo(10000);
            assertThat(lens).allSatisfy(n -> assertThat(n).isBetween(1, 1460));
            assertThat(lens.size()).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void echoIsSentAndTheSentCallbackGetsTheClientsEspconn() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            String pcb = connectLine(fw, c.localPort()).group(1);
            c.send("echo hello, world");
            assertThat(c.readText(12)).isEqualTo("hello, world");
            fw.awaitStdout("^send ret=0$", WAIT);
            fw.awaitStdout("^sent pcb=" + Pattern.quote(pcb) + " client state=3$", WAIT);
        }
    }

    @Test
    void aSecondSendBeforeTheSentCallbackIsMaxnumAndOneSendMayBeLong() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            connectLine(fw, c.localPort());
            c.send("twice");
            fw.awaitStdout("^twice ret1=0 ret2=-7$", WAIT);
            assertThat(c.readText(1)).isEqualTo("A");
            fw.awaitStdout("^sent pcb=", WAIT);
            // espconn.c: espconn_send takes up to 65535 bytes; the stack sends them TCP_SND_BUF at a time
            // (espconn_tcp.c: espconn_tcp_sent, espconn_tcp_write) and reports sent once, at the end
            c.send("long");
            fw.awaitStdout("^long ret=0$", WAIT);
            byte[] got = c.read(8192);
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).as("byte %d", i).isEqualTo((byte) ('a' + i % 26));
            }
            // one sent callback for the twice's first send, one for the long one, and no more
            fw.awaitStdout("(?s)^sent pcb=.*^sent pcb=", WAIT);
            assertThat(fw.stdout().split("(?m)^sent pcb=", -1)).hasSize(3);
        }
    }

    /** lwIP's tcp_close_shutdown resets a connection whose receive window is not whole (core/tcp.c). */
    @Test
    void closingWithReceivedBytesNotCreditedResets() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            connectLine(fw, c.localPort());
            c.send("hold-quit");
            fw.awaitStdout("^hold=0$", WAIT);
            c.send("more");
            fw.awaitStdout("^task: after disconnect ret=0$", WAIT);
            assertThat(c.endOfStream(WAIT)).as("a reset, not a FIN").isEqualTo(TestClient.End.RESET);
            assertThat(TestFirmwares.awaitStderr(fw, "not credited")).contains("4 received bytes not credited");
            fw.awaitStdout("^disconnect arg=", WAIT);
        }
    }

    @Test
    void closingAfterAnUnholdEndsWithAFin() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            connectLine(fw, c.localPort());
            c.send("hold-unhold-quit");
            fw.awaitStdout("^hold=0$", WAIT);
            c.send("more");
            fw.awaitStdout("^unhold=0$", WAIT);
            fw.awaitStdout("^task: after disconnect ret=0$", WAIT);
            assertThat(c.endOfStream(WAIT)).as("the window was credited: FIN").isEqualTo(TestClient.End.EOF);
            assertThat(fw.stderr()).doesNotContain("not credited");
        }
    }

    @Test
    void abortInsideTheRecvCallbackClosesAndReportsADisconnect() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            connectLine(fw, c.localPort());
            c.send("abort");
            fw.awaitStdout("^abort ret=0$", WAIT);
            fw.awaitStdout("^abort again ret=-5$", WAIT);
            assertThat(c.drainUntilClosed(WAIT)).isEqualTo(0);
            fw.awaitStdout("^disconnect arg=\\S+ listen state=6 ip=127\\.0\\.0\\.1 port=" + c.localPort(), WAIT);
        }
    }

    @Test
    void theHeapIsBackToZeroWhenEveryClientIsGone() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            fw.awaitStdout("^max_con=5 free heap=51200$", WAIT);
            fw.awaitStdout("^regist_time before accept=-12$", WAIT);
            Set<Integer> ports = new HashSet<>();
            for (int round = 0; round < 3; round++) {
                try (TestClient a = TestClient.connect(fw.port(PORT));
                        TestClient b = TestClient.connect(fw.port(PORT))) {
                    ports.add(a.localPort());
                    ports.add(b.localPort());
                    a.send("echo one");
                    b.send("echo two");
                    assertThat(a.readText(3)).isEqualTo("one");
                    assertThat(b.readText(3)).isEqualTo("two");
                }
            }
            for (int p : ports) {
                fw.awaitStdout("^session freed port=" + p + "$", WAIT);
            }
            assertThat(fw.stop()).isZero();
            assertThat(fw.stdout()).containsPattern("(?m)^espgen-host: heap: 0 live allocations, 0 bytes$");
        }
    }

    @Test
    void aLeakShowsInTheHeapSummary() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            try (TestClient c = TestClient.connect(fw.port(PORT))) {
                c.send("leak");
                fw.awaitStdout("^leak 0x", WAIT);
            }
            fw.awaitStdout("^session freed", WAIT);
            assertThat(fw.stop()).isZero();
            assertThat(fw.stdout()).containsPattern("(?m)^espgen-host: heap: 1 live allocations, 10 bytes$");
            assertThat(fw.stderr()).contains("live block of 10 bytes from").contains("lifecycle_fw.c:");
        }
    }

    @Test
    void recvHoldStopsDeliveryAfterTheWindowAlreadyOpenUntilUnhold() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            String pcb = connectLine(fw, c.localPort()).group(1);
            c.send("hold");
            fw.awaitStdout("^hold=0$", WAIT);
            byte[] data = new byte[20000];
            java.util.Arrays.fill(data, (byte) 'y');
            c.send(data);
            fw.awaitStdout("^unhold=0$", WAIT);
            Pattern recv = Pattern.compile("(?m)^recv pcb=" + Pattern.quote(pcb) + " client state=5 len=(\\d+) nul=1$");
            long deadline = System.nanoTime() + WAIT.toNanos();
            int total = 0;
            int whileHeld = 0;
            while (total < 20004 && System.nanoTime() < deadline) {
                String out = fw.stdout();
                int held = out.indexOf("hold=0\n");
                int unheld = out.indexOf("unhold=0\n");
                Matcher m = recv.matcher(out);
                total = 0;
                whileHeld = 0;
                while (m.find()) {
                    total += Integer.parseInt(m.group(1));
                    if (m.start() > held && m.start() < unheld) {
                        whileHeld += Integer.parseInt(m.group(1));
                    }
                }
                Thread.sleep(20);
            }
            assertThat(total).isEqualTo(20004);
            // what the window had already let in still arrives (the SDK's 5 x 1460 reserve), then nothing
            assertThat(whileHeld).isBetween(1460, 4 * 1460);
        }
    }

    @Test
    void stopsOnSigtermWithExitZeroEvenWithClientsConnected() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(PORT))) {
            connectLine(fw, c.localPort());
            assertThat(fw.stop()).isZero();
            assertThat(fw.stderr()).contains("stopping on signal 15").doesNotContain("ERROR");
            // the firmware's session and the SDK's four blocks for the connection
            assertThat(fw.stdout()).contains("espgen-host: heap: 5 live allocations, " + (24 + 344) + " bytes");
            assertThat(c.drainUntilClosed(WAIT)).isEqualTo(0);
        }
    }

    static Duration ms(long n) {
        return Duration.ofMillis(n);
    }
}
