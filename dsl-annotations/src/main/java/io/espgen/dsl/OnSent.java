package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the connection's send queue has drained: the peer has acknowledged every byte sent so far.
 * A good place to send the next part of a long response.
 *
 * <p>Parameters, in any order: {@link Connection}, the per-connection state class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnSent {}
