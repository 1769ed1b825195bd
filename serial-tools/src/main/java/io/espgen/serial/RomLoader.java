package io.espgen.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The ESP8266 ROM bootloader's serial protocol, as esptool documents it (docs/en/advanced-topics/
 * serial-protocol.rst): SLIP packets, a command {@code [0x00, op, size16, checksum32, data]} answered by
 * {@code [0x01, op, size16, value32, data]} whose last two data bytes are the status (0 = done) and the error.
 * Only the commands the ESP8266 ROM knows are here: the ROM has no SPI_FLASH_MD5, no read-flash command and no
 * compressed download (those are the stub loader's and the ESP32 ROM's).
 */
public final class RomLoader {
    public static final int FLASH_BEGIN = 0x02;
    public static final int FLASH_DATA = 0x03;
    public static final int FLASH_END = 0x04;
    public static final int SYNC = 0x08;
    public static final int READ_REG = 0x0a;

    /** Data per FLASH_DATA packet with the ROM loader (esptool: ESPLoader.FLASH_WRITE_SIZE). */
    public static final int FLASH_WRITE_SIZE = 0x400;
    public static final int FLASH_SECTOR_SIZE = 0x1000;
    /** The seed of the data checksum: 0xEF, XORed with every byte of the data to write. */
    public static final int CHECKSUM_SEED = 0xEF;
    /** The SYNC payload: 07 07 12 20 and 32 x 55, which also lets the ROM detect the baud rate. */
    public static final byte[] SYNC_DATA = syncData();

    /** A response may carry at most a 16-bit size of data, plus its 8-byte header. */
    private static final int MAX_PACKET = 0xffff + 8;

    private final SerialLink link;
    private final Slip.Decoder decoder = new Slip.Decoder(MAX_PACKET);
    private final ArrayDeque<byte[]> received = new ArrayDeque<>();
    private final byte[] buffer = new byte[4096];

    public RomLoader(SerialLink link) {
        this.link = link;
    }

    public SerialLink link() {
        return link;
    }

    /** A response: the op it answers, the value (READ_REG's word) and the data, status bytes included. */
    public record Response(int op, long value, byte[] data) {
        public int status() {
            return data.length >= 2 ? data[data.length - 2] & 0xff : 1;
        }

        public int error() {
            return data.length >= 2 ? data[data.length - 1] & 0xff : 0;
        }
    }

    /** One SYNC: true when the ROM answered it within the timeout. */
    public boolean sync(int timeoutMillis) throws IOException {
        link.discardInput();
        received.clear();
        try {
            return command(SYNC, SYNC_DATA, 0, timeoutMillis).status() == 0;
        } catch (NoAnswerException e) {
            return false;
        }
    }

    /**
     * FLASH_BEGIN: the ROM erases the region here (so the timeout grows with the size) and expects
     * {@code blocks} FLASH_DATA packets of {@code blockSize} bytes. The erase size passed works around the ROM's
     * erase bug ({@link #eraseSize}).
     */
    public void flashBegin(long offset, long size, int blocks, int blockSize, int timeoutMillis)
            throws IOException, SerialException {
        byte[] data = words(eraseSize(offset, size), blocks, blockSize, offset);
        check(command(FLASH_BEGIN, data, 0, timeoutMillis), FLASH_BEGIN);
    }

    /** FLASH_DATA: one block (already padded to the block size) with its sequence number and checksum. */
    public void flashData(byte[] block, int seq, int timeoutMillis) throws IOException, SerialException {
        ByteBuffer data = ByteBuffer.allocate(16 + block.length).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(block.length).putInt(seq).putInt(0).putInt(0).put(block);
        check(command(FLASH_DATA, data.array(), checksum(block), timeoutMillis), FLASH_DATA);
    }

    /** FLASH_END: leaves the loader; {@code runUserCode} jumps to the firmware, else the ROM reboots. */
    public void flashEnd(boolean runUserCode, int timeoutMillis) throws IOException, SerialException {
        check(command(FLASH_END, words(runUserCode ? 1 : 0), 0, timeoutMillis), FLASH_END);
    }

