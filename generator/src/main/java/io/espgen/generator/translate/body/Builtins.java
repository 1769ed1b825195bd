package io.espgen.generator.translate.body;

import static io.espgen.generator.model.DslTypes.BYTES;
import static io.espgen.generator.model.DslTypes.CONNECTION;
import static io.espgen.generator.model.DslTypes.LOG;
import static io.espgen.generator.model.DslTypes.MATH;
import static io.espgen.generator.model.DslTypes.PIN;
import static io.espgen.generator.model.DslTypes.TEXT;
import static io.espgen.generator.model.DslTypes.TIMERS;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.ir.CType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every DSL method handler code may call, described once: what it touches (for the evaluation-order
 * check and purity) and the C it lowers to. Adding a built-in means adding one entry here, its Java
 * declaration in dsl-annotations and its behaviour in the JVM reference.
 */
final class Builtins {

    private Builtins() {}

    /** What the text helpers that only read take: {@code const uint8 *}. */
    private static final CType CONST_BYTES = CType.of("uint8").constant().pointer();

    /** What a call touches besides its operands. */
    enum Effect {
        /** Reads its arguments only: evaluating it twice is the same as once. */
        PURE,
        /** Reads the connection's state. */
        READS_CONNECTION,
        /** Queues on or closes the connection. */
        WRITES_CONNECTION,
        /** Writes into the array passed as its argument {@link Builtin#writtenArg()}. */
        WRITES_ARGUMENT,
        /** Prints a log line: a statement, never a value. */
        PRINTS,
        /** Reads a pin's level. */
        READS_PIN,
        /** Drives a pin. */
        WRITES_PIN;

        boolean isPure() {
            return this == PURE || this == READS_CONNECTION || this == READS_PIN;
        }
    }

    /** How a call becomes C; null after reporting an error. */
    interface Lowering {
        CExpr lower(Site call);
    }

    /**
     * One built-in.
     *
     * @param owner the DSL type's qualified name
     * @param writtenArg for {@link Effect#WRITES_ARGUMENT}, the index of the argument written; else -1
     */
    record Builtin(String owner, String method, Effect effect, int writtenArg, Lowering lowering) {}

