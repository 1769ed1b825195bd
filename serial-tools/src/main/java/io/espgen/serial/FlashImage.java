package io.espgen.serial;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** An image to write: its name (for messages), the flash offset and the bytes. */
public record FlashImage(String name, long offset, byte[] bytes) {
    public FlashImage {
        Objects.requireNonNull(name);
        Objects.requireNonNull(bytes);
        if (offset < 0 || offset % RomLoader.FLASH_SECTOR_SIZE != 0) {
            throw new IllegalArgumentException(name + ": offset " + offset + " is not at a 4 KiB sector");
        }
    }

    /** The MD5 of the bytes, in hex: what {@code esptool.py verify_flash} or a stub loader's MD5 would show. */
    public String md5() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
