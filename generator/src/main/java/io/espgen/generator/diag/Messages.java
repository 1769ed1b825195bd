package io.espgen.generator.diag;

import java.util.Collection;
import java.util.stream.Collectors;

/** Every message the processor shows a user, in one place: what is wrong, and what to write instead. */
public final class Messages {

    private Messages() {}

    // --- @TcpServer ---

    public static String outOfRange(String attribute, long value, long min, long max, String why) {
        return "@TcpServer(" + attribute + " = " + value + ") is out of range: it must be " + min + " to " + max
                + why;
    }

    public static String chunkOverQueue(int chunk, int queue) {
        return "@TcpServer(sendQueueBytes = " + queue + ") must hold at least one chunk of sendChunkSize = " + chunk
                + " bytes";
    }

    public static String portTaken(int port, String other) {
        return "port " + port + " is already used by the @TcpServer " + other + "; each server needs its own port";
    }

    public static String tooManyConnections(int total) {
        return "the servers of this firmware allow " + total
                + " connections together, more than the SDK's limit of 15; lower maxConnections";
    }

    public static String serverNotClass() {
        return "@TcpServer goes on a class";
    }

    public static String serverShape(String what) {
        return "a @TcpServer class must " + what;
    }

    public static String noHandlers() {
        return "this @TcpServer has no handler: annotate a method with @OnConnect, @OnReceive, @OnSent, "
                + "@OnDisconnect or @OnError";
    }

    public static String serverMember(String what) {
        return what + " is not supported in a @TcpServer class: keep per-connection data in the state class and "
                + "constants as static final primitives";
    }

    // --- handlers ---

    public static String duplicateHandler(String annotation, String other) {
        return "a second @" + annotation + " handler: " + other + " already handles this event";
    }

    public static String twoEvents(String first, String second) {
        return "a handler serves one event, this one has both @" + first + " and @" + second;
    }

    public static String handlerShape(String annotation, String what) {
        return "an @" + annotation + " handler must " + what;
    }

    public static String badParam(String annotation, String type, Collection<String> supplied) {
        return "@" + annotation + " cannot supply a parameter of type " + type + "; it supplies "
                + String.join(", ", supplied);
    }

    public static String repeatedParam(String kind) {
        return "only one parameter may take " + kind;
    }

    public static String twoStateClasses(String first, String second) {
        return "handlers of one server must share one state class; " + first + " and " + second + " differ";
    }

    // --- state class ---

    public static String stateShape(String name, String what) {
        return "the state class " + name + " cannot be a plain C struct: " + what;
    }

    public static String stateFieldType(String field, String type) {
        return "state field " + field + " has type " + type
                + ", which has no fixed C layout; use boolean, byte, short, char, int, long, or a fixed-size array "
                + "of one of them (byte[] buf = new byte[64])";
    }

    public static String stateArrayInit(String field) {
        return "state array " + field + " needs a fixed size: write new T[N] with a constant N from 1 to 4096";
    }

    public static String stateInit(String field) {
        return "state field " + field + " must start at a constant (a literal or a static final constant)";
    }

    // --- translation ---

    public static String unsupported(String construct, String instead) {
        return construct + " is not supported in handler code" + (instead == null ? "" : "; " + instead);
    }

    public static String unresolved(String what) {
        return "cannot resolve " + what;
    }

    public static String sourceUnavailable(String file) {
        return "cannot read the source of " + file
                + " to translate its handlers; espgen needs the javac compiler (the Maven compiler plugin's default)";
    }

    public static String formatNotLiteral() {
        return "the log format must be a string literal, so it can be checked at compile time";
    }

    public static String formatMismatch(String detail) {
        return "log format: " + detail;
    }

    public static String formatKinds() {
        return "%d, %x (int), %c (char), %s (string literal) and %%";
    }

    public static String joinTypes(Collection<String> types) {
        return types.stream().sorted().collect(Collectors.joining(", "));
    }

    // --- output ---

    public static String writeFailed(String file, String why) {
        return "espgen could not write " + file + ": " + why;
    }
}
