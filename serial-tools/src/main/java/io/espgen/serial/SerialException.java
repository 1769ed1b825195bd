package io.espgen.serial;

/** A serial problem a user can act on; the message is one line from {@link SerialMessages}. */
public class SerialException extends Exception {
    private static final long serialVersionUID = 1L;

    public SerialException(String message) {
        super(message);
    }
}
