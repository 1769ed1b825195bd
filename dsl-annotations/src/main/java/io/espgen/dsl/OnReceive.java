package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when data has arrived from a client. TCP is a stream: a message may arrive split over several
 * calls or several messages in one.
 *
 * <p>Parameters, in any order: {@link Connection}, the per-connection state class, {@link Bytes}. The
 * received bytes are valid only during the call (the SDK frees them when it returns); copy what must last
 * into the state class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnReceive {}
