package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.generator.Espgen;
import io.espgen.host.HostFirmware;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same servers (runtime-servers/targets) generated once and built for both targets on the host: the NONOS SDK's
 * emulation (espconn), and the FreeRTOS target (the same runtime over Linux sockets on one task, as on lwIP's on the
 * chip). Every client sees the same bytes on both; each test names what it holds the two to. The one place they
 * must differ, a peer's half-close, is {@link #aHalfCloseEndsAfterWhatTheStackTook}.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class BothTargetsTest {

    enum Target {
        NONOS, RTOS;

        Path build(String server) throws IOException {
            return this == NONOS ? RtFirmware.build(server, true) : RtFirmware.buildRtos(server, true);
        }
    }

    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    private static final Map<Target, Path> ECHO_SAMPLE = new EnumMap<>(Target.class);

    /** The echo sample (samples/echo-server), generated once, built for target on the host. */
    private static synchronized Path echoSample(Target target) throws IOException {
        Path exe = ECHO_SAMPLE.get(target);
        if (exe == null) {
            Path dir = Espgen.repoRoot().resolve("generator/target/rt-firmware/echo-sample");
            Path tree = dir.resolve("espgen");
            if (ECHO_SAMPLE.isEmpty()) {
                Espgen.writeTree(Espgen.generatedC(Espgen.compileClean(Espgen.sample("echo-server"))), tree);
            }
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(tree)) {
                sources = walk.filter(p -> p.toString().endsWith(".c")).sorted().toList();
            }
            List<Path> includes = List.of(tree.resolve("include"), tree);
            exe = target == Target.NONOS ? HostFirmware.build(sources, includes, dir.resolve("nonos"), true)
                    : HostFirmware.buildRtos(sources, includes, dir.resolve("rtos"), true);
            ECHO_SAMPLE.put(target, exe);
        }
        return exe;
    }

    private static HostFirmware.Running start(Target target) throws IOException {
        return RtFirmware.start(target.build("targets"));
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theEchoSampleWelcomesEchoesAndSaysBye(Target target) throws Exception {
        HostFirmware.Running fw = RtFirmware.start(echoSample(target));
        try {
            int port = fw.port(7777);
            try (Peer p = Peer.connect(port)) {
                p.expect("welcome\r\n");
                p.send("hello\n");
                p.expect("hello\n");
            }
            RtFirmware.awaitCount(fw, "^EchoServer: bye, echoed 6 bytes$", 1, LOG_WAIT);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void greetsAndEchoesEveryByte(Target target) throws Exception {
        HostFirmware.Running fw = start(target);
        try {
            int port = fw.port(7480);
            int local;
            try (Peer p = Peer.connect(port)) {
                local = p.localPort();
                p.expect("hi\n");
                p.send("hello");
                p.expect("hello");
                byte[] big = pattern(20_000);
                p.send(big);
                p.expect(big);
            }
            RtFirmware.awaitCount(fw, "^EchoTwo: echo gone: port " + local + "$", 1, LOG_WAIT);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aClientBeyondTheTableIsTurnedAwayAndTheOthersGoOn(Target target) throws Exception {
        HostFirmware.Running fw = start(target);
        try {
            int port = fw.port(7480);
            try (Peer a = Peer.connect(port); Peer b = Peer.connect(port)) {
                a.expect("hi\n");
                b.expect("hi\n");
                assertThat(Peer.refused(port, 5_000)).as("a third client, with a table of two").isTrue();
                a.send("still a");
                a.expect("still a");
                b.send("still b");
                b.expect("still b");
            }
            RtFirmware.awaitCount(fw, "^EchoTwo: echo gone: port \\d+$", 2, LOG_WAIT);
            assertThat(RtFirmware.count(fw, "^EchoTwo: echo gone")).as("only the two it admitted ended").isEqualTo(2);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aSilentClientIsClosedAfterTheIdleTimeout(Target target) throws Exception {
        HostFirmware.Running fw = start(target);
        try {
            int port = fw.port(7481);
            try (Peer p = Peer.connect(port)) {
                p.expect("hi\n");
                Peer.Tail rest = p.readToEnd(100, 30_000);
                assertThat(rest.data()).as("nothing after the greeting").isEmpty();
                assertThat(rest.end()).as("a FIN, as the stack closes an idle client").isEqualTo(Peer.End.EOF);
                RtFirmware.awaitCount(fw, "^Quiet: quiet gone: port " + p.localPort() + "$", 1, LOG_WAIT);
            }
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void framesAreWholeWhateverTheCut(Target target) throws Exception {
        HostFirmware.Running fw = start(target);
        try {
            int port = fw.port(7482);
            int local;
            try (Peer p = Peer.connect(port)) {
                local = p.localPort();
                p.send("ab\ncd");
                p.expect("[ab]\n");
                p.send("\n" + "x".repeat(40));
                p.expect("[cd]\n");
                p.send("\nok\n");
                p.expect("-ERR too long\n[ok]\n");
            }
            RtFirmware.awaitCount(fw, "^Lines: lines gone: port " + local + "$", 1, LOG_WAIT);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aSlowReaderOfALongAnswerGetsItAll(Target target) throws Exception {
        HostFirmware.Running fw = start(target);
        int n = 200_000;
        try {
            int port = fw.port(7483);
            int local;
            try (Peer p = Peer.connect(port, 4096)) {
                local = p.localPort();
                p.send("GET " + n + "\n");
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                while (got.size() < n) {
                    // a reader slower than the server: the answer waits in the server's queue, refilled from @OnSent
                    Peer.Tail t = p.readUpTo(Math.min(1024, n - got.size()), 10_000);
                    got.write(t.data());
                    assertThat(t.end()).as("after " + got.size() + " bytes").isEqualTo(Peer.End.LIMIT);
                    if (got.size() % (16 * 1024) < 1024) {
                        Thread.sleep(2);
                    }
                }
                assertThat(got.toByteArray()).isEqualTo(pattern(n));
                RtFirmware.awaitCount(fw, "^Download: download done " + n + "$", 1, LOG_WAIT);
            }
            RtFirmware.awaitCount(fw, "^Download: download gone: port " + local + "$", 1, LOG_WAIT);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aClientThatSendsFasterThanItReadsGetsItsEchoWhole(Target target) throws Exception {
        HostFirmware.Running fw = start(target);
        int n = 300_000;
        byte[] flood = pattern(n);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            int port = fw.port(7480);
            int local;
            try (Peer p = Peer.connect(port, 8192)) {
                local = p.localPort();
                p.expect("hi\n");
                // the writer sends it all while nobody reads the echo: receiving is held, then resumed, never lost
                Future<?> sent = writer.submit(() -> {
                    p.send(flood);
                    return null;
                });
                p.expect(flood);
                sent.get(60, TimeUnit.SECONDS);
            }
            RtFirmware.awaitCount(fw, "^EchoTwo: echo gone: port " + local + "$", 1, LOG_WAIT);
        } finally {
            writer.shutdownNow();
            RtFirmware.stopClean(fw);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void timersTickInOrderOnTheSameTaskAsTheHandlers(Target target) throws Exception {
        HostFirmware.Running fw = start(target);
        try {
            int port = fw.port(7484);
            int local;
            try (Peer p = Peer.connect(port)) {
                local = p.localPort();
                String got = new String(p.read(120), StandardCharsets.US_ASCII);
                Matcher m = Pattern.compile("tick (\\d+)\n").matcher(got);
                int previous = -1;
                int seen = 0;
                while (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    if (previous >= 0) {
                        assertThat(n).as("ticks in order, none lost:\n" + got).isEqualTo(previous + 1);
                    }
                    previous = n;
                    seen++;
                }
                assertThat(seen).isGreaterThanOrEqualTo(8);
            }
            RtFirmware.awaitCount(fw, "^Ticker: ticker gone: port " + local + "$", 1, LOG_WAIT);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    /**
     * A client that asks, then shuts its side while the answer is queued (HalfCloseServer). Both targets close at the
     * FIN, as the NONOS SDK does (espconn_tcp.c: espconn_server_recv with a NULL pbuf), and neither sends the rest of
     * its queue: the client gets a prefix of the answer, then a FIN. What the prefix is differs: on NONOS the pieces
     * handed to espconn_send, whole (HalfCloseTest); on the FreeRTOS target what the socket had taken, which may end
     * inside a piece, and at least the first piece, which the socket takes when the handler returns.
     */
    @ParameterizedTest
    @EnumSource(Target.class)
    void aHalfCloseEndsAfterWhatTheStackTook(Target target) throws Exception {
        HostFirmware.Running fw = RtFirmware.start(target.build("halfclose"));
        try {
            int port = fw.port(7310);
            try (Peer p = Peer.connect(port, 2048)) {
                p.send("GET 12000\n");
                RtFirmware.awaitCount(fw, "^HalfCloseServer: queued 12000$", 1, LOG_WAIT);
                p.shutdownOutput();
                RtFirmware.awaitCount(fw, "^HalfCloseServer: gone after 12000$", 1, LOG_WAIT);
                Peer.Tail all = p.readToEnd(20_000, 10_000);
                assertThat(all.end()).as("a FIN, not a reset").isEqualTo(Peer.End.EOF);
                assertThat(Peer.isPrefix(all.data(), pattern(12000))).as("a prefix of the answer").isTrue();
                if (target == Target.NONOS) {
                    assertThat(all.data().length % 2920).as("whole pieces: " + all.data().length).isZero();
                    assertThat(all.data().length).as("the rest of the queue is lost").isBetween(2920, 11999);
                } else {
                    assertThat(all.data().length).as("what the socket took").isBetween(2920, 12000);
                }
            }
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
