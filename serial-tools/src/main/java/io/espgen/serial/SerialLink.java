package io.espgen.serial;

import java.io.Closeable;
import java.io.IOException;

/**
 * An open serial line, as the flasher and the monitor use it. {@link JSerialCommLink} is the real one; tests
 * wrap it to watch the control lines and the baud rate, which a pseudo-terminal does not carry.
 */
public interface SerialLink extends Closeable {

    /** The device, for messages. */
    String name();

    void write(byte[] data) throws IOException;

    /** Reads what is there, waiting at most timeoutMillis for the first byte; 0 when nothing came. */
    int read(byte[] buffer, int timeoutMillis) throws IOException;

    void setBaudRate(int baud) throws IOException;

    int baudRate();

    /**
     * Sets DTR (true = asserted, the line low); false when the device has no such line (a pseudo-terminal, some
     * USB adapters).
     */
    boolean setDtr(boolean asserted);

    /** Sets RTS, as {@link #setDtr}. */
    boolean setRts(boolean asserted);

    /** Drops what was received and not read yet. */
    void discardInput() throws IOException;

    @Override
    void close();
}
