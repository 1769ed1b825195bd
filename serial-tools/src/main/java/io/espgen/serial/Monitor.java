package io.espgen.serial;

import io.espgen.serial.crash.Addr2Line;
import io.espgen.serial.crash.CrashReport;
import io.espgen.serial.crash.DumpParser;
import io.espgen.serial.crash.ExceptionDump;
import io.espgen.serial.crash.JavaLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A serial monitor for the ESP8266: prints what the chip writes, line by line, and after an exception dump the
 * decoded report. The ROM writes its boot lines at 74880 baud (with the usual 26 MHz crystal); the monitor listens
 * at that rate until the ROM's last boot line ({@code csum 0x..}, the loaded image's checksum), then at the
 * firmware's rate, and goes back to 74880 after a dump, for the boot that follows it.
 */
public final class Monitor {
    public static final int BOOT_BAUD = 74880;
    /** A line longer than this is cut: the monitor keeps bounded memory whatever the chip sends. */
    static final int MAX_LINE = 4096;

    private final SerialLink link;
    private final int appBaud;
    private final Addr2Line addr2line;
    private final JavaLines java = new JavaLines();
    private final Consumer<String> output;
    private final Consumer<String> report;
    private final DumpParser parser = new DumpParser();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile boolean stopped;

    /**
     * @param addr2line resolves addresses against the firmware's ELF; null reports causes and raw addresses only
     * @param output the chip's lines
     * @param report the decoded dumps' lines
     */
    public Monitor(SerialLink link, int appBaud, Addr2Line addr2line, Consumer<String> output,
            Consumer<String> report) {
        this.link = link;
        this.appBaud = appBaud;
        this.addr2line = addr2line;
        this.output = output;
        this.report = report;
    }

    /** Runs until {@link #stop()} or the port goes away. */
    public void run() throws IOException {
        if (link.baudRate() != BOOT_BAUD) {
            link.setBaudRate(BOOT_BAUD);
        }
        byte[] buffer = new byte[1024];
        while (!stopped) {
            int n = link.read(buffer, 200);
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (b == '\n') {
                    endLine();
                } else if (b != '\r' && line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
        }
    }

    public void stop() {
        stopped = true;
    }

    private void endLine() throws IOException {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        output.accept(text);
        Optional<ExceptionDump> dump = parser.accept(text);
        if (dump.isPresent()) {
            CrashReport.lines(dump.get(), addr2line, java).forEach(report);
            setBaud(BOOT_BAUD);
        } else if (text.startsWith("csum 0x") || text.startsWith("csum err")) {
            setBaud(appBaud);
        }
    }

    private void setBaud(int baud) throws IOException {
        if (link.baudRate() != baud) {
            link.setBaudRate(baud);
        }
    }
}