    /** READ_REG: a 32-bit word of the chip's address space. */
    public long readReg(long address, int timeoutMillis) throws IOException, SerialException {
        Response r = command(READ_REG, words(address), 0, timeoutMillis);
        check(r, READ_REG);
        return r.value();
    }

    /**
     * Sends a command and returns the first response to the same op, skipping anything else (late answers to
     * an earlier SYNC, the chip's boot messages); {@link NoAnswerException} when none comes in time.
     */
    public Response command(int op, byte[] data, int checksum, int timeoutMillis) throws IOException,
            NoAnswerException {
        ByteBuffer packet = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        packet.put((byte) 0x00).put((byte) op).putShort((short) data.length).putInt(checksum).put(data);
        link.write(Slip.encode(packet.array()));
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            Optional<byte[]> next = nextPacket(deadline);
            if (next.isEmpty()) {
                throw new NoAnswerException(SerialMessages.noAnswerTo(link.name(), name(op), timeoutMillis));
            }
            byte[] p = next.get();
            if (p.length < 8 || p[0] != 0x01 || (p[1] & 0xff) != op) {
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
            int size = b.getShort(2) & 0xffff;
            long value = b.getInt(4) & 0xffffffffL;
            if (size > p.length - 8) {
                continue;
            }
            byte[] body = new byte[size];
            System.arraycopy(p, 8, body, 0, size);
            return new Response(op, value, body);
        }
    }

    private Optional<byte[]> nextPacket(long deadline) throws IOException {
        while (received.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return Optional.empty();
            }
            int n = link.read(buffer, (int) Math.min(left, Integer.MAX_VALUE));
            for (int i = 0; i < n; i++) {
                decoder.accept(buffer[i]).ifPresent(received::add);
            }
        }
        return Optional.of(received.poll());
    }

    private static void check(Response r, int op) throws RomException {
        if (r.status() != 0) {
            throw new RomException(op, r.error());
        }
    }

    /** The data checksum: 0xEF XOR every byte (esptool docs, "Checksum"). */
    public static int checksum(byte[] data) {
        int c = CHECKSUM_SEED;
        for (byte b : data) {
            c ^= b & 0xff;
        }
        return c;
    }

    /**
     * The erase size to send so that the ESP8266 ROM erases the sectors of {@code [offset, offset + size)}: the ROM
     * erases up to twice what it is asked within the first 64 KiB block. esptool's
     * {@code ESP8266ROM.get_erase_size}, line for line.
     */
    public static long eraseSize(long offset, long size) {
        int sectorsPerBlock = 16;
        long numSectors = (size + FLASH_SECTOR_SIZE - 1) / FLASH_SECTOR_SIZE;
        long startSector = offset / FLASH_SECTOR_SIZE;
        long headSectors = sectorsPerBlock - (startSector % sectorsPerBlock);
        if (numSectors < headSectors) {
            headSectors = numSectors;
        }
        if (numSectors < 2 * headSectors) {
            return (numSectors + 1) / 2 * FLASH_SECTOR_SIZE;
        }
        return (numSectors - headSectors) * FLASH_SECTOR_SIZE;
    }

    public static String name(int op) {
        switch (op) {
            case FLASH_BEGIN:
                return "FLASH_BEGIN";
            case FLASH_DATA:
                return "FLASH_DATA";
            case FLASH_END:
                return "FLASH_END";
            case SYNC:
                return "SYNC";
            case READ_REG:
                return "READ_REG";
            default:
                return String.format("command 0x%02x", op);
        }
    }

    static byte[] words(long... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return b.array();
    }

    private static byte[] syncData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x07, 0x07, 0x12, 0x20});
        for (int i = 0; i < 32; i++) {
            out.write(0x55);
        }
        return out.toByteArray();
    }
}
