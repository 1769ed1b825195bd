package io.espgen.dsl;

/**
 * Received data, valid only while the {@link OnReceive} handler runs: the SDK frees it when the handler
 * returns. Copy what must last into the per-connection state class.
 */
public interface Bytes {

    /** The number of bytes received. */
    int length();

    /**
     * The byte at {@code index}, 0 to {@code length() - 1}, as Java's signed {@code byte}.
     * An index out of range gives 0 in the firmware (and throws on the JVM).
     */
    byte get(int index);
}