    private static final Map<String, Builtin> ALL = index(List.of(
            // Connection: the receiver is the handler's Connection parameter
            of(CONNECTION, "send", Effect.WRITES_CONNECTION, Builtins::send),
            of(CONNECTION, "sendDecimal", Effect.WRITES_CONNECTION,
                    c -> c.call("espgen_send_decimal", c.srv(), c.receiver(), c.arg(0))),
            of(CONNECTION, "sendHex", Effect.WRITES_CONNECTION,
                    c -> c.call("espgen_send_hex", c.srv(), c.receiver(), c.arg(0))),
            of(CONNECTION, "close", Effect.WRITES_CONNECTION, c -> c.call("espgen_close", c.srv(), c.receiver())),
            of(CONNECTION, "remoteIp", Effect.READS_CONNECTION,
                    c -> CExpr.cast("int", CExpr.call("espgen_remote_ip", c.receiver()))),
            of(CONNECTION, "remotePort", Effect.READS_CONNECTION,
                    c -> CExpr.cast("int", new CExpr.Member(c.receiver(), "remote_port", true))),
            of(CONNECTION, "queuedBytes", Effect.READS_CONNECTION, c -> c.call("espgen_queued_bytes", c.receiver())),
            of(CONNECTION, "canSend", Effect.READS_CONNECTION,
                    c -> c.call("espgen_can_send", c.srv(), c.receiver(), c.arg(0))),
            // other connections: the table of the server (connections() is a for-each source, state() a
            // declaration's initializer: BodyTranslator)
            of(CONNECTION, "id", Effect.READS_CONNECTION, c -> c.call("espgen_conn_id", c.srv(), c.receiver())),
            of(CONNECTION, "isOpen", Effect.READS_CONNECTION, c -> c.call("espgen_conn_open", c.receiver())),
            of(CONNECTION, "connectionCount", Effect.READS_CONNECTION, c -> c.call("espgen_conn_count", c.srv())),
            of(CONNECTION, "connectionById", Effect.READS_CONNECTION,
                    c -> c.call("espgen_conn_by_id", c.srv(), c.arg(0))),
            of(CONNECTION, "connections", Effect.READS_CONNECTION, c -> c.misplaced(Messages.connectionsOutsideLoop())),
            of(CONNECTION, "state", Effect.READS_CONNECTION, c -> c.misplaced(Messages.stateLocal())),
            // Bytes: the receiver is the handler's received data, a struct espgen_bytes
            of(BYTES, "length", Effect.PURE, Site::bytesLength),
            of(BYTES, "get", Effect.PURE, c -> c.call("espgen_bytes_get", c.receiver(), c.arg(0))),
            of(BYTES, "contentEquals", Effect.PURE, c -> compareBytes(c, "espgen_text_equals")),
            of(BYTES, "startsWith", Effect.PURE, c -> compareBytes(c, "espgen_text_starts_with")),
            of(BYTES, "indexOf", Effect.PURE, c -> c.call("espgen_text_index_of", c.bytesData(), c.bytesLength(),
                    c.arg(1), c.bytesLength(), c.arg(0))),
            of(BYTES, "parseInt", Effect.PURE, c -> c.call("espgen_text_parse_int", c.bytesData(), c.bytesLength(),
                    c.arg(0), c.arg(1), c.arg(2))),
            new Builtin(BYTES, "copyTo", Effect.WRITES_ARGUMENT, 2, c -> {
                ArrayRef dst = c.byteArray(2);
                return dst == null ? null : c.call("espgen_text_copy", c.bytesData(), c.bytesLength(), c.arg(0),
                        c.arg(1), dst.base(), dst.length(), c.arg(3));
            }),
            // Text: static helpers over byte arrays; the first argument is the array
            of(TEXT, "contentEquals", Effect.PURE, c -> compareText(c, "espgen_text_equals")),
            of(TEXT, "startsWith", Effect.PURE, c -> compareText(c, "espgen_text_starts_with")),
            of(TEXT, "indexOf", Effect.PURE, c -> textCall(c, "espgen_text_index_of", true, 1, 2, 3)),
            of(TEXT, "parseInt", Effect.PURE, c -> textCall(c, "espgen_text_parse_int", true, 1, 2, 3)),
            new Builtin(TEXT, "append", Effect.WRITES_ARGUMENT, 0, c -> {
                ArrayRef a = c.byteArray(0);
                CExpr[] text = a == null ? null : c.text(2);
                return text == null ? null
                        : c.call("espgen_text_append", a.base(), a.length(), c.arg(1), text[0], text[1]);
            }),
            new Builtin(TEXT, "appendInt", Effect.WRITES_ARGUMENT, 0,
                    c -> textCall(c, "espgen_text_append_int", false, 1, 2)),
            new Builtin(TEXT, "appendByte", Effect.WRITES_ARGUMENT, 0,
                    c -> textCall(c, "espgen_text_append_byte", false, 1, 2)),
            // Math on int and long
            of(MATH, "min", Effect.PURE, c -> c.math("min")),
            of(MATH, "max", Effect.PURE, c -> c.math("max")),
            of(MATH, "abs", Effect.PURE, c -> c.math("abs")),
            // Pin: the receiver is a Pin field, its GPIO number's macro (Calls); inline register accesses and
            // ROM calls (espgen_gpio.h), so an interrupt handler may use them
            of(PIN, "read", Effect.READS_PIN, c -> c.call("espgen_gpio_read", c.receiver())),
            of(PIN, "write", Effect.WRITES_PIN, c -> c.call("espgen_gpio_write", c.receiver(), c.arg(0))),
            of(PIN, "toggle", Effect.WRITES_PIN, c -> c.call("espgen_gpio_toggle", c.receiver())),
            // Timers: the server's @OneShot handlers, named by a string constant (espgen_server.c: espgen_timer_start)
            of(TIMERS, "start", Effect.WRITES_CONNECTION, Site::timerStart),
            of(TIMERS, "cancel", Effect.WRITES_CONNECTION, Site::timerCancel),
            // Log: os_printf with the format in flash, through the runtime's level macros (espgen_runtime.h)
            of(LOG, "error", Effect.PRINTS, c -> c.log(LogLevel.ERROR)),
            of(LOG, "warn", Effect.PRINTS, c -> c.log(LogLevel.WARN)),
            of(LOG, "info", Effect.PRINTS, c -> c.log(LogLevel.INFO)),
            of(LOG, "debug", Effect.PRINTS, c -> c.log(LogLevel.DEBUG))));

