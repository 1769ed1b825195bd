package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method every {@link #millis()} milliseconds, on a repeating {@code os_timer} the server arms when
 * it starts (disarmed first, as the SDK requires before re-arming). A server may have several.
 *
 * <p>The method takes no parameter, or a {@link Connection} that is not any client's: it is never open (its
 * sends return false), and through it the handler reaches the clients, {@code for (Connection c :
 * server.connections())}, {@code connectionCount()}, {@code connectionById(id)}. It may read and write the
 * server's static fields (its shared state). Like every handler it runs to its end before anything else
 * runs, so it should be short.
 *
 * <pre>{@code
 * @Every(millis = 1000)
 * void tick(Connection server) {
 *     uptime++;
 *     for (Connection c : server.connections()) { c.sendDecimal(uptime); c.send("\n"); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Every {

    /** The period, {@value Limits#MIN_TIMER_MILLIS} to {@value Limits#MAX_TIMER_MILLIS} ms. */
    int millis();
}
