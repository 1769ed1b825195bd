package io.espgen.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * An ESP8266 ROM bootloader written from esptool's protocol description (serial-protocol.rst), on the chip side
 * of a {@link Pty}: SLIP packets, SYNC (answered eight times, as the ROM does), FLASH_BEGIN (erases), FLASH_DATA
 * (checks size, sequence and checksum, programs, reads back), FLASH_END; two status bytes end each answer.
 * Its flash is NOR flash: an erase sets a sector to 0xFF and programming can only clear bits, so a block written
 * over an unerased sector reads back wrong (error 0x08), as on the chip. FLASH_BEGIN erases like the ROM with its
 * erase-size bug: asked for e sectors it erases e + min(e, sectors to the next 64 KiB block) (the inverse of
 * esptool's ESP8266ROM.get_erase_size workaround). Faults can be injected: a lost answer, a corrupted block, a
 * chip that goes silent, a baud rate it does not hear.
 */
public final class SimulatedRomBootloader {
    static final int FLASH_SIZE = 4 << 20;

    public enum Mode { BOOTLOADER, FIRMWARE, DEAD }

    private final InputStream in;
    private final OutputStream out;
    private final Thread thread;
    private final byte[] flash = new byte[FLASH_SIZE];
    private final byte[] initial;
    private final List<String> events = new ArrayList<>();

    private volatile Mode mode;
    private volatile int lineBaud;
    private volatile Set<Integer> heardBauds = Set.of();
    private int dropAnswerOfSeq = -1;
    private int corruptSeq = -1;
    private int dieAfterBlocks = -1;
    private int blocksTaken;

    // the download FLASH_BEGIN set up
    private long writeOffset;
    private int blocks;
    private int blockSize;
    private int nextSeq;

    public SimulatedRomBootloader(Pty pty, Mode mode) {
        this.in = pty.chipIn();
        this.out = pty.chipOut();
        this.mode = mode;
        new Random(8266).nextBytes(flash);
        this.initial = flash.clone();
        this.thread = new Thread(this::serve, "simulated-rom");
        thread.setDaemon(true);
        thread.start();
    }

    // faults and the outside world

    /** The chip hears only these rates (with {@link #lineBaud}); empty: every rate. */
    synchronized void hearOnly(Set<Integer> bauds) {
        heardBauds = Set.copyOf(bauds);
    }

    void lineBaud(int baud) {
        lineBaud = baud;
    }

    /** Takes the block with this sequence number once but sends no answer, as if the answer were lost. */
    synchronized void dropAnswerOnce(int seq) {
        dropAnswerOfSeq = seq;
    }

    /** The block with this sequence number arrives once with a flipped bit. */
    synchronized void corruptOnce(int seq) {
        corruptSeq = seq;
    }

    /** After this many FLASH_DATA packets the chip says nothing more (cable pulled, power lost). */
    synchronized void dieAfterBlocks(int n) {
        dieAfterBlocks = n;
    }

    /** Power off and on with GPIO0 low: back in the bootloader, the flash as it was. */
    synchronized void powerCycleIntoBootloader() {
        dieAfterBlocks = -1;
        blocksTaken = 0;
        boot(true);
    }

    /**
     * The control lines as a NodeMCU-style board wires them: RTS pulls EN low, DTR pulls GPIO0 low, each only while
     * the other is not asserted; the capacitor on EN keeps the chip in reset through the brief moment both are
     * asserted, so the chip starts when RTS is released, from its bootloader if DTR holds GPIO0 low then.
     */
    synchronized void controlLines(boolean dtr, boolean rts, boolean rtsWas) {
        if (rtsWas && !rts) {
            boot(dtr);
        }
    }

    private void boot(boolean gpio0Low) {
        mode = gpio0Low ? Mode.BOOTLOADER : Mode.FIRMWARE;
        events.add(gpio0Low ? "boot:bootloader" : "boot:firmware");
        blocks = 0;
    }

    public synchronized byte[] flash() {
        return flash.clone();
    }

    public byte[] initialFlash() {
        return initial.clone();
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized Mode mode() {
        return mode;
    }

    // the protocol

    private void serve() {
        Slip.Decoder decoder = new Slip.Decoder(0x10000 + 8);
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    Optional<byte[]> packet = decoder.accept(buf[i]);
                    if (packet.isPresent()) {
                        handle(packet.get());
                    }
                }
            }
        } catch (IOException e) {
            // the relay went away: the test is over
        }
    }

    private synchronized void handle(byte[] p) throws IOException {
        if (mode != Mode.BOOTLOADER || (!heardBauds.isEmpty() && !heardBauds.contains(lineBaud))) {
            return;
        }
        if (p.length < 8 || p[0] != 0x00) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        int op = p[1] & 0xff;
        int size = b.getShort(2) & 0xffff;
        int checksum = b.getInt(4);
        if (size != p.length - 8) {
            answer(op, 0, 1, 0x05);
            return;
        }
        byte[] data = Arrays.copyOfRange(p, 8, p.length);
        ByteBuffer d = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        switch (op) {
            case RomLoader.SYNC:
                if (!Arrays.equals(data, RomLoader.SYNC_DATA)) {
                    answer(op, 0, 1, 0x05);
                    return;
                }
                events.add("sync");
                for (int i = 0; i < 8; i++) {
                    answer(op, 0x20120707L, 0, 0);
                }
                return;
            case RomLoader.FLASH_BEGIN:
                if (size != 16) {
                    answer(op, 0, 1, 0x01);
                    return;
                }
                flashBegin(d.getInt() & 0xffffffffL, d.getInt(), d.getInt(), d.getInt() & 0xffffffffL);
                return;
            case RomLoader.FLASH_DATA:
                flashData(d, checksum & 0xff);
                return;
            case RomLoader.FLASH_END:
                events.add("flash_end:" + (size == 4 && d.getInt() == 1 ? "run" : "reboot"));
                answer(op, 0, 0, 0);
                mode = Mode.FIRMWARE;
                return;
            default:
                // SPI_FLASH_MD5, READ_FLASH, compressed download...: the ESP8266 ROM does not know them
                answer(op, 0, 1, 0x05);
        }
    }

    private void flashBegin(long eraseSize, int count, int size, long offset) throws IOException {
        if (offset % RomLoader.FLASH_SECTOR_SIZE != 0 || size <= 0 || size > 0x4000 || count < 0
                || offset + (long) count * size > FLASH_SIZE) {
            answer(RomLoader.FLASH_BEGIN, 0, 1, 0x01);
            return;
        }
        long asked = (eraseSize + RomLoader.FLASH_SECTOR_SIZE - 1) / RomLoader.FLASH_SECTOR_SIZE;
        long first = offset / RomLoader.FLASH_SECTOR_SIZE;
        long toBlock = 16 - first % 16;
        long erased = asked + Math.min(asked, toBlock);
        long end = Math.min(FLASH_SIZE, (first + erased) * RomLoader.FLASH_SECTOR_SIZE);
        Arrays.fill(flash, (int) offset, (int) end, (byte) 0xff);
        events.add(String.format("begin:0x%05x:%d", offset, count));
        writeOffset = offset;
        blocks = count;
        blockSize = size;
        nextSeq = 0;
        answer(RomLoader.FLASH_BEGIN, 0, 0, 0);
    }

    private void flashData(ByteBuffer d, int checksum) throws IOException {
        int op = RomLoader.FLASH_DATA;
        if (d.remaining() < 16) {
            answer(op, 0, 1, 0x05);
            return;
        }
        int length = d.getInt();
        int seq = d.getInt();
        d.getInt();
        d.getInt();
        if (length != d.remaining() || length != blockSize) {
            answer(op, 0, 1, 0x01);
            return;
        }
        byte[] block = new byte[length];
        d.get(block);
        if (dieAfterBlocks >= 0 && blocksTaken >= dieAfterBlocks) {
            mode = Mode.DEAD;
            events.add("dead");
            return;
        }
        blocksTaken++;
        if (seq == corruptSeq) {
            corruptSeq = -1;
            block[length / 2] ^= 0x10;
        }
        if (RomLoader.checksum(block) != checksum) {
            events.add("checksum-error:" + seq);
            answer(op, 0, 1, 0x07);
            return;
        }
        // a block again after its answer was lost goes where it went the first time
        boolean repeat = seq == nextSeq - 1;
        if ((seq != nextSeq && !repeat) || seq >= blocks) {
            answer(op, 0, 1, 0x01);
            return;
        }
        int at = (int) (writeOffset + (long) seq * blockSize);
        for (int i = 0; i < length; i++) {
            flash[at + i] &= block[i];
        }
        if (!Arrays.equals(flash, at, at + length, block, 0, length)) {
            events.add("read-back-error:" + seq);
            answer(op, 0, 1, 0x08);
            return;
        }
        nextSeq = repeat ? nextSeq : seq + 1;
        events.add((repeat ? "data-again:" : "data:") + seq);
        if (seq == dropAnswerOfSeq) {
            dropAnswerOfSeq = -1;
            return;
        }
        answer(op, 0, 0, 0);
    }

    private void answer(int op, long value, int status, int error) throws IOException {
        ByteBuffer r = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        r.put((byte) 0x01).put((byte) op).putShort((short) 2).putInt((int) value).put((byte) status)
                .put((byte) error);
        out.write(Slip.encode(r.array()));
        out.flush();
    }
}
