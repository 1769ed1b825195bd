package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Out of memory at every allocation site, the SDK's own included, and a refused espconn_send at every send, one at a
 * time: for N = 1, 2, 3, ... the firmware (SessionServer, ASan and UBSan) starts with ESPGEN_HOST_MALLOC_FAIL_AT=N (or
 * ESPGEN_HOST_SEND_FAIL_AT=N), one client runs the scripted session ({@link Proto#SESSION}), and the Nth call fails
 * somewhere in it. That client must see a clean failure (a byte-exact prefix of its answers, then EOF or reset; never
 * corrupted, never stuck), a second client must then be served byte-exact, and the firmware must stop with no
 * sanitizer report, no SDK misuse, and 0 live allocations.
 *
 * <p>The sweep counts the session's calls itself: it ends at the first N whose session completes untouched (no
 * failure injected into it), so N - 1 is the number of allocations (or sends) one session makes.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class FaultSweepTest {

    /** Far more than a session makes: a sweep that does not end by then is a failure of its own. */
    private static final int MAX_N = 64;

    static Path exe;

    @BeforeAll
    static void build() throws Exception {
        exe = RtFirmware.build("session", true);
    }

    @Test
    void theSessionPassesUntouched() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(exe);
        try {
            int port = fw.port(7301);
            assertThat(Proto.session(port).complete()).isTrue();
            Proto.served(port, "second");
            RtFirmware.awaitCount(fw, "^SessionServer: gone", 2, Duration.ofSeconds(5));
        } finally {
            RtFirmware.stopClean(fw);
        }
        assertThat(fw.stderr()).doesNotContain("injected failure");
    }

    @Test
    void outOfMemoryAtEveryAllocation() throws Exception {
        int allocations = sweep("ESPGEN_HOST_MALLOC_FAIL_AT", "os_(m|z)alloc");
        System.out.println("FaultSweepTest: a session makes " + allocations + " heap allocations");
        // the SDK's 4 for the connection (host_espconn_listen.c), its copy of each of the 5 receives, and an
        // espconn_buf per espconn_send (8); the runtime's queue blocks: the greeting, 3 echoes and bye (5), the big
        // reply's 8 sends in 6 blocks (1000, 1920, 1000, 1920, 1000, 1160 bytes), merged pairwise into 3 pieces
        // (espgen_txq.c)
        assertThat(allocations).isEqualTo(4 + 5 + 8 + 5 + 6 + 3);
    }

    @Test
    void aRefusedSendAtEverySend() throws Exception {
        int sends = sweep("ESPGEN_HOST_SEND_FAIL_AT", "espconn_send");
        System.out.println("FaultSweepTest: a session makes " + sends + " espconn_send calls");
        // one per piece: the greeting, 3 echoes, bye, and the big reply in 2920, 2920 and 2160 bytes
        assertThat(sends).isEqualTo(5 + 3);
    }

    /**
     * Under QueueFullPolicy.CLOSE (FloodCloseServer) a send the heap has no room for aborts the connection like a
     * full queue does: the client gets what was queued before, then a reset, and the next client is served. The
     * connection's allocations: the SDK's 4 when it is accepted, the greeting's block (5), its espconn_buf (6); per
     * echo the SDK's copy of the receive, the echo's block, its espconn_buf. So allocation 5 fails the greeting,
     * 8 and 11 the two echoes.
     */
    @Test
    void outOfMemoryUnderTheClosePolicyAbortsTheConnection() throws Exception {
        Path closing = RtFirmware.build("floodclose", true);
        String[] answers = {"hi\n", "echo one", "echo two"};
        int[] failAt = {5, 8, 11};
        for (int n = 1; n <= answers.length; n++) {
            HostFirmware.Running fw =
                    RtFirmware.start(closing, Map.of("ESPGEN_HOST_MALLOC_FAIL_AT", String.valueOf(failAt[n - 1])));
            try {
                int port = fw.port(7304);
                Peer first = Peer.connectOrReset(port);
                if (first == null) {
                    // the greeting's send failed in the connect callback: the reset beat connect()
                    assertThat(n).as("a reset before connect() returned").isEqualTo(1);
                } else {
                    try (Peer p = first) {
                        StringBuilder got = new StringBuilder();
                        for (int k = 1; k < n; k++) {
                            got.append(new String(p.read(answers[k - 1].length()), StandardCharsets.US_ASCII));
                            p.send(answers[k]);
                        }
                        Peer.Tail tail = p.readToEnd(64, 5_000);
                        assertThat(tail.data()).as("nothing after the failed send").isEmpty();
                        assertThat(tail.end()).as("the abort").isEqualTo(Peer.End.RESET);
                        assertThat(got.toString()).isEqualTo(String.join("", List.of(answers).subList(0, n - 1)));
                    }
                }
                RtFirmware.awaitCount(fw, "out of memory for a send, aborting", 1, Duration.ofSeconds(5));
                // the abort is carried out by a task: the next client comes once the first is gone
                RtFirmware.awaitCount(fw, "^FloodCloseServer: gone", 1, Duration.ofSeconds(5));
                try (Peer next = Peer.connect(port)) {
                    next.expect("hi\n");
                    next.send("echo next");
                    next.expect("echo next");
                }
                RtFirmware.awaitCount(fw, "^FloodCloseServer: gone", 2, Duration.ofSeconds(5));
                // the handler heard of it from send: @OnDisconnect only, as for the queue-full abort
                assertThat(fw.stdout()).doesNotContain("FloodCloseServer: failed");
                RtFirmware.stopClean(fw);
            } catch (AssertionError | Exception e) {
                fw.close();
                throw new AssertionError("N=" + n + ": " + e.getMessage() + "\nstdout:\n" + fw.stdout()
                        + "\nstderr:\n" + fw.stderr(), e);
            }
        }
    }

    /** Sweeps N until the session is untouched; returns how many calls a session makes. */
    private static int sweep(String variable, String call) throws Exception {
        for (int n = 1; n <= MAX_N; n++) {
            HostFirmware.Running fw = RtFirmware.start(exe, Map.of(variable, String.valueOf(n)));
            Proto.Outcome first;
            try {
                int port = fw.port(7301);
                first = Proto.session(port, variable.equals("ESPGEN_HOST_MALLOC_FAIL_AT"));
                if (first.end() == Peer.End.TIMEOUT) {
                    // the only failure a client may wait on: the SDK's own copy of its request
                    assertThat(fw.stderr()).as("a request lost where the firmware could not know")
                            .containsPattern("no heap to copy \\d+ received bytes");
                }
                if (first.complete()) {
                    RtFirmware.awaitCount(fw, "^SessionServer: gone", 1, Duration.ofSeconds(5));
                } else {
                    // the failure hit the first client: the next one must be served as if nothing had happened.
                    // Every connection over (its queue freed) before the heap is counted: the first's end comes
                    // before the second's, unless the SDK had no heap to accept it (then it never connected)
                    int second = Proto.served(port, "second client after failure " + n);
                    RtFirmware.awaitCount(fw, "^SessionServer: gone: port " + second + "$", 1, Duration.ofSeconds(5));
                }
                RtFirmware.stopClean(fw);
            } catch (AssertionError | Exception e) {
                fw.close();
                throw new AssertionError(variable + "=" + n + ": " + e.getMessage() + "\nstdout:\n" + fw.stdout()
                        + "\nstderr:\n" + fw.stderr(), e);
            }
            boolean injected = fw.stderr().contains("injected failure: ") && fw.stderr().matches(
                    "(?s).*injected failure: [a-z_]+ #" + n + "\\b.*");
            if (first.complete() && !injected) {
                // nothing failed in the session: it makes n - 1 calls (the nth, if any, fell after it)
                assertThat(n).as("the first call already falls outside the session").isGreaterThan(1);
                return n - 1;
            }
            if (first.complete()) {
                // a failure the runtime rides over: a piece that could not be merged leaves unmerged
                assertThat(fw.stderr()).as(variable + "=" + n + ": only a merge may fail unnoticed")
                        .containsPattern("injected failure: os_malloc #" + n + " \\(\\d+ bytes at \\S*espgen_txq\\.c");
                continue;
            }
            assertThat(fw.stderr()).as(variable + "=" + n + ": the session failed, so the failure was injected")
                    .containsPattern("injected failure: " + call + " #" + n + "\\b");
            // the firmware ended the connection itself (a close, or a reset when espconn_send refused a chunk):
            // @OnError is for what the peer or the network does
            assertThat(fw.stdout()).as(variable + "=" + n).doesNotContain("SessionServer: failed");
        }
        throw new AssertionError(variable + ": the session still failed at N=" + MAX_N);
    }
}
