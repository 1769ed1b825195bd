package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method once, when the delay a handler gave {@link Timers#start} has passed: a one-shot
 * {@code os_timer} of the server's, started and cancelled by any handler. Starting it while it runs re-arms it
 * (a restarting timeout); {@link Timers#cancel} disarms it. A server may have several.
 *
 * <p>The method takes what an {@link Every} method takes: no parameter, or a {@link Connection} that is the
 * server's view (never open, its sends return false), through which it reaches the clients and the server's
 * static fields.
 *
 * <pre>{@code
 * @OnReceive void heard(Connection c, Bytes data) { Timers.start("quiet", 5000); }   // restarted by each receive
 * @OneShot   void quiet(Connection server) { for (Connection o : server.connections()) { o.send("anyone?\n"); } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OneShot {
}
