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
     * Sends queued behind waiting data are merged into pieces of this size. The default,
     * {@value Limits#TCP_SEND_BUFFER} (two full segments, the SDK's whole send buffer), is the fastest
     * against every kind of peer: the SDK keeps that much in flight and the peer acknowledges two full
     * segments at once, delayed ACKs or not. Smaller pieces only slow a connection down; the setting is
     * kept for measurements.
     */
    int sendChunkSize() default Limits.TCP_SEND_BUFFER;

    /**
     * How much heap one connection's send queue may hold, from {@link #sendChunkSize()} up to
     * {@value Limits#MAX_SEND_QUEUE_BYTES} bytes: the bytes queued and not yet acknowledged, in blocks that
     * each cost a few bytes more than they hold (a send into an empty queue gets a block of its own size;
     * sends behind waiting data share blocks of {@link #sendChunkSize()}). What happens to a send that does
     * not fit is {@link #onQueueFull()}. A send also does not fit when it would leave the chip less free
     * heap than the SDK needs to receive and to accept a client.
     *
     * <p>Receiving is held ({@code espconn_recv_hold}) while the queue has less room than the SDK may still
     * deliver after a hold (one receive window and a segment, five segments in all, as Espressif recommends)
     * would take to answer, about 10 KB. So with the default a server that answers each receive with at most
     * as much as it received (an echo, a proxy) never meets a full queue; below about 10 KB, holding starts
     * at the first queued byte and a fast client can still fill the queue. The heap is only taken while
     * bytes wait: about 50 KiB are free on an idle chip. A {@link Framed} server holds receiving only while
     * its frames wait for the queue to drain below {@link Framed#pauseAboveBytes()}.
     */
    int sendQueueBytes() default 12288;

    /**
     * What a send that does not fit in the send queue does. The default, {@link QueueFullPolicy#CLOSE},
     * never loses a byte silently: the client either receives everything it was sent or sees a reset.
     * With {@link QueueFullPolicy#REFUSE} the handler must look at what {@link Connection#send} returns;
     * the processor warns where it does not.
     */
    QueueFullPolicy onQueueFull() default QueueFullPolicy.CLOSE;
}
