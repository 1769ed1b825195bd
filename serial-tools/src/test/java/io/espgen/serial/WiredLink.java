package io.espgen.serial;

import java.io.IOException;

/**
 * A real port on a pty, with what a pty lacks: the DTR and RTS lines and the baud rate reach the simulated chip
 * as they would through a USB serial adapter's wires.
 */
final class WiredLink implements SerialLink {
    private final SerialLink port;
    private final SimulatedRomBootloader chip;
    private boolean dtr;
    private boolean rts;

    WiredLink(SerialLink port, SimulatedRomBootloader chip) {
        this.port = port;
        this.chip = chip;
        chip.lineBaud(port.baudRate());
    }

    @Override
    public String name() {
        return port.name();
    }

    @Override
    public void write(byte[] data) throws IOException {
        port.write(data);
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        return port.read(buffer, timeoutMillis);
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        port.setBaudRate(baud);
        chip.lineBaud(baud);
    }

    @Override
    public int baudRate() {
        return port.baudRate();
    }

    @Override
    public boolean setDtr(boolean asserted) {
        dtr = asserted;
        chip.controlLines(dtr, rts, rts);
        return true;
    }

    @Override
    public boolean setRts(boolean asserted) {
        boolean was = rts;
        rts = asserted;
        chip.controlLines(dtr, rts, was);
        return true;
    }

    @Override
    public void discardInput() throws IOException {
        port.discardInput();
    }

    @Override
    public void close() {
        port.close();
    }
}
