package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ESPGEN_HOST_TRACE: lines on stdout after each callback, and what Running.traffic makes of them (lifecycle_fw.c). */
@Timeout(600)
class TraceTest {

    private static final String FW = "lifecycle_fw";
    private static final int PORT = 7000;

    private static String trace(int clientPort, int hostPort, String rest) {
        return "^espgen-host: trace 127\\.0\\.0\\.1:" + clientPort + " on " + hostPort + " " + rest + "$";
    }

    /** Polls traffic until it satisfies condition; the trace is read by another thread. */
    private static HostFirmware.Traffic awaitTraffic(HostFirmware.Running fw, int hostPort, int clientPort,
            Predicate<HostFirmware.Traffic> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<HostFirmware.Traffic> t = fw.traffic(hostPort, clientPort);
            if (t.isPresent() && condition.test(t.get())) {
                return t.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("traffic of port " + clientPort + ": " + t + "\n" + fw.stdout());
            }
            Thread.sleep(1);
        }
    }

    @Test
    void tracesEveryCallbackWithTheConnectionsCountsAndTheLoopGoingIdle() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of(HostFirmware.TRACE_ENV, "1"));
                TestClient a = TestClient.connect(fw.port(PORT))) {
            int host = fw.port(PORT);
            int p = a.localPort();
            fw.awaitStdout(trace(p, host, "connect: received 0, sent 0, unacked 0"), WAIT);

            a.send("echo hi");
            assertThat(a.readText(2)).isEqualTo("hi");
            fw.awaitStdout(trace(p, host, "recv 7: received 7, sent 2, unacked 2"), WAIT);
            fw.awaitStdout(trace(p, host, "sent: received 7, sent 2, unacked 0") + "\\n^espgen-host: trace idle$",
                    WAIT);
            HostFirmware.Traffic echoed = awaitTraffic(fw, host, p, HostFirmware.Traffic::settled);
            assertThat(echoed).isEqualTo(new HostFirmware.Traffic(7, 2, 0, true, false));

            // the disconnect is posted to a task: not idle before the task and the disconnect have run
            a.send("quit");
            HostFirmware.Traffic ended = awaitTraffic(fw, host, p, HostFirmware.Traffic::ended);
            assertThat(ended).extracting(HostFirmware.Traffic::received, HostFirmware.Traffic::sent,
                    HostFirmware.Traffic::unacked).containsExactly(11L, 2L, 0L);
            String out = fw.stdout();
            int quit = out.indexOf("recv 4: received 11, sent 2, unacked 0\n");
            int freed = out.indexOf("session freed port=" + p + "\n");
            int end = out.indexOf("espgen-host: trace 127.0.0.1:" + p + " on " + host + " end\n");
            assertThat(quit).isPositive();
            assertThat(out.substring(quit, end)).as("nothing idle between the quit and the end")
                    .doesNotContain("trace idle");
            assertThat(freed).as("the disconnect callback's line comes before the end's").isBetween(quit, end);
        }
    }

    @Test
    void aNewConnectionFromTheSamePortStartsAfresh() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of(HostFirmware.TRACE_ENV, "1"))) {
            int host = fw.port(PORT);
            int p;
            try (TestClient a = TestClient.connect(host)) {
                p = a.localPort();
                a.send("echo x");
                a.readText(1);
                awaitTraffic(fw, host, p, t -> t.received() == 6 && t.settled());
            }
            awaitTraffic(fw, host, p, HostFirmware.Traffic::ended);
            assertThat(fw.traffic(host, p + 1)).isEmpty();
            assertThat(fw.traffic(host + 1, p)).isEmpty();
        }
    }

    @Test
    void aClientRefusedOverALimitShowsAsEndedAtOnce() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start("limits_fw", Map.of(HostFirmware.TRACE_ENV, "1"));
                TestClient a = TestClient.connect(fw.port(7102));
                TestClient b = TestClient.connect(fw.port(7102))) {
            int host = fw.port(7102);
            awaitTraffic(fw, host, a.localPort(), t -> t.equals(new HostFirmware.Traffic(0, 0, 0, true, false)));
            awaitTraffic(fw, host, b.localPort(), t -> !t.ended());
            // the reset may come before connect() returns: the client's port is bound first, so it is known
            TestClient.Attempt c = TestClient.attempt(host);
            if (c.client() != null) {
                try (TestClient refused = c.client()) {
                    assertThat(refused.drainUntilClosed(WAIT)).isZero();
                }
            }
            fw.awaitStdout(trace(c.localPort(), host, "refused"), WAIT);
            assertThat(awaitTraffic(fw, host, c.localPort(), HostFirmware.Traffic::ended))
                    .extracting(HostFirmware.Traffic::received, HostFirmware.Traffic::sent)
                    .containsExactly(0L, 0L);
        }
    }

    @Test
    void tracesNothingWithoutTheVariable() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient a = TestClient.connect(fw.port(PORT))) {
            a.send("echo hi");
            assertThat(a.readText(2)).isEqualTo("hi");
            fw.awaitStdout("^sent pcb=", WAIT);
            fw.stop();
            assertThat(fw.stdout()).doesNotContain("espgen-host: trace");
            assertThat(fw.traffic(fw.port(PORT), a.localPort())).isEmpty();
        }
    }
}
