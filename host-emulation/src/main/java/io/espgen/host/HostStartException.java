package io.espgen.host;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware that did not get ready: it exited first, or the wait ran out. The message is that line followed by what
 * the firmware wrote to stderr (its own diagnostics); {@link #summary()}, {@link #stdout()} and {@link #stderr()}
 * keep them apart for a front end that prints them itself.
 */
public final class HostStartException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * What a firmware prints on stderr when it cannot open a listener: the emulation's {@code cannot listen on
     * 127.0.0.1:7777 for firmware port 7777: Address already in use} (host_espconn_listen.c), the SDK stack's
     * {@code cannot listen on 127.0.0.1:7777 (firmware port 7777): ...}.
     */
    private static final Pattern CANNOT_LISTEN = Pattern.compile(
            "cannot listen on 127\\.0\\.0\\.1:(\\d+) (?:for firmware port |\\(firmware port )(\\d+)\\)?: (.+)");

    private final String summary;
    private final Integer exitCode;
    private final String stdout;
    private final String stderr;

    HostStartException(String message, Integer exitCode, String stdout, String stderr, Throwable cause) {
        super(stderr.isBlank() ? message : message + ":\n" + stderr.strip(), cause);
        this.summary = message;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The one line: it exited (with its status) or it timed out, without the firmware's output. */
    public String summary() {
        return summary;
    }

    /** The exit status when it exited before it was ready, else null (it timed out). */
    public Integer exitCode() {
        return exitCode;
    }

    /** The listener it could not open, when that is why it did not start. */
    public Optional<ListenFailure> listenFailure() {
        return ListenFailure.in(stderr);
    }

    /**
     * A listener the firmware could not open.
     *
     * @param reason the system's words ({@code strerror}), such as "Address already in use"
     */
    public record ListenFailure(int hostPort, int firmwarePort, String reason) {

        /** The failure a firmware's stderr reports, if it reports one. */
        public static Optional<ListenFailure> in(String stderr) {
            Matcher m = CANNOT_LISTEN.matcher(stderr == null ? "" : stderr);
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(new ListenFailure(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3).strip()));
        }

        /** Another program (or firmware) holds the address. */
        public boolean addressInUse() {
            return reason.toLowerCase(Locale.ROOT).contains("in use");
        }

        /** A port below 1024 without the privilege to bind it. */
        public boolean permissionDenied() {
            return reason.toLowerCase(Locale.ROOT).contains("permission denied");
        }
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }
}
