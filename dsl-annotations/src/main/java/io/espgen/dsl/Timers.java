package io.espgen.dsl;

import io.espgen.dsl.spi.TimerControl;

/**
 * Starts and cancels the server's {@link OneShot} handlers, from any handler or helper. A timer is named by its
 * method's name, a string constant the processor checks against the server's {@code @OneShot} methods.
 *
 * <p>The delay is {@value Limits#MIN_TIMER_MILLIS} to {@value Limits#MAX_TIMER_MILLIS} ms: a constant outside
 * that range is a compile error, a computed one is clamped into it ({@link Limits#clampTimerMillis}), on the chip
 * as on the JVM.
 */
public final class Timers {

    private Timers() {}

    /**
     * Runs the {@code @OneShot} method {@code handler} once, {@code millis} ms from now; a timer already running is
     * re-armed (os_timer_disarm, os_timer_setfn, os_timer_arm, as the SDK requires), so only the last start counts.
     */
    public static void start(String handler, int millis) {
        control("start").start(handler, Limits.clampTimerMillis(millis));
    }

    /** Disarms the {@code @OneShot} method {@code handler}'s timer; nothing happens when it is not running. */
    public static void cancel(String handler) {
        control("cancel").cancel(handler);
    }

    private static TimerControl.Host control(String what) {
        TimerControl.Host host = TimerControl.current();
        if (host == null) {
            throw new IllegalStateException("Timers." + what + " runs in a handler of a server (on the JVM, one that "
                    + "io.espgen.dsl.jvm.JvmServer runs)");
        }
        return host;
    }
}
