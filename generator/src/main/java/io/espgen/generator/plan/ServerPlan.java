package io.espgen.generator.plan;

import io.espgen.templates.CStrings;
import io.espgen.generator.model.Constant;
import io.espgen.generator.model.Event;
import io.espgen.generator.model.FlashText;
import io.espgen.generator.model.Handler;
import io.espgen.generator.model.HelperMethod;
import io.espgen.generator.model.Param;
import io.espgen.generator.model.ParamKind;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.CNames;
import io.espgen.generator.translate.ServerTranslator;
import io.espgen.generator.translate.ir.CStmt;
import io.espgen.generator.translate.ir.CText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        String queueFullPolicy,
        StatePlan state,
        List<Constant> constants,
        List<FlashText> flashTexts,
        List<HelperPlan> helpers,
        List<FunctionPlan> functions,
        List<SlotPlan> slots) {

    /** The per-connection state struct; null without a state class. */
    public record StatePlan(String javaName, String struct, String arrayName, String initName, int line,
            List<FieldPlan> fields, boolean hasInitializers) {}

    public record FieldPlan(String cType, String cName, String suffix, String initializer, String javaName,
            String javaType) {}

    /**
     * A generated function serving one event.
     *
     * @param comment the first comment line: the Java handler it comes from
     * @param params the C parameter list
     * @param prelude declarations binding the handler's Java parameters (e.g. its state pointer)
     * @param initState whether it starts the connection's state (the connect function)
     * @param unused parameters the body does not use, cast to void for -Wextra
     * @param body the translated Java body; empty for a function that only starts the state
     */
    public record FunctionPlan(String name, String comment, String params, List<String> prelude,
            boolean initState, String stateVar, List<String> unused, List<CStmt> body) {}

    /**
     * A helper method as a static C function.
     *
     * @param prototype its declaration, so helpers may call each other in any order
     * @param head its definition's first line(s), up to the opening brace
     */
    public record HelperPlan(String comment, String prototype, String head, List<String> unused, List<CStmt> body) {}

    /** One member of the server's struct espgen_handlers. */
    public record SlotPlan(String slot, String function) {}

    public static ServerPlan of(Server s) {
        String c = CNames.snake(s.simpleName());
        StatePlan state = s.state().map(st -> {
            List<FieldPlan> fields = new ArrayList<>();
            for (StateField f : st.fields()) {
                fields.add(new FieldPlan(f.type().cName(), CNames.field(f.javaName()),
                        f.isArray() ? "[" + f.arrayLength() + "]" : "", f.initializer(), f.javaName(),
                        f.type().javaName() + (f.isArray() ? "[]" : "")));
            }
            boolean inits = fields.stream().anyMatch(f -> f.initializer() != null);
            return new StatePlan(st.simpleName(), c + "_" + CNames.snake(st.simpleName()),
                    c + "_" + CNames.snake(st.simpleName()) + "_table", c + "_" + CNames.snake(st.simpleName()) + "_init",
                    0, fields, inits);
        }).orElse(null);

        List<FunctionPlan> functions = new ArrayList<>();
        List<SlotPlan> slots = new ArrayList<>();
        // a handler named start, recv_cb, ... would clash with the file's own names: it gets a suffix
        java.util.Set<String> taken = new java.util.HashSet<>();
        CNames.SERVER_FILE_NAMES.forEach(own -> taken.add(c + "_" + own));
        s.helpers().forEach(h -> taken.add(h.cName()));
        if (state != null) {
            taken.add(state.arrayName());
            taken.add(state.initName());
        }
        for (Event e : Event.values()) {
            Handler h = s.handler(e).orElse(null);
            boolean initState = e == Event.CONNECT && state != null;
            if (h == null && !initState) {
                continue;
            }
            String fn = c + "_" + (h != null ? CNames.snake(h.methodName()) : "start_state");
            if (h != null && !taken.add(fn)) {
                fn += "_handler";
            }
            functions.add(function(s, state, e, h, fn, initState));
            slots.add(new SlotPlan(e.slot(), fn));
        }
        List<HelperPlan> helpers = new ArrayList<>();
        for (HelperMethod h : s.helpers()) {
            String head = "static " + h.returnType() + " ICACHE_FLASH_ATTR " + h.cName() + "(";
            String text = CText.of(h.body());
            List<String> unused = new ArrayList<>();
            for (String param : h.params()) {
                String name = param.substring(param.lastIndexOf(' ') + 1).replace("*", "");
                if (!param.equals("void") && !CText.mentions(text, name)) {
                    unused.add(name);
                }
            }
            helpers.add(new HelperPlan(h.comment(), head + wrap(head, h.params()) + ");", head + wrap(head, h.params()) + ")",
                    unused, h.body()));
        }
        return new ServerPlan(s.simpleName(), s.qualifiedName(), s.sourceFileName(), c, CNames.macro(s.simpleName()),
                CStrings.literal(s.simpleName()), s.port(), s.maxConnections(), s.idleTimeoutSeconds(),
                s.sendChunkSize(), s.sendQueueBytes(),
                s.closeOnQueueFull() ? "ESPGEN_QUEUE_FULL_CLOSE" : "ESPGEN_QUEUE_FULL_REFUSE", state, s.constants(),
                s.flashTexts(), helpers, functions, slots);
    }

    private static FunctionPlan function(Server s, StatePlan state, Event e, Handler h, String fn, boolean initState) {
        List<Param> params = h == null ? List.of() : h.params();
        Map<ParamKind, String> names = ServerTranslator.cNames(e, params);
        String conn = names.get(ParamKind.CONNECTION);
        String stateVar = names.get(ParamKind.STATE);
        boolean takesState = h != null && h.paramName(ParamKind.STATE) != null;
        boolean takesBytes = h != null && h.paramName(ParamKind.BYTES) != null;

        List<CStmt> body = h == null ? List.of() : h.body();
        String bodyText = CText.of(body);
        List<String> prelude = new ArrayList<>();
        if (state != null && (initState || takesState && CText.mentions(bodyText, stateVar))) {
            prelude.add("struct " + state.struct() + " *" + stateVar + " = &" + state.arrayName()
                    + "[espgen_conn_index(srv, " + conn + ")];");
        }
        if (takesBytes && CText.mentions(bodyText, names.get(ParamKind.BYTES))) {
            prelude.add("struct espgen_bytes " + names.get(ParamKind.BYTES) + " = { rx_data, rx_len };");
        }
        String used = String.join("\n", prelude) + "\n" + bodyText;

        List<String> cparams = new ArrayList<>(List.of("struct espgen_server *srv", "struct espgen_conn *" + conn));
        if (e == Event.RECEIVE) {
            cparams.add("const uint8 *rx_data");
            cparams.add("uint16 rx_len");
        }
        if (e == Event.ERROR) {
            cparams.add("sint8 " + names.get(ParamKind.ERROR));
        }
        // -Wextra: a parameter the body does not use is cast to void
        List<String> unused = new ArrayList<>();
        for (String param : cparams) {
            String name = param.substring(param.lastIndexOf(' ') + 1).replace("*", "");
            if (!CText.mentions(used, name)) {
                unused.add(name);
            }
        }
        String comment = h == null
                ? "A new connection's " + state.javaName() + " starts from its field initializers."
                : "@" + e.annotationSimpleName() + " " + s.simpleName() + "." + h.methodName() + "("
                        + params.stream().map(p -> javaType(p, state) + " " + p.name()).collect(Collectors.joining(", "))
                        + "), " + s.sourceFileName() + ":" + h.line();
        String head = "static void ICACHE_FLASH_ATTR " + fn + "(";
        return new FunctionPlan(fn, comment, wrap(head, cparams), prelude, initState, stateVar, unused, body);
    }

    /** Line width of generated C, as in the runtime's sources. */
    static final int WIDTH = 110;

    /**
     * A parameter list after {@code head}, broken kernel style where a line would pass {@link #WIDTH}: the
     * continuation aligned under the first parameter (tabs of 8, then spaces).
     */
    static String wrap(String head, List<String> params) {
        int column = head.length();
        String indent = "\t".repeat(column / 8) + " ".repeat(column % 8);
        StringBuilder out = new StringBuilder();
        int width = column;
        for (int i = 0; i < params.size(); i++) {
            String piece = params.get(i) + (i + 1 < params.size() ? "," : "");
            if (i > 0 && width + 1 + piece.length() + 1 > WIDTH) {
                out.append('\n').append(indent);
                width = column;
            } else if (i > 0) {
                out.append(' ');
                width++;
            }
            out.append(piece);
            width += piece.length();
        }
        return out.toString();
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
