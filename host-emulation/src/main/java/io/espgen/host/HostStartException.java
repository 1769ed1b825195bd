package io.espgen.host;

import java.io.IOException;

/**
 * A firmware that did not get ready: it exited first, or the wait ran out. The message is that line followed by what
 * the firmware wrote to stderr (its own diagnostics); {@link #summary()}, {@link #stdout()} and {@link #stderr()}
 * keep them apart for a front end that prints them itself.
 */
public final class HostStartException extends IOException {
    private static final long serialVersionUID = 1L;
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

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }
}
