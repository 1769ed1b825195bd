package io.espgen.generator.model;

import io.espgen.generator.ir.CStmt;
import java.util.List;

/**
 * A handler method and its translated body.
 *
 * @param event the event it serves
 * @param methodName the Java method name
 * @param cName the C function serving it
 * @param params its parameters, in declaration order
 * @param line the Java line of the method declaration
 * @param body the translated body
 * @param timer a timer's period and C names; null for the other events
 * @param interrupt the pin and edge of an interrupt or after-interrupt handler; null for the other events
 */
public record Handler(Event event, String methodName, String cName, List<Param> params, int line,
        List<CStmt> body, Timer timer, Interrupt interrupt) {

    /**
     * The pin edge an @OnInterrupt or @AfterInterrupt handler serves.
     *
     * @param pin the GPIO number
     * @param edge the io.espgen.dsl.Edge constant's name
     * @param pending for an @AfterInterrupt handler, the flag that says it is posted and has not run yet; else null
     */
    public record Interrupt(int pin, String edge, String pending) {}

    /**
     * A timer handler's os_timer.
     *
     * @param millis the period; 0 for a one-shot timer, which handlers start (Timers.start)
     * @param variable the {@code os_timer_t}
     * @param callback the function the SDK calls, which runs the handler through the runtime
     */
    public record Timer(int millis, String variable, String callback) {
        public boolean repeating() {
            return millis > 0;
        }
    }

    public Handler {
        params = List.copyOf(params);
        body = List.copyOf(body);
    }

    /** The name the handler gives a parameter of this kind, or null when it does not take one. */
    public String paramName(ParamKind kind) {
        return params.stream().filter(p -> p.kind() == kind).map(Param::name).findFirst().orElse(null);
    }
}
