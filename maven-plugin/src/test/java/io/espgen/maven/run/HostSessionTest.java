package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import io.espgen.maven.StandInTree;
import io.espgen.maven.compile.SourceTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What esp:run does once the emulation is built: stream, announce, wait, stop. */
@Timeout(600)
class HostSessionTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> info = Collections.synchronizedList(new ArrayList<>());

    private HostSession session(HostFirmware.Running running) {
        return new HostSession(running, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), info::add);
    }

    /** A Running over a real short-lived process, with scripted output. */
    private static final class Scripted implements HostFirmware.Running {
        final Process process;
        final String stdout;
        final String stderr;

        Scripted(String shell, String stdout, String stderr) throws IOException {
            this.process = new ProcessBuilder("sh", "-c", shell).start();
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public int port(int firmwarePort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String stdout() {
            return stdout;
        }

        @Override
        public String stderr() {
            return stderr;
        }

        @Override
        public int stop() throws InterruptedException {
            process.destroy();
            return process.waitFor();
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public MatchResult awaitStdout(String regex, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int awaitExit(Duration timeout) throws InterruptedException {
            return process.waitFor();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void copiesOutputAnnouncesAddressesAndReturnsTheExitStatus() throws Exception {
        String stdout = "espgen-host: listening on 127.0.0.1:40001 (firmware port 7777)\n"
                + "espgen-host: listening on 127.0.0.1:23 (firmware port 23)\n"
                + "espgen-host: ready\n";
        try (Scripted fw = new Scripted("exit 3", stdout, "warning\n")) {
            HostSession s = session(fw);
            assertThat(s.serve(Duration.ofMillis(20))).isEqualTo(3);
            assertThat(s.stopping()).isFalse();
            assertThat(s.listeners()).containsExactly(new Listener("127.0.0.1", 40001, 7777),
                    new Listener("127.0.0.1", 23, 23));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(stdout);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning\n");
        assertThat(info).containsExactly(
                "espgen: serving firmware port 7777 on 127.0.0.1:40001 (mapped)",
                "espgen: serving firmware port 23 on 127.0.0.1:23",
                "espgen: press Ctrl-C to stop");
    }

    @Test
    void stopEndsTheServingLoop() throws Exception {
        try (Scripted fw = new Scripted("sleep 30", "", "")) {
            HostSession s = session(fw);
            CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.serve(Duration.ofMillis(20));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            s.stop();
            assertThat(serving.get(10, TimeUnit.SECONDS)).isNotZero();
            assertThat(s.stopping()).isTrue();
        }
    }

    /** The stand-in tree's echo server, built with the real host emulation, served and stopped. */
    @Test
    void servesTheGeneratedTreeOnTheHost() throws Exception {
        Path root = StandInTree.write(tmp.resolve("espgen"));
        StandInTree.write(root.resolve("echo/echo_server.c"), HOST_ECHO_C);
        StandInTree.write(root.resolve("user_main.c"), HOST_USER_MAIN_C);
        SourceTree tree = SourceTree.scan(root);
        List<Path> sources = tree.sources().stream().map(root::resolve).collect(Collectors.toList());
        Path exe = HostFirmware.build(sources, tree.includeDirs(), tmp.resolve("host"), false);
        HostFirmware.Running running = HostFirmware.start(exe, PortMapping.arguments(List.of("7777=0"), false),
                Duration.ofSeconds(20));
        try (running) {
            HostSession s = session(running);
            CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.serve(Duration.ofMillis(20));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.listeners().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(s.listeners()).hasSize(1);
            Listener l = s.listeners().get(0);
            assertThat(l.firmwarePort()).isEqualTo(7777);
            assertThat(l.hostPort()).isEqualTo(running.port(7777)).isNotEqualTo(7777);
            assertThat(echo(l.hostPort(), "hello")).isEqualTo("hello");

            assertThat(s.stop()).isZero();
            assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("espgen-host: listening on 127.0.0.1:")
                .contains("espgen-host: ready");
        assertThat(info).contains("espgen: press Ctrl-C to stop");
    }

    private static String echo(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream o = socket.getOutputStream();
            o.write(text.getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[text.length()];
            int n = 0;
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
    }

    /** One send in flight, from a copy, as the SDK demands. */
    static final String HOST_ECHO_C = """
            #include "espgen_sdk.h"
            #include "echo/echo_server.h"

            static struct espconn echo_listen;
            static esp_tcp echo_tcp;
            static uint8 echo_buf[64];
            static bool echo_busy;

            static void ICACHE_FLASH_ATTR echo_recv(void *arg, char *data, unsigned short len)
            {
            	if (echo_busy)
            		return;
            	if (len > sizeof(echo_buf))
            		len = sizeof(echo_buf);
            	os_memcpy(echo_buf, data, len);
            	echo_busy = true;
            	espconn_send((struct espconn *)arg, echo_buf, len);
            }

            static void ICACHE_FLASH_ATTR echo_sent(void *arg)
            {
            	(void)arg;
            	echo_busy = false;
            }

            void ICACHE_FLASH_ATTR echo_server_start(void)
            {
            	echo_listen.type = ESPCONN_TCP;
            	echo_listen.proto.tcp = &echo_tcp;
            	echo_tcp.local_port = ECHO_PORT;
            	espconn_regist_recvcb(&echo_listen, echo_recv);
            	espconn_regist_sentcb(&echo_listen, echo_sent);
            	espconn_accept(&echo_listen);
            }
            """;

    static final String HOST_USER_MAIN_C = """
            #include "espgen_sdk.h"
            #include "echo/echo_server.h"

            #ifndef SPI_FLASH_SIZE_MAP
            #define SPI_FLASH_SIZE_MAP 4
            #endif

            static const partition_item_t partitions[] = {
            	{ SYSTEM_PARTITION_BOOTLOADER, 0x00000, 0x10000 },
            	{ SYSTEM_PARTITION_OTA_1, 0x10000, 0x60000 },
            	{ SYSTEM_PARTITION_RF_CAL, 0x3fb000, 0x1000 },
            	{ SYSTEM_PARTITION_PHY_DATA, 0x3fc000, 0x1000 },
            	{ SYSTEM_PARTITION_SYSTEM_PARAMETER, 0x3fd000, 0x3000 },
            };

            void ICACHE_FLASH_ATTR user_pre_init(void)
            {
            	system_partition_table_regist(partitions, sizeof(partitions) / sizeof(partitions[0]),
            				      SPI_FLASH_SIZE_MAP);
            }

            void ICACHE_FLASH_ATTR user_init(void)
            {
            	echo_server_start();
            }
            """;
}
