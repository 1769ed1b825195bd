package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection table full (TableFullServer: 2 entries and the spare). The stack normally refuses clients beyond
 * the table before the runtime hears of them, so this firmware is linked with the per-server limit disarmed
 * ({@code espgen_test_allow_all.c}, {@code -Wl,--wrap=espconn_tcp_set_max_con_allow}): the stack-wide limit of 5
 * remains, and clients 3 to 5 reach the runtime, as they can on the chip in the race around closing entries.
 *
 * <p>The runtime must refuse them itself: the first with its spare entry (the log line
 * {@code <ip>:<port> refused: connection table full}, then a clean close), any further one while the spare is
 * busy with the same line and a close by the stack within about a second; never a stuck connection, never an
 * entry or a byte of heap lost, and the clients in the table served throughout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TableFullTest {

    private static final String REFUSED = "refused: connection table full";

    static Path exe;

    @BeforeAll
    static void build() throws IOException {
        exe = RtFirmware.build("tablefull", true, List.of("espgen_test_allow_all.c"),
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

    private static String refusedLine(Peer p) {
        return "TableFullServer: 127.0.0.1:" + p.localPort() + " " + REFUSED;
    }

    @Test
    void aClientBeyondTheTableIsRefusedWithALogLineAndClosed() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(exe);
        try {
            int port = fw.port(7305);
            try (Peer a = greeted(port); Peer b = greeted(port)) {
                for (int round = 0; round < 3; round++) {
                    try (Peer extra = Peer.connect(port)) {
                        assertThat(extra.closedByServer(2_000)).as("refused without a greeting").isTrue();
                        RtFirmware.awaitCount(fw, "^" + refusedLine(extra) + "$", 1, Duration.ofSeconds(2));
                    }
                    echoes(a, "a" + round);
                    echoes(b, "b" + round);
                }
            }
            RtFirmware.awaitCount(fw, "^TableFullServer: gone", 2, Duration.ofSeconds(5));
            assertThat(RtFirmware.count(fw, REFUSED)).isEqualTo(3);
            assertThat(fw.stdout()).doesNotContain("cannot");
            tableIsWhole(fw, port, 2);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void severalClientsBeyondTheTableAtOnceAreAllRefusedAndClosed() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(exe);
        try {
            int port = fw.port(7305);
            try (Peer a = greeted(port); Peer b = greeted(port)) {
                List<Peer> extras = new ArrayList<>();
                long pid = fw.process().pid();
                // The firmware is stopped while four clients connect (the kernel completes their handshakes), so
                // that it accepts them in one batch: no task runs between their connect callbacks, and the spare
                // entry is still refusing the first when the next arrive. The stack-wide limit (5) admits three.
                signal("STOP", pid);
                try {
                    for (int i = 0; i < 4; i++) {
                        extras.add(Peer.connect(port));
                    }
                } finally {
                    signal("CONT", pid);
                }
                try {
                    extras.get(1).send("nobody hears this");
                    long start = System.nanoTime();
                    for (Peer extra : extras) {
                        assertThat(extra.closedByServer(3_000)).as("client " + extra.localPort() + " closed, "
                                + "without a byte").isTrue();
                    }
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertThat(ms).as("all closed within about a second").isLessThan(2_500);
                    echoes(a, "a is served");
                    echoes(b, "b is served");
                } finally {
                    for (Peer extra : extras) {
                        extra.close();
                    }
                }
                // the first three reached the runtime: the spare refused one, the stack closes the others
                RtFirmware.awaitCount(fw, REFUSED, 3, Duration.ofSeconds(2));
                for (int i = 0; i < 3; i++) {
                    assertThat(fw.stdout()).contains(refusedLine(extras.get(i)));
                }
                assertThat(fw.stdout()).contains(refusedLine(extras.get(1)) + " (closed by the stack after 1 s)");
                assertThat(fw.stdout()).doesNotContain(refusedLine(extras.get(3)));
                assertThat(fw.stderr()).contains("refused a connection from 127.0.0.1:" + extras.get(3).localPort());
                echoes(a, "a again");
            }
            RtFirmware.awaitCount(fw, "^TableFullServer: gone", 2, Duration.ofSeconds(5));
            assertThat(RtFirmware.count(fw, "gone")).as("no handler ran for a refused client").isEqualTo(2);
            tableIsWhole(fw, port, 2);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    /** Both entries and the spare are free again: two clients are served, and a third is refused by the spare. */
    private static void tableIsWhole(HostFirmware.Running fw, int port, int goneBefore) throws Exception {
        int refusedBefore = RtFirmware.count(fw, REFUSED);
        int untrackedBefore = RtFirmware.count(fw, "closed by the stack");
        try (Peer a = greeted(port); Peer b = greeted(port); Peer c = Peer.connect(port)) {
            assertThat(c.closedByServer(2_000)).isTrue();
            echoes(a, "whole a");
            echoes(b, "whole b");
        }
        RtFirmware.awaitCount(fw, REFUSED, refusedBefore + 1, Duration.ofSeconds(2));
        assertThat(RtFirmware.count(fw, "closed by the stack")).as("the spare refused it").isEqualTo(untrackedBefore);
        RtFirmware.awaitCount(fw, "^TableFullServer: gone", goneBefore + 2, Duration.ofSeconds(5));
    }

    private static void signal(String sig, long pid) throws IOException, InterruptedException {
        // the shell's builtin: a fresh Debian may lack procps' kill
        Process kill = new ProcessBuilder("sh", "-c", "kill -" + sig + " " + pid).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + sig + " " + pid).isZero();
    }
}