    /** The built-in for a method of a DSL type, or null. */
    static Builtin find(String owner, String method) {
        return ALL.get(owner + "#" + method);
    }

    /** Whether the type has built-ins (a call of one of its other methods is reported by name). */
    static boolean isDslType(String owner) {
        return owner.equals(CONNECTION) || owner.equals(BYTES) || owner.equals(TEXT) || owner.equals(MATH)
                || owner.equals(LOG) || owner.equals(PIN) || owner.equals(TIMERS);
    }

    /**
     * Whether the built-ins of the type are safe in an interrupt handler, which runs from IRAM: the pins'
     * and Math's are inline code; the others call the runtime or the SDK in flash.
     */
    static boolean inIram(String owner) {
        return owner.equals(PIN) || owner.equals(MATH);
    }

    private static Builtin of(String owner, String method, Effect effect, Lowering lowering) {
        return new Builtin(owner, method, effect, -1, lowering);
    }

    private static Map<String, Builtin> index(List<Builtin> builtins) {
        Map<String, Builtin> map = new LinkedHashMap<>();
        builtins.forEach(b -> map.put(b.owner() + "#" + b.method(), b));
        return Map.copyOf(map);
    }

    /** {@code c.send(data)}, {@code c.send("text")}, {@code c.send(array, from, to)}. */
    private static CExpr send(Site c) {
        if (c.argCount() == 3) {
            ArrayRef ref = c.sendableArray(0);
            return ref == null ? null : c.call("espgen_send_range", c.srv(), c.receiver(), ref.base(), ref.length(),
                    c.arg(1), c.arg(2));
        }
        CExpr[] bytes = c.bytesParam(0);
        if (bytes != null) {
            return c.call("espgen_send", c.srv(), c.receiver(), bytes[0], bytes[1]);
        }
        CExpr[] flash = c.flashText(0);
        if (flash != null) {
            return c.call("espgen_send_flash", c.srv(), c.receiver(), flash[0], flash[1]);
        }
        CExpr[] text = c.text(0);
        return text == null ? null : c.call("espgen_send", c.srv(), c.receiver(), text[0], text[1]);
    }

    /** {@code data.contentEquals("GET")}: the whole received bytes against a text. */
    private static CExpr compareBytes(Site c, String function) {
        CExpr[] text = c.text(0);
        return text == null ? null : c.call(function, c.bytesData(), c.bytesLength(), CExpr.literal("0"),
                c.bytesLength(), text[0], text[1]);
    }

    /** {@code Text.contentEquals(buf, from, to, "GET")}: a range of a byte array against a text. */
    private static CExpr compareText(Site c, String function) {
        ArrayRef a = c.byteArray(0);
        CExpr[] text = a == null ? null : c.text(3);
        return text == null ? null : c.call(function, new CExpr.Cast(CONST_BYTES, a.base()), a.length(), c.arg(1),
                c.arg(2), text[0], text[1]);
    }

    /** A text helper on a byte array (read only, or written), then the given arguments in order. */
    private static CExpr textCall(Site c, String function, boolean readOnly, int... args) {
        ArrayRef a = c.byteArray(0);
        if (a == null) {
            return null;
        }
        CExpr[] cargs = new CExpr[args.length + 2];
        cargs[0] = readOnly ? new CExpr.Cast(CONST_BYTES, a.base()) : a.base();
        cargs[1] = a.length();
        for (int i = 0; i < args.length; i++) {
            cargs[i + 2] = c.arg(args[i]);
        }
        return c.call(function, cargs);
    }
}
