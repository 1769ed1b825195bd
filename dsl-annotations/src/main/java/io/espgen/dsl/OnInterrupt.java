package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs at the interrupt of an input pin's edge, from IRAM ({@code ICACHE_RAM_ATTR}), on every edge: the chip
 * may be writing its flash meanwhile, with the flash cache off, so this handler and every helper it calls are
 * placed in IRAM and may only use what lives there: the server's static fields of primitive types, the
 * {@link Pin}s, locals, arithmetic, and helpers that keep to the same. Sending, {@link Log}, {@link Bytes},
 * {@link Text} and constant tables live in flash: do that in an {@link AfterInterrupt} handler of the pin,
 * which runs soon after as a posted task. Keep it short: the whole chip waits while it runs.
 *
 * <p>It takes no parameter. The pin must be declared as an input ({@code Pin.input} or {@code
 * Pin.inputPullUp}), and not be GPIO 16, which has no interrupt. At most one per pin.
 *
 * <pre>{@code
 * static int presses;
 * @OnInterrupt(pin = 0, edge = Edge.FALLING)
 * void pressed() { presses++; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnInterrupt {

    /** The GPIO number of an input pin the server declares. */
    int pin();

    /** The edge that raises the interrupt. */
    Edge edge();
}
