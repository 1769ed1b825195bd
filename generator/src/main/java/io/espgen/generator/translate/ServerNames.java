package io.espgen.generator.translate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The C names of one server's file, handed out in one place so none clashes: the file's own functions
 * and tables first, then the handlers' functions (a handler named like one of those gets a
 * {@code _handler} suffix), then the helpers' (numbered, {@code _2}, {@code _3}, on a clash).
 */
public final class ServerNames {

    /** What a server's C file names its own functions and tables, after the server's prefix. */
    private static final List<String> FILE_NAMES = List.of("start", "start_state", "connect_cb", "recv_cb",
            "sent_cb", "disconnect_cb", "error_cb", "handlers", "conns", "framing", "frame_bufs", "framers");

    /** The macros a server's C file defines itself, after the server's macro prefix (and its header's guard). */
    private static final List<String> FILE_MACROS = List.of("PORT", "MAX_CONNECTIONS", "IDLE_TIMEOUT_S",
            "SEND_CHUNK", "SEND_QUEUE_BYTES", "RECV_RESERVE", "H");

    private final String prefix;
    private final String macroPrefix;
    private final Set<String> taken = new HashSet<>();
    private final Set<String> macros = new HashSet<>();
    private final java.util.Map<String, String> constants = new java.util.HashMap<>();

    /**
     * @param prefix the server's C prefix ({@code echo_server})
     * @param stateClass the simple name of its state class, or null
     */
    public ServerNames(String prefix, String stateClass) {
        this.prefix = prefix;
        this.macroPrefix = prefix.toUpperCase(java.util.Locale.ROOT);
        FILE_NAMES.forEach(own -> taken.add(prefix + "_" + own));
        FILE_MACROS.forEach(own -> macros.add(macroPrefix + "_" + own));
        if (stateClass != null) {
            taken.add(stateStruct(prefix, stateClass));
            taken.add(stateTable(prefix, stateClass));
            taken.add(stateInit(prefix, stateClass));
        }
    }

    /** The function serving a handler method. */
    public String handler(String javaName) {
        String name = prefix + "_" + CNames.snake(javaName);
        return taken.add(name) ? name : unique(name + "_handler");
    }

    /** The function a helper method becomes. */
    public String helper(String javaName) {
        return unique(prefix + "_" + CNames.snake(javaName));
    }

    /** The global a static field (shared state, a constant table) becomes. */
    public String global(String javaName) {
        return unique(prefix + "_" + CNames.snake(javaName));
    }

    /**
     * A macro named after a Java name ({@code PAGE_LEN}, {@code pageLen}: {@code SERVER_PAGE_LEN}), never one
     * the file defines itself ({@code SERVER_PORT}) nor one handed out before: those get {@code _2}, {@code _3}.
     */
    public String macro(String javaName) {
        String reserved = constants.get(javaName);
        return reserved != null ? reserved : uniqueMacro(macroPrefix + "_" + CNames.macro(javaName));
    }

    /**
     * Takes the macro of a constant of the server class before any generated name derived from one (a flash
     * text's length): the user's constants keep their names, in declaration order.
     */
    public void reserveConstant(String javaName) {
        constants.computeIfAbsent(javaName, n -> uniqueMacro(macroPrefix + "_" + CNames.macro(n)));
    }

    /** A macro with the given suffix after a name handed out by {@link #global}: its length, its size. */
    public String macroFor(String global, String suffix) {
        return uniqueMacro(global.toUpperCase(java.util.Locale.ROOT) + "_" + suffix);
    }

    private String uniqueMacro(String base) {
        String name = base;
        for (int i = 2; !macros.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private String unique(String base) {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** The function that starts a connection's state when no @OnConnect handler does. */
    public static String startState(String prefix) {
        return prefix + "_start_state";
    }

    /** The per-connection state struct's tag. */
    public static String stateStruct(String prefix, String stateClass) {
        return prefix + "_" + CNames.snake(stateClass);
    }

    /** The table of per-connection states, one per connection table entry. */
    public static String stateTable(String prefix, String stateClass) {
        return stateStruct(prefix, stateClass) + "_table";
    }

    /** The constant a new connection's state is copied from, when its fields have initializers. */
    public static String stateInit(String prefix, String stateClass) {
        return stateStruct(prefix, stateClass) + "_init";
    }
}
