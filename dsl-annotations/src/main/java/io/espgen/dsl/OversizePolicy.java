package io.espgen.dsl;

/** What a frame longer than {@link Framed#maxFrameBytes()} does. */
public enum OversizePolicy {
    /**
     * The frame is dropped: up to its delimiter, or as many bytes as its length prefix says. Then
     * {@link OnOversize} is called, in the frame's place among the frames, and the frames after it are
     * delivered as usual.
     */
    DISCARD,
    /**
     * The connection is closed as {@link Connection#close()} closes it: the answers already queued are sent,
     * then the stream ends; what the client sent after the frames before it is dropped.
     */
    CLOSE
}
