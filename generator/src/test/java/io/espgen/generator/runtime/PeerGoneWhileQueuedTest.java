package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that closes (FIN) or resets (SO_LINGER 0) right after asking for a reply of 12 queued buffers
 * (SessionServer's "big"), while a chunk is in flight and the rest queued: its queue and table entry are freed (the
 * heap ends at 0 and every entry is usable again), nothing is used after it was freed (ASan), and two other clients
 * talking all along are served byte-exact.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PeerGoneWhileQueuedTest {

    private static final int ROUNDS = 30;

    @Test
    void peersThatCloseOrResetWithSendsQueuedAreFreedAndOthersUnaffected() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("session", true));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int port = fw.port(7301);
            AtomicBoolean stop = new AtomicBoolean();
            List<CompletableFuture<Integer>> bystanders = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                int id = k;
                bystanders.add(CompletableFuture.supplyAsync(() -> {
                    int exchanges = 0;
                    try (Peer p = Proto.greeted(port)) {
                        // bounded: at most 400 exchanges, or until the churn is over
                        while (!stop.get() && exchanges < 400) {
                            byte[] m = Proto.ascii("bystander " + id + " message " + exchanges);
                            p.send(m);
                            p.expect(m);
                            if (exchanges % 10 == 0) {
                                p.send("big");
                                p.expect(Proto.BIG);
                            }
                            exchanges++;
                        }
                    } catch (Exception e) {
                        throw new RuntimeException("bystander " + id + " after " + exchanges + " exchanges", e);
                    }
                    return exchanges;
                }, pool));
            }

            int gone = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Peer p = Proto.greeted(port);
                p.send("big");
                switch (round % 3) {
                    case 0 -> p.close(); // FIN at once; the stack answers the rest of the reply with a reset
                    case 1 -> p.reset(); // RST at once
                    default -> {
                        // FIN, keep reading a little of the reply, then go
                        p.shutdownOutput();
                        p.read(100);
                        p.close();
                    }
                }
                // one at a time: the next client must find this one's entry free (the table has 4, 2 are taken)
                gone = RtFirmware.awaitCount(fw, "^SessionServer: gone", gone + 1, Duration.ofSeconds(5));
            }
            stop.set(true);
            for (CompletableFuture<Integer> b : bystanders) {
                assertThat(b.get(30, TimeUnit.SECONDS)).as("exchanges of a bystander").isPositive();
            }
            RtFirmware.awaitCount(fw, "^SessionServer: gone", ROUNDS + 2, Duration.ofSeconds(5));

            // every entry is usable again: four clients at once are all served
            List<Peer> four = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
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
            RtFirmware.awaitCount(fw, "^SessionServer: gone", ROUNDS + 6, Duration.ofSeconds(5));
            assertThat(fw.stdout()).doesNotContain("refused: connection table full").doesNotContain("cannot");
        } finally {
            pool.shutdownNow();
            RtFirmware.stopClean(fw);
        }
    }
}
