package io.espgen.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pseudo-terminal for tests: the port side is a /dev/pts device the code under test opens like a USB serial
 * adapter; the other side (the "chip") is the standard input and output of a small C relay (ptyrelay.c,
 * a resource beside this class, built with the host's gcc), so no Python and no socat is needed. The test jar
 * carries both, for the plugin's esp:flash test. A pty carries bytes only: no baud rate,
 * no DTR or RTS.
 */
public final class Pty implements AutoCloseable {
    private static Path relay;

    private final Process process;
    private final String path;

    private Pty(Process process, String path) {
        this.process = process;
        this.path = path;
    }

    public static Pty open() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(relay().toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        InputStream in = p.getInputStream();
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("ptyrelay exited with " + p.waitFor() + " before naming its pty");
            }
            name.write(b);
        }
        return new Pty(p, name.toString());
    }

    /** The device the code under test opens. */
    public String path() {
        return path;
    }

    /** What the port side wrote. */
    public InputStream chipIn() {
        return process.getInputStream();
    }

    /** What the port side reads. */
    public OutputStream chipOut() {
        return process.getOutputStream();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        process.waitFor();
    }

    private static synchronized Path relay() throws IOException, InterruptedException {
        if (relay == null) {
            Path out = Path.of(System.getProperty("espgen.buildDir"), "ptyrelay");
            Path source = out.resolveSibling("ptyrelay.c");
            Files.createDirectories(out.getParent());
            try (InputStream in = Pty.class.getResourceAsStream("ptyrelay.c")) {
                Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Process gcc = new ProcessBuilder("gcc", "-Wall", "-Wextra", "-Werror", "-O1", "-o", out.toString(),
                    source.toString()).redirectErrorStream(true).start();
            String output = new String(gcc.getInputStream().readAllBytes());
            if (gcc.waitFor() != 0) {
                throw new IOException("gcc failed on ptyrelay.c: " + output);
            }
            relay = out;
        }
        return relay;
    }
}
