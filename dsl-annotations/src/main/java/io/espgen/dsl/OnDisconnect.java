package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called exactly once when a connection has ended, however it ended (closed by either side, timed out,
 * failed); after {@link OnError} when it failed. The connection can no longer send: sends are ignored.
 *
 * <p>Parameters, in any order: {@link Connection}, the per-connection state class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {}
