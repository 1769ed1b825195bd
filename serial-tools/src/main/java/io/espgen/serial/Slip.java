package io.espgen.serial;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * SLIP framing as the ESP8266 ROM bootloader uses it (esptool docs, serial-protocol.rst, "Low Level Protocol"):
 * every packet starts and ends with 0xC0; inside, 0xC0 is sent as 0xDB 0xDC and 0xDB as 0xDB 0xDD.
 */
public final class Slip {
    public static final int END = 0xC0;
    public static final int ESC = 0xDB;
    public static final int ESC_END = 0xDC;
    public static final int ESC_ESC = 0xDD;

    private Slip() {
    }

    /** The packet framed and escaped, ready for the wire. */
    public static byte[] encode(byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length + 8);
        out.write(END);
        for (byte b : packet) {
            int v = b & 0xff;
            if (v == END) {
                out.write(ESC);
                out.write(ESC_END);
            } else if (v == ESC) {
                out.write(ESC);
                out.write(ESC_ESC);
            } else {
                out.write(v);
            }
        }
        out.write(END);
        return out.toByteArray();
    }

    /**
     * Collects packets from a byte stream. Bytes outside a frame (the chip's boot messages) are ignored; a frame
     * longer than the bound, or with a bad escape, is dropped whole.
     */
    public static final class Decoder {
        private final int maxPacket;
        private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        private boolean inFrame;
        private boolean escaped;
        private boolean broken;

        public Decoder(int maxPacket) {
            this.maxPacket = maxPacket;
        }

        /** Takes one byte; returns the packet it completes, if any. */
        public Optional<byte[]> accept(int b) {
            b &= 0xff;
            if (b == END) {
                if (inFrame && frame.size() > 0 && !broken && !escaped) {
                    byte[] packet = frame.toByteArray();
                    reset(true);
                    return Optional.of(packet);
                }
                // an END after an empty frame starts a new one: two ENDs in a row are the usual separator
                reset(true);
                return Optional.empty();
            }
            if (!inFrame || broken) {
                return Optional.empty();
            }
            if (escaped) {
                escaped = false;
                if (b == ESC_END) {
                    b = END;
                } else if (b == ESC_ESC) {
                    b = ESC;
                } else {
                    broken = true;
                    return Optional.empty();
                }
            } else if (b == ESC) {
                escaped = true;
                return Optional.empty();
            }
            if (frame.size() >= maxPacket) {
                broken = true;
                return Optional.empty();
            }
            frame.write(b);
            return Optional.empty();
        }

        private void reset(boolean open) {
            frame.reset();
            inFrame = open;
            escaped = false;
            broken = false;
        }
    }
}
