package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection limits and idle timeouts through limits_fw.c. */
@Timeout(600)
class LimitsTest {

    private static final String FW = "limits_fw";

    private static int connects(HostFirmware.Running fw, int firmwarePort) {
        return (int) fw.stdout().lines().filter(l -> l.startsWith("connect " + firmwarePort + " ")).count();
    }

    private static void closeAll(List<TestClient> clients) {
        clients.forEach(TestClient::close);
    }

    @Test
    void theLimitSettersCheckTheirArguments() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            fw.awaitStdout("^max_con=5$", WAIT);
            fw.awaitStdout("^set_max_con\\(0\\)=-12 set_max_con\\(16\\)=-12$", WAIT);
            // the SDK only knows a server after espconn_accept
            fw.awaitStdout("^allow before accept=-12 time before accept=-12$", WAIT);
            // espconn.c: espconn_tcp_set_max_con_allow refuses only more than the stack's limit (5)
            fw.awaitStdout("^allow\\(6\\)=-12 allow\\(0\\)=0 allow\\(2\\)=0$", WAIT);
            // espconn.c: espconn_regist_time checks no upper bound (7200 s is the API reference's)
            fw.awaitStdout("^time\\(7201\\)=0 time\\(1\\)=0$", WAIT);
        }
    }

    @Test
    void theSixthClientIsRefusedByTheStackWithoutACallback() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            int port = fw.port(7100);
            for (int i = 0; i < 5; i++) {
                TestClient c = TestClient.connect(port);
                clients.add(c);
                fw.awaitStdout("^connect 7100 port=" + c.localPort() + "$", WAIT);
            }
            assertThat(TestClient.refused(port, WAIT)).as("the sixth is refused").isTrue();
            assertThat(connects(fw, 7100)).as("without a callback").isEqualTo(5);
            assertThat(TestFirmwares.awaitStderr(fw, "refused a connection")).contains("5 of 5 connections in use");

            // a place frees up
            TestClient first = clients.remove(0);
            int firstPort = first.localPort();
            first.close();
            fw.awaitStdout("^disconnect 7100 port=" + firstPort + "$", WAIT);
            TestClient again = TestClient.connect(port);
            clients.add(again);
            fw.awaitStdout("^connect 7100 port=" + again.localPort() + "$", WAIT);
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void maxConAllowLimitsOneServer() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            int port = fw.port(7102);
            for (int i = 0; i < 2; i++) {
                TestClient c = TestClient.connect(port);
                clients.add(c);
                fw.awaitStdout("^connect 7102 port=" + c.localPort() + "$", WAIT);
            }
            assertThat(TestClient.refused(port, WAIT)).as("the third is refused").isTrue();
            assertThat(connects(fw, 7102)).isEqualTo(2);
            // the other server still has room
            TestClient other = TestClient.connect(fw.port(7100));
            clients.add(other);
            fw.awaitStdout("^connect 7100 port=" + other.localPort() + "$", WAIT);
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void setMaxConLimitsAllServersTogether() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        try (HostFirmware.Running fw = TestFirmwares.start(FW)) {
            TestClient a = TestClient.connect(fw.port(7100));
            clients.add(a);
            fw.awaitStdout("^connect 7100 port=" + a.localPort() + "$", WAIT);
            a.send("setmax 2");
            fw.awaitStdout("^setmax 2 ret=0 max_con=2$", WAIT);
            TestClient b = TestClient.connect(fw.port(7102));
            clients.add(b);
            fw.awaitStdout("^connect 7102 port=" + b.localPort() + "$", WAIT);
            assertThat(TestClient.refused(fw.port(7100), WAIT)).as("a third in all is refused").isTrue();
            assertThat(connects(fw, 7100)).isEqualTo(1);
            assertThat(TestFirmwares.awaitStderr(fw, "refused a connection")).contains("2 of 2 in all");
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void anIdleClientIsClosedAfterTheTimeoutAndDataResetsTheCounter() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient idle = TestClient.connect(fw.port(7101));
                TestClient busy = TestClient.connect(fw.port(7101))) {
            long start = System.nanoTime();
            fw.awaitStdout("^connect 7101 port=" + idle.localPort() + "$", WAIT);
            fw.awaitStdout("^connect 7101 port=" + busy.localPort() + "$", WAIT);

            // busy talks every 200 ms for 2 s: longer than the 1 s timeout, never idle that long (the sleeps pace
            // the talk, they synchronise nothing)
            long lastSend = 0;
            for (int i = 0; i < 10; i++) {
                busy.send("x");
                lastSend = System.nanoTime();
                Thread.sleep(200);
            }
            assertThat(idle.drainUntilClosed(Duration.ofSeconds(1))).as("idle was closed by now").isEqualTo(0);
            fw.awaitStdout("^disconnect 7101 port=" + idle.localPort() + "$", WAIT);
            long idleGone = System.nanoTime();
            assertThat(Duration.ofNanos(idleGone - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(fw.stdout()).doesNotContain("disconnect 7101 port=" + busy.localPort());
            assertThat(TestFirmwares.awaitStderr(fw, "idle timeout")).contains("idle timeout (1 s)");

            // now busy stops talking: the timeout counts from its last byte, which the firmware read after it left
            assertThat(busy.drainUntilClosed(WAIT)).isEqualTo(0);
            assertThat(Duration.ofNanos(System.nanoTime() - lastSend)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            fw.awaitStdout("^disconnect 7101 port=" + busy.localPort() + "$", WAIT);
        }
    }
}
