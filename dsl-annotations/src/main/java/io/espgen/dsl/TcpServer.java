package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a TCP server to generate ESP8266 firmware for.
 *
 * <p>The generated C keeps a connection table of {@link #maxConnections()} entries keyed by the client's
 * remote IP and port, and a send queue per connection that owns copies of the data, issues one
 * {@code espconn_send} at a time and splits large sends into chunks of {@link #sendChunkSize()} bytes.
 *
 * <pre>{@code
 * @TcpServer(port = 7777, maxConnections = 4)
 * public class EchoServer {
 *     @OnReceive
 *     void echo(Connection c, Bytes data) { c.send(data); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TcpServer {

    /**
     * The TCP port to listen on, 1 to {@value Limits#MAX_PORT}. Each server of a firmware needs its own
     * port.
     */
    int port();

    /**
     * How many clients may be connected at once, 1 to {@value Limits#MAX_CONNECTIONS} (the SDK's limit,
     * for all servers of a firmware together). The stack refuses clients
     * beyond it. The SDK's default is 5.
     */
    int maxConnections() default 5;

    /**
     * Seconds without received data after which the SDK closes a client, 1 to
     * {@value Limits#MAX_IDLE_TIMEOUT_SECONDS}. The SDK's default is 10.
     */
    int idleTimeoutSeconds() default 10;

    /**
     * The largest piece handed to one {@code espconn_send}, 1 to {@value Limits#TCP_SEND_BUFFER} bytes.
     * 1440 keeps the behaviour of the classic ESP8266 notes; 2920 (two full segments) fills the SDK's
     * send buffer and is much faster against peers that delay their ACKs.
     */
    int sendChunkSize() default 1440;

    /**
     * How many bytes one connection may have queued for sending (not yet acknowledged), from
     * {@link #sendChunkSize()} up to {@value Limits#MAX_SEND_QUEUE_BYTES}. What happens to a send that
     * does not fit is {@link #onQueueFull()}.
     *
     * <p>Receiving is held ({@code espconn_recv_hold}) while the queue has less than 7300 bytes of room
     * (five segments, as Espressif recommends), because the SDK still delivers up to one receive window
     * after a hold. A server that answers each receive with at most as much as it received (an echo, a
     * proxy) never meets a full queue; with less than 7300 bytes, holding starts at the first queued
     * byte and a fast client can still fill the queue.
     * Each byte queued is heap: about 50 KiB are free on an idle chip.
     */
    int sendQueueBytes() default 4096;

    /** What a send that does not fit in the send queue does. */
    QueueFullPolicy onQueueFull() default QueueFullPolicy.REFUSE;
}
