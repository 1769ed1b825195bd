package io.espgen.serial;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes images to an ESP8266 through its ROM bootloader, as {@code esptool.py --no-stub write_flash} does:
 * reset into the bootloader through DTR and RTS, SYNC (at each baud rate in turn until the chip answers), then
 * for each image FLASH_BEGIN (the ROM erases), FLASH_DATA blocks of 1 KiB (each retried on a failed or lost
 * answer), and at the end a reset into the firmware.
 *
 * <p>What is written is checked as far as the ROM allows: each block carries a checksum the ROM verifies, and
 * the ROM reads each block back from flash and compares it (error 0x08 otherwise). The ESP8266 ROM has no
 * SPI_FLASH_MD5 and no command that reads flash back (esptool docs: "not supported on ESP8266 ROM loader"; esptool
 * itself skips its MD5 check there), so no whole-image digest is compared; the MD5 of each image is reported for
 * a later check with a stub loader.
 */
public final class Flasher {

    /**
     * How to talk to the chip. {@code baudRates}: tried in order until the chip answers a SYNC (the ROM detects
     * the rate from the SYNC itself); {@code reset}: pulse DTR/RTS into the bootloader and back to the firmware.
     */
    public record Options(List<Integer> baudRates, boolean reset, int syncTimeoutMillis, int syncAttempts,
            int commandTimeoutMillis, int eraseTimeoutMillisPerMiB, int blockAttempts) {
        public Options {
            baudRates = List.copyOf(baudRates);
            if (baudRates.isEmpty() || syncAttempts < 1 || blockAttempts < 1) {
                throw new IllegalArgumentException("at least one baud rate, one sync and one attempt per block");
            }
        }

        /** esptool's values: 100 ms per SYNC, 3 s per command, 30 s per MiB erased, 3 attempts per block. */
        public static Options defaults(List<Integer> baudRates) {
            return new Options(baudRates, true, 100, 7, 3000, 30_000, 3);
        }

        public Options withTimeouts(int syncMillis, int commandMillis) {
            return new Options(baudRates, reset, syncMillis, syncAttempts, commandMillis, eraseTimeoutMillisPerMiB,
                    blockAttempts);
        }

        public Options withReset(boolean on) {
            return new Options(baudRates, on, syncTimeoutMillis, syncAttempts, commandTimeoutMillis,
                    eraseTimeoutMillisPerMiB, blockAttempts);
        }
    }

    /** What was written: per image its size and MD5, and the baud rate that worked. */
    public record Result(int baud, List<String> md5s, long bytes) {
    }

    private final SerialLink link;
    private final RomLoader rom;
    private final Options options;
    private final Progress progress;
    private final Consumer<String> log;
    private boolean linesWork = true;

    public Flasher(SerialLink link, Options options, Progress progress, Consumer<String> log) {
        this.link = link;
        this.rom = new RomLoader(link);
        this.options = options;
        this.progress = progress;
        this.log = log;
    }

    public Result flash(List<FlashImage> images) throws IOException, SerialException, InterruptedException {
        int baud = connect();
        List<String> md5s = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < images.size(); i++) {
            FlashImage image = images.get(i);
            write(image, i + 1, images.size());
            md5s.add(image.md5());
            bytes += image.bytes().length;
        }
        leave();
        return new Result(baud, md5s, bytes);
    }

    /** Resets the chip into its bootloader and syncs, at each baud rate in turn; returns the rate that worked. */
    int connect() throws IOException, SerialException, InterruptedException {
        for (int baud : options.baudRates()) {
            link.setBaudRate(baud);
            if (options.reset()) {
                resetIntoBootloader();
            }
            for (int attempt = 0; attempt < options.syncAttempts(); attempt++) {
                if (rom.sync(options.syncTimeoutMillis())) {
                    log.accept(SerialMessages.connected(link.name(), baud));
                    return baud;
                }
            }
            log.accept(SerialMessages.noSyncAt(baud));
        }
        throw new NoAnswerException(SerialMessages.noAnswer(link.name(), options.baudRates(),
                options.reset() && linesWork));
    }

    /**
     * esptool's classic reset (reset.py, ClassicReset), for the usual two-transistor circuit of NodeMCU-style
     * boards: EN low with IO0 high, then IO0 low while EN rises, so the chip starts in its bootloader. The pauses
     * are the chip's reset timing, not synchronisation.
     */
    private void resetIntoBootloader() throws InterruptedException {
        boolean ok = link.setDtr(false) & link.setRts(true);
        Thread.sleep(100);
        ok &= link.setDtr(true) & link.setRts(false);
        Thread.sleep(50);
        ok &= link.setDtr(false);
        if (!ok && linesWork) {
            linesWork = false;
            log.accept(SerialMessages.noControlLines(link.name()));
        }
    }

    private void write(FlashImage image, int index, int count) throws IOException, SerialException {
        byte[] bytes = image.bytes();
        int blockSize = RomLoader.FLASH_WRITE_SIZE;
        int blocks = (bytes.length + blockSize - 1) / blockSize;
        long mib = Math.max(1, (bytes.length + (1 << 20) - 1) >> 20);
        int eraseTimeout = (int) Math.max(options.commandTimeoutMillis(), mib * options.eraseTimeoutMillisPerMiB());
        try {
            rom.flashBegin(image.offset(), bytes.length, blocks, blockSize, eraseTimeout);
        } catch (SerialException e) {
            throw new SerialException(SerialMessages.beginFailed(image.name(), image.offset(), e.getMessage()));
        }
        progress.update(image, index, count, 0, bytes.length);
        for (int seq = 0; seq < blocks; seq++) {
            int from = seq * blockSize;
            byte[] block = Arrays.copyOfRange(bytes, from, from + blockSize);
            // the last block is padded with 0xFF, as erased flash reads
            Arrays.fill(block, Math.min(blockSize, bytes.length - from), blockSize, (byte) 0xff);
            writeBlock(image, block, seq, blocks);
            progress.update(image, index, count, Math.min(bytes.length, from + blockSize), bytes.length);
        }
    }

    private void writeBlock(FlashImage image, byte[] block, int seq, int blocks) throws IOException,
            SerialException {
        for (int attempt = 1; ; attempt++) {
            try {
                rom.flashData(block, seq, options.commandTimeoutMillis());
                return;
            } catch (SerialException e) {
                if (attempt >= options.blockAttempts()) {
                    throw new SerialException(SerialMessages.blockFailed(image.name(),
                            image.offset() + (long) seq * block.length, seq, blocks, attempt, e.getMessage()));
                }
                log.accept(SerialMessages.blockRetry(seq, e.getMessage()));
                // a late answer to the failed attempt must not be taken for the retry's
                link.discardInput();
            }
        }
    }

    /** Starts the new firmware: a reset through RTS where the lines work, else FLASH_END "run user code". */
    private void leave() throws IOException, SerialException, InterruptedException {
        if (options.reset() && linesWork) {
            // esptool's HardReset: EN low, then high, with IO0 left high so the chip boots from flash
            link.setDtr(false);
            link.setRts(true);
            Thread.sleep(100);
            link.setRts(false);
        } else {
            rom.flashEnd(true, options.commandTimeoutMillis());
        }
    }
}
