package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the peer's acknowledgements have made room in the connection's send queue: when they take
 * it from above half of {@link TcpServer#sendQueueBytes()} to half or less (the low-water mark), and when
 * they empty it. It is where a producer sends the next part of a long response, while half a queue is
 * still on its way, so the link never runs dry; {@link Connection#queuedBytes()} {@code == 0} tells the
 * drained queue (every byte sent so far acknowledged) apart. How often it runs for a given stream depends
 * on how the peer acknowledges: write it to send what fits ({@link Connection#canSend(int)}), not a fixed
 * amount per call.
 *
 * <p>Parameters, in any order: {@link Connection}, the per-connection state class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnSent {}
