package io.espgen.serial;

/** The chip did not answer a command in time (not in its bootloader, wrong baud rate, cable, power). */
public final class NoAnswerException extends SerialException {
    private static final long serialVersionUID = 1L;

    public NoAnswerException(String message) {
        super(message);
    }
}
