package io.espgen.generator.model;

import io.espgen.dsl.Limits;

/**
 * A server's validated {@code @Framed}: where its frames end, how long they may be, and when delivery pauses.
 *
 * @param kind where a frame ends
 * @param delimiter DELIMITED: the bytes that end a frame (each char 0 to 255), else empty
 * @param prefixBytes PREFIXED: 1, 2 or 4, else 0
 * @param maxFrameBytes the longest frame without delimiter or prefix; FIXED: every frame's size
 * @param discardOversize whether an oversized frame is dropped (else the connection closes)
 * @param pauseAboveBytes frames wait while the send queue holds more than this
 */
public record Framing(Kind kind, String delimiter, int prefixBytes, int maxFrameBytes, boolean discardOversize,
        int pauseAboveBytes) {

    public enum Kind { DELIMITED, PREFIXED, FIXED }

    /** The longest frame on the wire, with its delimiter or prefix. */
    public int wireBytes() {
        return maxFrameBytes + delimiter.length() + prefixBytes;
    }

    /** Each connection's receive buffer. */
    public int bufferBytes() {
        return Limits.frameBufferBytes(wireBytes());
    }
}
