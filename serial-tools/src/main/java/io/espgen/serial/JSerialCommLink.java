package io.espgen.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/** A {@link SerialLink} on jSerialComm: 8 data bits, no parity, one stop bit, no flow control. */
public final class JSerialCommLink implements SerialLink {
    private final SerialPort port;
    private int baud;

    JSerialCommLink(SerialPort port, int baud) {
        this.port = port;
        this.baud = baud;
    }

    @Override
    public String name() {
        return port.getSystemPortPath();
    }

    @Override
    public void write(byte[] data) throws IOException {
        int done = 0;
        while (done < data.length) {
            int n = port.writeBytes(data, data.length - done, done);
            if (n < 0) {
                throw new IOException("write to " + name() + " failed (error " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, Math.max(1, timeoutMillis), 0);
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            if (!port.isOpen()) {
                throw new IOException(SerialMessages.portGone(name()));
            }
            // EIO: the adapter was unplugged, or the other end of a pty closed
            throw new IOException(SerialMessages.portGone(name()) + " (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void setBaudRate(int rate) throws IOException {
        if (!port.setBaudRate(rate)) {
            throw new IOException(SerialMessages.baudRefused(name(), rate));
        }
        baud = rate;
    }

    @Override
    public int baudRate() {
        return baud;
    }

    @Override
    public boolean setDtr(boolean asserted) {
        return asserted ? port.setDTR() : port.clearDTR();
    }

    @Override
    public boolean setRts(boolean asserted) {
        return asserted ? port.setRTS() : port.clearRTS();
    }

    @Override
    public void discardInput() throws IOException {
        byte[] sink = new byte[4096];
        while (port.bytesAvailable() > 0) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
            if (port.readBytes(sink, sink.length) <= 0) {
                break;
            }
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
