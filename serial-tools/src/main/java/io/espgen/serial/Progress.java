package io.espgen.serial;

/** Told as each block is written. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (image, index, count, done, total) -> { };

    /** Image {@code index} (from 1) of {@code count}: {@code done} of {@code total} bytes written. */
    void update(FlashImage image, int index, int count, long done, long total);
}
