package io.espgen.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.serial.crash.CrashElf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The monitor on a pty: a recorded boot and crash replayed as the chip would send them. */
class MonitorTest {
    private static final String BOOT = "\r\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n\r\n"
            + "load 0x40100000, len 27728, room 16 \r\ntail 0\r\nchksum 0x2a\r\n"
            + "load 0x3ffe8000, len 2124, room 8 \r\ntail 4\r\nchksum 0x3d\r\ncsum 0x3d\r\n";

    /** Waits for a line (the monitor thread delivers them): a wait on the event, bounded so a bug fails. */
    private static String await(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("a line starting with " + prefix).isNotNull();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    @Test
    void printsTheChipsLinesAndDecodesACrashAgainstTheElf() throws Exception {
        CrashElf elf = CrashElf.get();
        long echo = elf.symbols.get("echo_server_echo");
        long hello = elf.symbols.get("echo_server_hello");
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        BlockingQueue<String> report = new LinkedBlockingQueue<>();
        List<Integer> rates = new CopyOnWriteArrayList<>();
        try (Pty pty = Pty.open(); SerialLink port = SerialPorts.open(pty.path(), 115200)) {
            SerialLink link = new RateRecordingLink(port, rates);
            Monitor monitor = new Monitor(link, 115200, elf.addr2line(), output::add, report::add);
            Thread thread = new Thread(() -> {
                try {
                    monitor.run();
                } catch (IOException e) {
                    output.add("failed: " + e);
                }
            });
            thread.start();
            try {
                send(pty, BOOT);
                await(output, "csum 0x3d");
                send(pty, "echo: listening on port 7777\r\n");
                await(output, "echo: listening");
                // the ROM's lines at 74880, the firmware's at its own rate
                assertThat(rates).containsExactly(74880, 115200);
                send(pty, String.format("\r\nException (28):\r\nepc1=0x%08x epc2=0x00000000 epc3=0x00000000 "
                        + "excvaddr=0x0000000c depc=0x00000000\r\n\r\n>>>stack>>>\r\n\r\nctx: cont\r\n"
                        + "sp: 3ffffdc0 end: 3fffffc0 offset: 01a0\r\n3ffffdc0:  3fffdad0 %08x 3ffee6e0 00000000\r\n"
                        + "<<<stack<<<\r\n", echo, hello));
                assertThat(await(report, "exception")).startsWith("exception 28 (LoadProhibited)");
                assertThat(await(report, "  epc1")).contains("echo_server_echo at crash.c:",
                        "[Java: EchoServer.echo (EchoServer.java:26)]");
                assertThat(await(report, "    0x")).contains("echo_server_hello at EchoServer.java:2");
                // back to 74880 for the boot after the crash
                send(pty, BOOT + "echo: listening on port 7777\r\n");
                await(output, "echo: listening");
                assertThat(rates).containsExactly(74880, 115200, 74880, 115200);
            } finally {
                monitor.stop();
                thread.join(20_000);
            }
            assertThat(thread.isAlive()).isFalse();
            List<String> seen = new ArrayList<>(output);
            assertThat(seen).noneMatch(l -> l.startsWith("failed"));
        }
    }

    private static void send(Pty pty, String text) throws IOException {
        pty.chipOut().write(text.getBytes(StandardCharsets.ISO_8859_1));
        pty.chipOut().flush();
    }

    /** The port, with each rate the monitor sets recorded (a pty has no rate of its own). */
    private static final class RateRecordingLink implements SerialLink {
        private final SerialLink port;
        private final List<Integer> rates;

        RateRecordingLink(SerialLink port, List<Integer> rates) {
            this.port = port;
            this.rates = rates;
        }

        @Override
        public String name() {
            return port.name();
        }

        @Override
        public void write(byte[] data) throws IOException {
            port.write(data);
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) throws IOException {
            return port.read(buffer, timeoutMillis);
        }

        @Override
        public void setBaudRate(int baud) throws IOException {
            port.setBaudRate(baud);
            rates.add(baud);
        }

        @Override
        public int baudRate() {
            return port.baudRate();
        }

        @Override
        public boolean setDtr(boolean asserted) {
            return port.setDtr(asserted);
        }

        @Override
        public boolean setRts(boolean asserted) {
            return port.setRts(asserted);
        }

        @Override
        public void discardInput() throws IOException {
            port.discardInput();
        }

        @Override
        public void close() {
            port.close();
        }
    }
}
