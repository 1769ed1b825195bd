package io.espgen.serial;

import java.io.ByteArrayOutputStream;

/** A link that records what is written and never answers. */
final class ByteArrayLink implements SerialLink {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    byte[] written() {
        return written.toByteArray();
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void write(byte[] data) {
        written.writeBytes(data);
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) {
        return 0;
    }

    @Override
    public void setBaudRate(int baud) {
    }

    @Override
    public int baudRate() {
        return 115200;
    }

    @Override
    public boolean setDtr(boolean asserted) {
        return false;
    }

    @Override
    public boolean setRts(boolean asserted) {
        return false;
    }

    @Override
    public void discardInput() {
    }

    @Override
    public void close() {
    }
}
