package io.espgen.maven;

/**
 * A problem the user can fix (missing toolchain, bad parameter, compiler errors, size over a limit). Its
 * message is one line from {@link Messages} and is shown without a stack trace.
 */
public final class EspException extends Exception {
    private static final long serialVersionUID = 1L;

    public EspException(String message) {
        super(message);
    }
}
