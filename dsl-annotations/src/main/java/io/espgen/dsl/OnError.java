package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when a connection failed (the SDK's reconnect callback): reset by the peer, aborted, timed out.
 * {@link OnDisconnect} follows. The connection can no longer send: sends are ignored.
 *
 * <p>Parameters, in any order: {@link Connection}, the per-connection state class,
 * {@link ConnectionError}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnError {}
