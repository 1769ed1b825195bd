package io.espgen.dsl;

/**
 * Received data, valid only while the {@link OnReceive} handler runs: the SDK frees it when the handler
 * returns. Copy what must last into the per-connection state class ({@link #copyTo}).
 *
 * <p>Every method has a defined result for every argument, the same in the firmware and on the JVM:
 * ranges are clamped to the data, and nothing throws. {@code for (byte b : data)} walks the bytes.
 */
public interface Bytes extends Iterable<Byte> {

    /** The number of bytes received. */
    int length();

    /** The byte at {@code index}, as Java's signed {@code byte}; 0 when index is outside the data. */
    byte get(int index);

    /** Whether the data is exactly the UTF-8 bytes of {@code text} (a string constant). */
    boolean contentEquals(String text);

    /** Whether the data starts with the UTF-8 bytes of {@code prefix} (a string constant). */
    boolean startsWith(String prefix);

    /** The first index at or after {@code from} whose byte equals {@code (byte) value}, or -1. */
    int indexOf(int value, int from);

    /**
     * The decimal integer in {@code [from, to)}: an optional sign, then one or more digits, nothing else.
     * Returns {@code failure} when the range is empty, holds anything else, or the value does not fit in
     * an int. The range is clamped to the data.
     */
    int parseInt(int from, int to, int failure);

    /**
     * Copies the bytes of {@code [from, to)} (clamped to the data) into {@code dst} at {@code dstOffset},
     * as many as fit. Returns how many were copied (0 when dstOffset is outside dst).
     */
    int copyTo(int from, int to, byte[] dst, int dstOffset);
}
