package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cuts what a {@link TcpServer} receives into frames and hands each complete frame to its {@link OnFrame}
 * handler, once, wherever the TCP segments split it. Exactly one of {@link #delimiter()},
 * {@link #lengthPrefix()} and {@link #fixedSize()} says where a frame ends.
 *
 * <pre>{@code
 * @TcpServer(port = 7777)
 * @Framed(delimiter = "\r\n", maxFrameBytes = 256, onOversize = OversizePolicy.DISCARD)
 * public class LineServer {
 *     @OnFrame    void line(Connection c, Bytes line) { c.send(line); c.send("\r\n"); }
 *     @OnOversize void tooLong(Connection c)          { c.send("ERR line too long\r\n"); }
 * }
 * }</pre>
 *
 * <p>Each connection gets a buffer of {@link Limits#frameBufferBytes(int)} bytes (static memory, in the size
 * report). Frames wait in it while the connection's send queue holds more than {@link #pauseAboveBytes()}:
 * delivery pauses, receiving is held, and both resume as the queue drains, so a client that pipelines
 * requests faster than it reads the answers gets every answer, whole and in order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Framed {

    /** The bytes that end each frame (1 to 8 characters, each 0 to 255), e.g. {@code "\n"} or {@code "\r\n"}; the
     * frame handed to {@link OnFrame} does not include them. */
    String delimiter() default "";

    /** Frames start with their length, big-endian, in 1, 2 or 4 bytes; the frame handed to {@link OnFrame} is
     * what follows the prefix. */
    int lengthPrefix() default 0;

    /** Every frame is this many bytes, 1 to {@value Limits#MAX_FRAME_BYTES}. */
    int fixedSize() default 0;

    /** The longest frame, without its delimiter or prefix, 1 to {@value Limits#MAX_FRAME_BYTES} (not with
     * {@link #fixedSize()}). */
    int maxFrameBytes() default 512;

    /** What a frame longer than {@link #maxFrameBytes()} does (not with {@link #fixedSize()}). */
    OversizePolicy onOversize() default OversizePolicy.CLOSE;

    /**
     * Frames wait while the send queue holds more than this many bytes (as {@link TcpServer#sendQueueBytes()}
     * counts them), 0 to the queue's size; -1, the default, is half the queue. Keep the largest answer a frame
     * gets below the queue's size minus this mark, and no answer meets a full queue.
     */
    int pauseAboveBytes() default -1;
}
