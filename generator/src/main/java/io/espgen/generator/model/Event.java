package io.espgen.generator.model;

import io.espgen.dsl.AfterInterrupt;
import io.espgen.dsl.Every;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OneShot;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnError;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnInterrupt;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.OnWifiDown;
import io.espgen.dsl.OnWifiUp;
import java.lang.annotation.Annotation;
import java.util.EnumSet;
import java.util.Set;

/** The connection events a handler can serve, with the parameters each can supply. */
public enum Event {
    CONNECT(OnConnect.class, "on_connect", EnumSet.of(ParamKind.CONNECTION, ParamKind.STATE)),
    RECEIVE(OnReceive.class, "on_receive",
            EnumSet.of(ParamKind.CONNECTION, ParamKind.STATE, ParamKind.BYTES)),
    FRAME(OnFrame.class, "on_frame", EnumSet.of(ParamKind.CONNECTION, ParamKind.STATE, ParamKind.BYTES)),
    /** A repeating timer: any number per server; its Connection is the server's view, never open. */
    TIMER(Every.class, null, EnumSet.of(ParamKind.CONNECTION)),
    /** An input pin's edge, at the interrupt, from IRAM: no parameter (it may not reach any connection). */
    INTERRUPT(OnInterrupt.class, null, EnumSet.noneOf(ParamKind.class)),
    /** After an input pin's interrupt, in a posted task; its Connection is the server's view, never open. */
    AFTER_INTERRUPT(AfterInterrupt.class, null, EnumSet.of(ParamKind.CONNECTION)),
    /** A one-shot timer that handlers start and cancel (Timers): any number per server; the server's view too. */
    ONE_SHOT(OneShot.class, null, EnumSet.of(ParamKind.CONNECTION)),
    /** The station got an address; its Connection is the server's view, never open. */
    WIFI_UP(OnWifiUp.class, "on_wifi_up", EnumSet.of(ParamKind.CONNECTION)),
    /** The station lost its network. */
    WIFI_DOWN(OnWifiDown.class, "on_wifi_down", EnumSet.of(ParamKind.CONNECTION)),
    OVERSIZE(OnOversize.class, "on_oversize", EnumSet.of(ParamKind.CONNECTION, ParamKind.STATE)),
    SENT(OnSent.class, "on_sent", EnumSet.of(ParamKind.CONNECTION, ParamKind.STATE)),
    ERROR(OnError.class, "on_error",
            EnumSet.of(ParamKind.CONNECTION, ParamKind.STATE, ParamKind.ERROR)),
    DISCONNECT(OnDisconnect.class, "on_disconnect", EnumSet.of(ParamKind.CONNECTION, ParamKind.STATE));

    private final String annotation;
    private final String slot;
    private final Set<ParamKind> supplies;

    Event(Class<? extends Annotation> annotation, String slot, Set<ParamKind> supplies) {
        this.annotation = annotation.getName();
        this.slot = slot;
        this.supplies = supplies;
    }

    /** The qualified name of the annotation that marks a handler of this event. */
    public String annotation() {
        return annotation;
    }

    /** The simple name of the annotation, as a user writes it. */
    public String annotationSimpleName() {
        return annotation.substring(annotation.lastIndexOf('.') + 1);
    }

    /**
     * The member of {@code struct espgen_handlers} this event's adapter goes in; null for a timer (its own
     * os_timer) and the pins' (the server's GPIO interrupt and task).
     */
    public String slot() {
        return slot;
    }

    public boolean supplies(ParamKind kind) {
        return supplies.contains(kind);
    }

    public Set<ParamKind> supplied() {
        return supplies;
    }
}
