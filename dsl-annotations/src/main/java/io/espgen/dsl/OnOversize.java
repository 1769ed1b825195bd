package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when a frame longer than {@link Framed#maxFrameBytes()} has been dropped
 * ({@link OversizePolicy#DISCARD}), in that frame's place among the frames. Parameters, in any order:
 * {@link Connection}, the per-connection state class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnOversize {}
