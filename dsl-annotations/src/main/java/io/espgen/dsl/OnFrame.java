package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once per complete frame of a {@link Framed} server, in order, whatever way the segments split the
 * frames. Parameters, in any order: {@link Connection}, the per-connection state class, {@link Bytes} (the
 * frame, without its delimiter or length prefix; valid only during the call).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnFrame {}
