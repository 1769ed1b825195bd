package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection table full (TableFullServer: 2 entries). The runtime sets the server's max_con_allow to its table
 * size, and the SDK turns clients beyond it down before the runtime hears of them: espconn_tcp_accept returns
 * ERR_ISCONN at link_cnt == max_con_allow, and lwIP resets the client right after the handshake (espconn_tcp.c:
 * espconn_tcp_accept). A client counts until its end has been delivered (espconn_tcp.c: espconn_Task sets close_flag
 * just before the disconnect callback; espconn.c: espconn_get_connection_info counts the others), so the table always
 * has room for a client the SDK connects.
 *
 * <p>Should the SDK still connect one more (it cannot, by its source; here the per-server limit is disarmed with
 * {@code espgen_test_allow_all.c}, {@code -Wl,--wrap=espconn_tcp_set_max_con_allow}), the runtime leaves it untracked:
 * a log line, its data dropped, and the SDK's idle timeout ends it; never a stuck or leaking entry.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class TableFullTest {

    private static final String BEYOND = "connected beyond the table";

    static Path exe;
    static Path unlimited;

    @BeforeAll
    static void build() throws IOException {
        exe = RtFirmware.build("tablefull", true);
        unlimited = RtFirmware.build("tablefull", true, List.of("espgen_test_allow_all.c"),
                List.of("-Wl,--wrap=espconn_tcp_set_max_con_allow"));
    }

    private static Peer greeted(int port) throws IOException {
        Peer p = Peer.connect(port);
        p.expect("hi\n");
        return p;
    }

    private static void echoes(Peer p, String m) throws IOException {
        p.send(m);
        p.expect(m);
    }

    @Test
    void theSdkResetsAClientBeyondTheTableAndTheFirmwareNeverHearsOfIt() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(exe);
        try {
            int port = fw.port(7305);
            try (Peer a = greeted(port); Peer b = greeted(port)) {
                for (int round = 0; round < 3; round++) {
                    // the reset may come before connect returns
                    assertThat(Peer.refused(port, 2_000)).as("turned down without a greeting").isTrue();
                    RtFirmware.awaitStderrCount(fw, "refused a connection from 127.0.0.1:\\d+ to firmware port 7305 "
                            + "\\(over the limit\\)", round + 1);
                    echoes(a, "a" + round);
                    echoes(b, "b" + round);
                }
            }
            RtFirmware.awaitCount(fw, "^TableFullServer: gone", 2, Duration.ofSeconds(5));
            assertThat(fw.stdout()).doesNotContain(BEYOND).doesNotContain("cannot");
            tableIsWhole(fw, port, 2);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    /**
     * The firmware is stopped while b closes and a new client connects (the kernel completes its handshake), so both
     * reach the SDK in one round: b's end is not delivered yet when the newcomer is accepted, b still counts, and the
     * newcomer is turned down. Never a third entry.
     */
    @Test
    void aClientStillCountsUntilItsEndIsDelivered() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(exe);
        try {
            int port = fw.port(7305);
            try (Peer a = greeted(port)) {
                Peer b = greeted(port);
                Peer extra;
                long pid = fw.process().pid();
                signal("STOP", pid);
                try {
                    b.close();
                    extra = Peer.connect(port);
                } finally {
                    signal("CONT", pid);
                }
                try {
                    assertThat(extra.closedByServer(3_000)).as("turned down while b's end was pending").isTrue();
                } finally {
                    extra.close();
                }
                RtFirmware.awaitCount(fw, "^TableFullServer: gone: port " + b.localPort() + "$", 1,
                        Duration.ofSeconds(5));
                echoes(a, "a is served");
                try (Peer next = greeted(port)) {
                    echoes(next, "a place again");
                }
            }
            RtFirmware.awaitCount(fw, "^TableFullServer: gone", 3, Duration.ofSeconds(5));
            assertThat(fw.stdout()).doesNotContain(BEYOND);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void aClientTheSdkAdmitsBeyondTheTableIsLeftToTheIdleTimeout() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(unlimited);
        try {
            int port = fw.port(7305);
            try (Peer a = greeted(port); Peer b = greeted(port); Peer extra = Peer.connect(port)) {
                RtFirmware.awaitCount(fw, "^TableFullServer: 127\\.0\\.0\\.1:" + extra.localPort() + " " + BEYOND, 1,
                        Duration.ofSeconds(5));
                extra.send("nobody hears this");
                // the SDK's idle timeout (3 s) ends it; a and b keep talking meanwhile, so they stay
                Peer.Tail tail = null;
                for (int i = 0; i < 16 && (tail == null || tail.end() == Peer.End.TIMEOUT); i++) {
                    echoes(a, "a " + i);
                    echoes(b, "b " + i);
                    tail = extra.readUpTo(1, 500);
                }
                assertThat(tail.data()).as("nothing for the untracked client").isEmpty();
                assertThat(tail.end()).as("ended by the idle timeout").isIn(Peer.End.EOF, Peer.End.RESET);
            }
            RtFirmware.awaitCount(fw, "^TableFullServer: gone", 2, Duration.ofSeconds(5));
            assertThat(RtFirmware.count(fw, "gone")).as("no handler ran for the untracked client").isEqualTo(2);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    /** Both entries are free again: two clients are served, and a third is turned down by the SDK. */
    private static void tableIsWhole(HostFirmware.Running fw, int port, int goneBefore) throws Exception {
        try (Peer a = greeted(port); Peer b = greeted(port)) {
            assertThat(Peer.refused(port, 2_000)).isTrue();
            echoes(a, "whole a");
            echoes(b, "whole b");
        }
        RtFirmware.awaitCount(fw, "^TableFullServer: gone", goneBefore + 2, Duration.ofSeconds(5));
    }

    private static void signal(String sig, long pid) throws IOException, InterruptedException {
        // the shell's builtin: a fresh Debian may lack procps' kill
        Process kill = new ProcessBuilder("sh", "-c", "kill -" + sig + " " + pid).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + sig + " " + pid).isZero();
    }
}
