package io.espgen.generator.plan;

import io.espgen.dsl.Limits;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.ir.CFunction;
import io.espgen.generator.ir.CParam;
import io.espgen.generator.ir.CStmt;
import io.espgen.generator.ir.CType;
import io.espgen.generator.ir.pass.Names;
import io.espgen.generator.model.ConstTable;
import io.espgen.generator.model.Constant;
import io.espgen.generator.model.Event;
import io.espgen.generator.model.FlashText;
import io.espgen.generator.model.Framing;
import io.espgen.generator.model.Handler;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.Param;
import io.espgen.generator.model.ParamKind;
import io.espgen.generator.model.PinDecl;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.SharedField;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.CNames;
import io.espgen.generator.translate.ServerTranslator;
import io.espgen.generator.translate.ServerNames;
import io.espgen.templates.CStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A server as the C templates see it: C names, the functions to emit and what each binds. Every
 * decision about the C shape is made here, so the templates only lay text out. (Public records: the
 * template engine reads them by reflection.)
 */
public record ServerPlan(
        String javaName,
        String qualifiedName,
        String sourceFile,
        String cName,
        String macro,
        String nameLiteral,
        int port,
        int maxConnections,
        int idleTimeoutSeconds,
        int sendChunkSize,
        int sendQueueBytes,
        int recvReserve,
        String queueFullPolicy,
        StatePlan state,
        List<Constant> constants,
        List<FlashText> flashTexts,
        List<HelperPlan> helpers,
        List<FunctionPlan> functions,
        List<SlotPlan> slots,
        FramingPlan framing,
        List<TimerPlan> timers,
        GpioPlan gpio,
        List<FieldPlan> shared,
        List<TablePlan> tables,
        boolean spareState,
        String dram) {
    /**
     * A framed server's struct espgen_framing, as C initializer values; null without @Framed.
     *
     * @param kind the enum espgen_frame_kind constant
     * @param delimiter the delimiter's bytes as a C initializer ({@code { 0x0d, 0x0a }}), or null
     */
    public record FramingPlan(String kind, String delimiter, int delimiterLength,
            int prefixBytes, int maxFrameBytes, int bufferBytes, int pauseAboveBytes, boolean discard,
            String struct, String buffers, String framers) {}


    /**
     * A constant table in flash.
     *
     * @param cType the C element type as stored (bool tables are stored as uint8, read as words)
     * @param length the array's length, padded to whole words
     */
    public record TablePlan(String cType, String cName, int length, String values, String javaName, String javaType,
            int line) {}

    /** The per-connection state struct; null without a state class. */
    public record StatePlan(String javaName, String struct, String arrayName, String initName, int line,
            List<FieldPlan> fields, boolean hasInitializers) {}

    public record FieldPlan(String cType, String cName, String suffix, String initializer, String javaName,
            String javaType) {}

    /**
     * A generated function serving one event: the handler's translated body, after a prelude that binds
     * the handler's Java parameters.
     *
     * @param function the C function, with the translated Java body
     * @param prelude declarations binding the handler's Java parameters (e.g. its state pointer)
     * @param initState whether it starts the connection's state (the connect function)
     * @param unused parameters neither the prelude nor the body uses, cast to void for -Wextra
     */
    public record FunctionPlan(CFunction function, List<CStmt> prelude, boolean initState, String stateVar,
            List<String> unused) {}

    /**
     * A helper method as a static C function.
     *
     * @param unused parameters the body does not use, cast to void for -Wextra
     */
    public record HelperPlan(CFunction function, List<String> unused) {}

    /** One member of the server's struct espgen_handlers. */
    public record SlotPlan(String slot, String function) {}

    /**
     * A timer handler's os_timer: armed, repeating, when the server starts; or one-shot, set up when the server
     * starts and armed by Timers.start (espgen_timer_start).
     *
     * @param function the handler's function
     * @param variable the {@code os_timer_t}
     * @param callback what the SDK calls: it runs the function through espgen_on_timer
     * @param millis the period of a repeating timer; 0 for a one-shot one
     */
    public record TimerPlan(String function, String variable, String callback, int millis, String javaName,
            boolean repeating) {}

    /** The one-shot timers, which handlers before them in the file name (declared early). */
    public List<TimerPlan> oneShots() {
        return timers.stream().filter(t -> !t.repeating()).toList();
    }

    /**
     * The server's pins and their interrupt; null when it declares no pin.
     *
     * @param pins every pin, set up when the server starts
     * @param irqs the pins with interrupt handlers, by GPIO number
     * @param isr the GPIO interrupt's handler, in IRAM; null without irqs
     * @param task the task the interrupt posts to; null without @AfterInterrupt handlers
     * @param queueLength the task's queue: one event per @AfterInterrupt handler, each posted at most once while it
     *     waits, so a post never finds it full
     */
    public record GpioPlan(List<PinPlan> pins, List<IrqPlan> irqs, String isr, String task, String queue,
            int queueLength) {}

    /**
     * A pin's setup.
     *
     * @param setup the runtime call that sets it up, with its arguments
     * @param declaration the Java declaration, for a comment
     */
    public record PinPlan(String macro, int gpio, String setup, String declaration) {}

    /**
     * A pin's interrupt.
     *
     * @param intrType the GPIO_INT_TYPE constant of its edge
     * @param onFunction the @OnInterrupt handler's function, or null
     * @param afterFunction the @AfterInterrupt handler's function, or null
     * @param pending the flag that says the after-handler is posted and has not run, or null
     */
    public record IrqPlan(String macro, String intrType, String edge, String onFunction, String afterFunction,
            String pending) {}

    public static ServerPlan of(Server s) {
        String c = CNames.snake(s.simpleName());
        StatePlan state = s.state().map(st -> {
            List<FieldPlan> fields = new ArrayList<>();
            for (StateField f : st.fields()) {
                fields.add(new FieldPlan(f.type().cName(), f.cName(),
                        f.isArray() ? "[" + f.arrayLength() + "]" : "", f.initializer(), f.javaName(),
                        f.type().javaName() + (f.isArray() ? "[]" : "")));
            }
            boolean inits = fields.stream().anyMatch(f -> f.initializer() != null);
            return new StatePlan(st.simpleName(), ServerNames.stateStruct(c, st.simpleName()),
                    ServerNames.stateTable(c, st.simpleName()), ServerNames.stateInit(c, st.simpleName()), 0, fields,
                    inits);
        }).orElse(null);

        List<FunctionPlan> functions = new ArrayList<>();
        List<SlotPlan> slots = new ArrayList<>();
        for (Event e : Event.values()) {
            if (e.slot() == null) {
                continue; // timers, one-shot timers and the pins' handlers run through their own functions
            }
            Handler h = s.handler(e).orElse(null);
            boolean initState = e == Event.CONNECT && state != null;
            if (h == null && !initState) {
                continue;
            }
            String fn = h != null ? h.cName() : ServerNames.startState(c);
            functions.add(function(s, state, e, h, fn, initState));
            slots.add(new SlotPlan(e.slot(), fn));
        }
        List<TimerPlan> timers = new ArrayList<>();
        for (Handler h : s.timers()) {
            functions.add(function(s, state, h.event(), h, h.cName(), false));
            timers.add(new TimerPlan(h.cName(), h.timer().variable(), h.timer().callback(), h.timer().millis(),
                    h.methodName(), h.timer().repeating()));
        }
        for (Handler h : s.handlers(Event.INTERRUPT)) {
            functions.add(function(s, state, Event.INTERRUPT, h, h.cName(), false));
        }
        for (Handler h : s.handlers(Event.AFTER_INTERRUPT)) {
            functions.add(function(s, state, Event.AFTER_INTERRUPT, h, h.cName(), false));
        }
        List<HelperPlan> helpers = new ArrayList<>();
        for (CFunction h : s.helpers()) {
            helpers.add(new HelperPlan(h, unused(h.params(), Names.used(h.body()))));
        }
        // what interrupt-level code touches changes under the feet of the rest: each access a real load or store
        Set<String> atInterrupt = new java.util.HashSet<>();
        functions.stream().map(FunctionPlan::function).filter(CFunction::iram)
                .forEach(f -> atInterrupt.addAll(Names.used(f.body())));
        s.helpers().stream().filter(CFunction::iram).forEach(f -> atInterrupt.addAll(Names.used(f.body())));
        List<FieldPlan> shared = new ArrayList<>();
        for (SharedField f : s.shared()) {
            boolean isVolatile = !f.isArray() && atInterrupt.contains(f.cName());
            shared.add(new FieldPlan((isVolatile ? "volatile " : "") + f.type().cName(), f.cName(),
                    f.dims().stream().map(d -> "[" + d + "]").collect(Collectors.joining()), f.initializer(),
                    f.javaName(), f.type().javaName() + "[]".repeat(f.dims().size())));
        }
        List<TablePlan> tables = new ArrayList<>();
        for (ConstTable t : s.tables()) {
            tables.add(new TablePlan(t.type() == JavaType.BOOLEAN ? "uint8" : t.type().cName(), t.cName(),
                    t.paddedLength(), String.join(", ", t.values()), t.javaName(), t.type().javaName() + "[]",
                    t.line()));
        }
        return new ServerPlan(s.simpleName(), s.qualifiedName(), s.sourceFileName(), c, CNames.macro(s.simpleName()),
                CStrings.literal(s.simpleName()), s.port(), s.maxConnections(), s.idleTimeoutSeconds(),
                s.sendChunkSize(), s.sendQueueBytes(),
                Math.min(Limits.receiveReserve(s.sendChunkSize()), Limits.MAX_SEND_QUEUE_BYTES),
                s.closeOnQueueFull() ? "ESPGEN_QUEUE_FULL_CLOSE" : "ESPGEN_QUEUE_FULL_REFUSE", state, s.constants(),
                s.flashTexts(), helpers, functions, slots, s.framing().map(f -> framing(c, f)).orElse(null), timers,
                gpio(s), shared, tables,
                s.spareState() && state != null, DramOrigin.render(DramOrigin.of(s, c), s.maxConnections()));
    }

    private static GpioPlan gpio(Server s) {
        if (s.pins().declared().isEmpty()) {
            return null;
        }
        List<PinPlan> pins = new ArrayList<>();
        for (PinDecl p : s.pins().declared()) {
            String setup = switch (p.mode()) {
                case OUTPUT -> "espgen_gpio_output(" + p.macro() + ")";
                case INPUT -> "espgen_gpio_input(" + p.macro() + ", false)";
                case INPUT_PULL_UP -> "espgen_gpio_input(" + p.macro() + ", true)";
            };
            pins.add(new PinPlan(p.macro(), p.gpio(), setup,
                    "static final Pin " + p.javaName() + " = " + p.mode().factory() + "(" + p.gpio() + ")"));
        }
        Map<Integer, Handler> on = new java.util.TreeMap<>();
        Map<Integer, Handler> after = new java.util.TreeMap<>();
        s.handlers(Event.INTERRUPT).forEach(h -> on.put(h.interrupt().pin(), h));
        s.handlers(Event.AFTER_INTERRUPT).forEach(h -> after.put(h.interrupt().pin(), h));
        Set<Integer> gpios = new java.util.TreeSet<>(on.keySet());
        gpios.addAll(after.keySet());
        List<IrqPlan> irqs = new ArrayList<>();
        for (int gpio : gpios) {
            Handler o = on.get(gpio);
            Handler a = after.get(gpio);
            String edge = (o != null ? o : a).interrupt().edge();
            String type = switch (edge) {
                case "RISING" -> "GPIO_PIN_INTR_POSEDGE";
                case "FALLING" -> "GPIO_PIN_INTR_NEGEDGE";
                default -> "GPIO_PIN_INTR_ANYEDGE";
            };
            irqs.add(new IrqPlan(s.pins().byGpio(gpio).macro(), type, edge, o == null ? null : o.cName(),
                    a == null ? null : a.cName(), a == null ? null : a.interrupt().pending()));
        }
        return new GpioPlan(pins, irqs, irqs.isEmpty() ? null : s.pins().isr(), after.isEmpty() ? null
                : s.pins().task(), s.pins().queue(), after.size());
    }

    private static FramingPlan framing(String c, Framing f) {
        String delimiter = null;
        if (f.kind() == Framing.Kind.DELIMITED) {
            delimiter = f.delimiter().chars().mapToObj(ch -> String.format("0x%02x", ch))
                    .collect(Collectors.joining(", ", "{ ", " }"));
        }
        return new FramingPlan("ESPGEN_FRAME_" + f.kind().name(), delimiter, f.delimiter().length(), f.prefixBytes(),
                f.maxFrameBytes(), f.bufferBytes(), f.pauseAboveBytes(), f.discardOversize(), c + "_framing",
                c + "_frame_bufs", c + "_framers");
    }

    private static FunctionPlan function(Server s, StatePlan state, Event e, Handler h, String fn, boolean initState) {
        List<Param> params = h == null ? List.of() : h.params();
        Map<ParamKind, String> names = ServerTranslator.cNames(CNames.snake(s.simpleName()), params);
        String conn = names.get(ParamKind.CONNECTION);
        String stateVar = names.get(ParamKind.STATE);
        boolean takesState = h != null && h.paramName(ParamKind.STATE) != null;
        boolean takesBytes = h != null && h.paramName(ParamKind.BYTES) != null;

        List<CStmt> body = h == null ? List.of() : h.body();
        Set<String> used = Names.used(body);
        List<CStmt> prelude = new ArrayList<>();
        if (state != null && (initState || takesState && used.contains(stateVar))) {
            // struct <state> *s = &<table>[espgen_conn_index(srv, conn)];
            prelude.add(new CStmt.Decl(CType.struct(state.struct()).pointer(), stateVar, new CExpr.Prefix("&",
                    new CExpr.Index(CExpr.name(state.arrayName()),
                            CExpr.call("espgen_conn_index", CExpr.name("srv"), CExpr.name(conn))))));
        }
        if (takesBytes && used.contains(names.get(ParamKind.BYTES))) {
            prelude.add(new CStmt.Decl(CType.struct("espgen_bytes"), names.get(ParamKind.BYTES),
                    new CExpr.InitList(List.of(CExpr.name("rx_data"), CExpr.name("rx_len")))));
        }

        // an interrupt handler takes nothing: it runs at the interrupt, reaching no connection
        List<CParam> cparams = e == Event.INTERRUPT ? new ArrayList<>()
                : new ArrayList<>(List.of(new CParam(CType.struct("espgen_server").pointer(), "srv"),
                        new CParam(CType.struct("espgen_conn").pointer(), conn)));
        if (e == Event.RECEIVE || e == Event.FRAME) {
            cparams.add(new CParam(CType.of("uint8").constant().pointer(), "rx_data"));
            cparams.add(new CParam(CType.of("uint16"), "rx_len"));
        }
        if (e == Event.ERROR) {
            cparams.add(new CParam(CType.of("sint8"), names.get(ParamKind.ERROR)));
        }
        List<CStmt> all = new ArrayList<>(prelude);
        all.addAll(body);
        String comment = h == null
                ? "A new connection's " + state.javaName() + " starts from its field initializers."
                : "@" + e.annotationSimpleName() + (h.interrupt() == null ? "" : "(pin = " + h.interrupt().pin()
                        + ", edge = " + h.interrupt().edge() + ")") + " " + s.simpleName() + "." + h.methodName() + "("
                        + params.stream().map(p -> javaType(p, state) + " " + p.name()).collect(Collectors.joining(", "))
                        + "), " + s.sourceFileName() + ":" + h.line();
        return new FunctionPlan(new CFunction(fn, CType.VOID, cparams, comment, body, e == Event.INTERRUPT), prelude,
                initState, stateVar,
                unused(cparams, Names.used(all)));
    }

    /** The parameters a function never names: -Wextra wants each cast to void. */
    private static List<String> unused(List<CParam> params, Set<String> used) {
        return params.stream().map(CParam::name).filter(n -> !used.contains(n)).toList();
    }

    private static String javaType(Param p, StatePlan state) {
        return switch (p.kind()) {
            case CONNECTION -> "Connection";
            case BYTES -> "Bytes";
            case ERROR -> "ConnectionError";
            case STATE -> state.javaName();
        };
    }
}
