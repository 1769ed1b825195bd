package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200 connections to one firmware of two servers (runtime-servers/lifecycle: LifecycleServer, 4 entries; IdleServer,
 * 4 entries and a one-second idle timeout), opened and closed in every way, four at a time: closed by the client,
 * closed by the server (close()), reset by the client, closed or reset with a reply still queued, timed out idle
 * (IdleServer), and refused over the limit. Afterwards the heap is exactly where it started (0 live allocations),
 * under ASan and UBSan and again under valgrind's memcheck with the leak check on.
 *
 * <p>The idle clients have a server of their own so that the others, however slow the machine, never meet a
 * one-second timeout by accident.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ConnectionChurnTest {

    /** How one connection ends. */
    enum Way { CLIENT_CLOSES, SERVER_CLOSES, CLIENT_RESETS, CLOSED_WITH_REPLY_QUEUED, RESET_WITH_REPLY_QUEUED, IDLE }

    private static final int ROUNDS = 40;
    private static final int PER_ROUND = 4;
    /** Rounds whose four clients go to IdleServer and stay silent until it times them out (a second each). */
    private static final List<Integer> IDLE_ROUNDS = List.of(7, 23);
    private static final Way[] BUSY_WAYS = {Way.CLIENT_CLOSES, Way.SERVER_CLOSES, Way.CLIENT_RESETS,
        Way.CLOSED_WITH_REPLY_QUEUED, Way.RESET_WITH_REPLY_QUEUED};

    @Test
    void underSanitizers() throws Exception {
        Path exe = RtFirmware.build("lifecycle", true);
        // where the heap starts: nothing allocated before the first client
        HostFirmware.Running idle = RtFirmware.start(exe);
        idle.port(7302);
        idle.port(7306);
        RtFirmware.stopClean(idle);

        HostFirmware.Running fw = RtFirmware.start(exe);
        try {
            churn(fw);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void underValgrind() throws Exception {
        HostFirmware.Running fw = RtFirmware.startUnderValgrind(RtFirmware.build("lifecycle", false));
        try {
            churn(fw);
        } finally {
            RtFirmware.stopClean(fw);
        }
        RtFirmware.assertValgrindClean(fw);
    }

    private static final String GONE = "^(Lifecycle|Idle)Server: gone";

    private static void churn(HostFirmware.Running fw) throws Exception {
        int port = fw.port(7302);
        int idlePort = fw.port(7306);
        long start = System.nanoTime();
        Map<Way, Integer> done = new EnumMap<>(Way.class);
        int refused = 0;
        int connections = 0;
        ExecutorService pool = Executors.newFixedThreadPool(PER_ROUND);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier allIn = new CyclicBarrier(PER_ROUND + 1);
                CyclicBarrier go = new CyclicBarrier(PER_ROUND + 1);
                List<Future<?>> clients = new ArrayList<>();
                for (int k = 0; k < PER_ROUND; k++) {
                    Way way = IDLE_ROUNDS.contains(round) ? Way.IDLE : BUSY_WAYS[(round * PER_ROUND + k) % 5];
                    String tag = "round " + round + " client " + k;
                    int to = way == Way.IDLE ? idlePort : port;
                    clients.add(pool.submit(() -> {
                        client(to, way, tag, allIn, go);
                        return null;
                    }));
                    done.merge(way, 1, Integer::sum);
                }
                // the four hold every entry: one more is refused by the stack, before the firmware hears of it
                allIn.await(10, TimeUnit.SECONDS);
                assertThat(Peer.refused(IDLE_ROUNDS.contains(round) ? idlePort : port, 3_000))
                        .as("refused over the limit").isTrue();
                refused++;
                go.await(10, TimeUnit.SECONDS);
                for (Future<?> c : clients) {
                    try {
                        c.get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        throw new AssertionError("round " + round + ": " + e.getCause(), e.getCause());
                    }
                }
                connections += PER_ROUND + 1;
                // every one of them over before the next round needs the entries
                RtFirmware.awaitCount(fw, GONE, (round + 1) * PER_ROUND, Duration.ofSeconds(10));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(connections).isEqualTo(200);
        assertThat(RtFirmware.count(fw, GONE)).isEqualTo(ROUNDS * PER_ROUND);
        assertThat(RtFirmware.count(fw, "^IdleServer: gone")).isEqualTo(IDLE_ROUNDS.size() * PER_ROUND);
        assertThat(fw.stderr()).contains("idle timeout (1 s)");
        assertThat(fw.stdout()).doesNotContain("refused: connection table full").doesNotContain("cannot");

        // the table is whole again: four clients at once, all served
        List<Peer> four = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ROUND; i++) {
                four.add(Proto.greeted(port));
            }
            for (Peer p : four) {
                p.send("big");
                p.expect(Proto.BIG);
            }
        } finally {
            for (Peer p : four) {
                p.close();
            }
        }
        RtFirmware.awaitCount(fw, GONE, ROUNDS * PER_ROUND + PER_ROUND, Duration.ofSeconds(10));
        System.out.printf("ConnectionChurnTest: %d connections (%s, %d refused) in %d ms%n", connections, done,
                refused, (System.nanoTime() - start) / 1_000_000);
    }

    private static void client(int port, Way way, String tag, CyclicBarrier allIn, CyclicBarrier go)
            throws Exception {
        Peer p = Proto.greeted(port);
        try {
            // connected and greeted; then wait while the main thread is refused over the limit
            allIn.await(10, TimeUnit.SECONDS);
            go.await(10, TimeUnit.SECONDS);
            byte[] m = Proto.ascii(tag);
            switch (way) {
                case CLIENT_CLOSES -> {
                    p.send(m);
                    p.expect(m);
                    p.close();
                }
                case SERVER_CLOSES -> {
                    p.send(m);
                    p.expect(m);
                    p.send("close");
                    p.expect(Proto.BYE);
                    Peer.Tail rest = p.readToEnd(1, 3_000);
                    assertThat(rest.data()).isEmpty();
                    assertThat(rest.end()).as(tag + ": the server's close").isEqualTo(Peer.End.EOF);
                    p.close();
                }
                case CLIENT_RESETS -> {
                    p.send(m);
                    p.expect(m);
                    p.reset();
                }
                case CLOSED_WITH_REPLY_QUEUED -> {
                    p.send("big");
                    p.close();
                }
                case RESET_WITH_REPLY_QUEUED -> {
                    p.send("big");
                    p.reset();
                }
                case IDLE -> {
                    Peer.Tail t = p.readToEnd(1, 3_000);
                    assertThat(t.data()).isEmpty();
                    assertThat(t.end()).as(tag + ": closed by the idle timeout").isEqualTo(Peer.End.EOF);
                    p.close();
                }
                default -> throw new IllegalStateException(way.toString());
            }
        } finally {
            p.close();
        }
    }
}
