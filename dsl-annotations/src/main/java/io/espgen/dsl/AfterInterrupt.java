package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs after an input pin's interrupt, as a task the interrupt posts ({@code system_os_post}), from flash:
 * it may do anything a handler does, as an {@link Every} handler does (take the server's never-open
 * {@link Connection} to reach the clients, log). Edges that come while it waits to run are merged into one
 * run; to count every edge, count in the pin's {@link OnInterrupt} handler, which runs for each.
 *
 * <pre>{@code
 * @AfterInterrupt(pin = 0, edge = Edge.FALLING)
 * void report(Connection server) {
 *     for (Connection c : server.connections()) { c.send("pressed "); c.sendDecimal(presses); c.send("\n"); }
 * }
 * }</pre>
 *
 * <p>The pin and edge are those of the pin's {@link OnInterrupt} handler when it has one (either may stand
 * alone). At most one per pin.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterInterrupt {

    /** The GPIO number of an input pin the server declares. */
    int pin();

    /** The edge that raises the interrupt. */
    Edge edge();
}
