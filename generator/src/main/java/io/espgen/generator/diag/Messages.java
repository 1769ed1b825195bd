package io.espgen.generator.diag;

import io.espgen.dsl.Limits;
import java.util.Collection;

/**
 * Every message the processor shows a user, in one place: what is wrong, and what to write instead. No
 * other class of the processor spells a message; they pick one from here.
 */
public final class Messages {

    private Messages() {}

    // --- @TcpServer ---

    public static String outOfRange(String attribute, long value, long min, long max, String unit) {
        return "@TcpServer(" + attribute + " = " + value + ") is out of range: it must be " + min + " to " + max
                + unit;
    }

    /** The unit and reason after a range, for each limited attribute of @TcpServer. */
    public static final String PORT_RANGE = "";
    public static final String CONNECTIONS_RANGE = " (the SDK's limit)";
    public static final String IDLE_RANGE = " seconds (the SDK's limit)";
    public static final String CHUNK_RANGE = " bytes (the SDK's send buffer)";
    public static final String QUEUE_RANGE = " bytes";

    public static String chunkOverQueue(int chunk, int queue) {
        return "@TcpServer(sendQueueBytes = " + queue + ") must hold at least one chunk of sendChunkSize = " + chunk
                + " bytes";
    }

    public static String portTaken(int port, String other) {
        return "port " + port + " is already used by the @TcpServer " + other + "; each server needs its own port";
    }

    /** An IDE rebuilt only some servers and the C of another one is gone: the firmware would lose it. */
    public static String partialBuildLost(String server, String file) {
        return "this build compiled only some of the firmware's servers (an IDE rebuilds changed files only), and the "
                + "generated " + file + " of the server " + server + ", which it did not recompile, is missing: the "
                + "firmware would lose that server; rebuild the whole project (Eclipse: Project > Clean; VS Code: "
                + "'Java: Rebuild Projects'; or mvn compile)";
    }

    /** An IDE rebuilt only some servers: the others' C stands from the last build. */
    public static String partialBuildKept(String servers) {
        return "espgen: the firmware keeps the C of " + servers + " from the last build (not recompiled in this one; "
                + "their sources did not change)";
    }

    public static String tooManyConnections(int total) {
        return "the servers of this firmware allow " + total + " connections together, more than the SDK's limit of "
                + Limits.MAX_CONNECTIONS + "; lower maxConnections";
    }

    public static String serverNotClass() {
        return "@TcpServer goes on a class";
    }

    public static String serverShape(String what) {
        return "a @TcpServer class must " + what;
    }

    public static final String NOT_ABSTRACT = "not be abstract";
    public static final String NOT_GENERIC = "not be generic";
    public static final String TOP_LEVEL = "be a top-level class";

    public static String reservedServerName(String name, String prefix) {
        return "a server named " + name + " would name its C functions and macros " + prefix + "_..., as the SDK or "
                + "espgen's runtime name theirs: rename the class (" + name + "Server, for instance)";
    }

    /** The first line of {@code <server>.dram}, the Java behind the server's DRAM. */
    public static String dramOriginsHeader() {
        return "# the Java behind this server's variables in DRAM, named by esp:firmware when DRAM runs out";
    }

    /** {@code EchoServer.Session.buffer: 12288 bytes x 15 connections}. */
    public static String dramOrigin(String java, long bytes, int entries, int connections) {
        String times = entries == 1 ? "" : entries == connections ? " x " + entries + " connections"
                : " x " + entries + " (" + connections + " connections and a spare state)";
        return java + ": " + bytes + " bytes" + times;
    }

    public static String noHandlers() {
        return "this @TcpServer has no handler: annotate a method with @OnConnect, @OnReceive, @OnSent, "
                + "@OnDisconnect or @OnError";
    }

    // --- @WiFi ---

    public static String wifiNotOnServer() {
        return "@WiFi goes on one of the firmware's @TcpServer classes";
    }

    public static String wifiTwice(String other) {
        return "a firmware has one @WiFi, and " + other + " has it already; remove one";
    }

    public static String wifiOutOfRange(String attribute, long value, long min, long max, String unit) {
        return "@WiFi(" + attribute + " = " + value + ") is out of range: it must be " + min + " to " + max + unit;
    }

    public static String wifiHostname(String name) {
        return "@WiFi(hostname = \"" + name + "\") is not a host name: 1 to " + Limits.MAX_HOSTNAME_LENGTH
                + " letters, digits and hyphens, not starting or ending with a hyphen";
    }

    public static String wifiAddress(String attribute, String text) {
        return "@WiFi(" + attribute + " = \"" + text + "\") is not an IPv4 address: write four numbers 0 to 255 "
                + "with dots, as \"192.168.1.50\"";
    }

    public static String wifiStationOnly(String attribute) {
        return "@WiFi(" + attribute + ") is for a station; an access point (mode = ACCESS_POINT) has the address "
                + "192.168.4.1 and no fallback: remove it, or use mode = STATION";
    }

    public static String wifiNeedsStaticIp(String attribute) {
        return "@WiFi(" + attribute + ") is used only with a static address: set staticIp too, or remove it";
    }

    // --- pins ---

    private static final String[] FLASH_PADS = {"SD_CLK", "SD_DATA0", "SD_DATA1", "SD_DATA2", "SD_DATA3", "SD_CMD"};

    /** The message for a GPIO number no pin may have (out of range, or the flash's), or null when it is fine. */
    public static String badGpio(int gpio) {
        if (gpio < 0 || gpio > Limits.MAX_GPIO) {
            return "GPIO " + gpio + " does not exist: the ESP8266's pins are GPIO 0 to " + Limits.MAX_GPIO;
        }
        if (gpio >= Limits.FIRST_FLASH_GPIO && gpio <= Limits.LAST_FLASH_GPIO) {
            return "GPIO " + gpio + " (" + FLASH_PADS[gpio - Limits.FIRST_FLASH_GPIO] + ") holds the SPI flash the "
                    + "firmware runs from, as GPIO " + Limits.FIRST_FLASH_GPIO + " to " + Limits.LAST_FLASH_GPIO
                    + " all do: use GPIO 0 to 5 or 12 to 16";
        }
        return null;
    }

    public static String pinInTwoServers(int gpio, String other) {
        return "GPIO " + gpio + " is declared by " + other + " too: a pin belongs to one server of the firmware";
    }

    public static String interruptsInTwoServers(String other) {
        return other + " has interrupt handlers too, and the chip has one GPIO interrupt for all pins: keep the "
                + "pins with interrupt handlers in one server";
    }

    public static String rtcInterrupt(String annotation) {
        return "@" + annotation + "(pin = 16): GPIO 16 has no interrupt (it sits in the RTC domain, outside the GPIO "
                + "interrupt): use GPIO 0 to 5 or 12 to 15, or read GPIO 16 from an @Every handler";
    }

    public static String rtcPullUp() {
        return "GPIO 16 has no pull-up (the RTC domain's pad has only a pull-down): use Pin.input(16) with a "
                + "resistor on the board, or another pin";
    }

    public static String pinTwice(int gpio, String other) {
        return "GPIO " + gpio + " is declared twice: " + other + " already declares it";
    }

    public static String pinNotFinal(String name) {
        return "the Pin field " + name + " must be static final: a pin is declared once, static final Pin " + name
                + " = Pin.output(2)";
    }

    public static String pinInit(String name) {
        return "the Pin field " + name + " is declared by Pin.input(n), Pin.inputPullUp(n) or Pin.output(n), with a "
                + "constant GPIO number n";
    }

    public static String secondInterrupt(String annotation, int gpio, String other) {
        return "a second @" + annotation + " handler for GPIO " + gpio + ": " + other + " already handles it";
    }

    public static String edgeMismatch(int gpio, String after, String on) {
        return "@AfterInterrupt(pin = " + gpio + ", edge = " + after + ") differs from the pin's @OnInterrupt(edge = "
                + on + "): a pin has one interrupt edge, write the same in both";
    }

    public static String interruptPinUndeclared(String annotation, int gpio) {
        return "@" + annotation + "(pin = " + gpio + "): the server declares no input on GPIO " + gpio
                + ": declare one, static final Pin BUTTON = Pin.inputPullUp(" + gpio + ") (or Pin.input(" + gpio + "))";
    }

    public static String interruptOnOutput(String annotation, int gpio, String name) {
        return "@" + annotation + "(pin = " + gpio + "): GPIO " + gpio + " is the output " + name
                + ", and only an input raises an interrupt: declare it with Pin.input or Pin.inputPullUp";
    }

    public static String pinWriteOnInput(String name, String method) {
        return name + "." + method + "(): " + name + " is an input, which drives nothing: declare it with Pin.output "
                + "to drive it";
    }

    public static String pinReceiver(String method) {
        return "Pin." + method + "() is called on a Pin field of this server (LED." + method + "()), not on another "
                + "expression";
    }

    /**
     * An interrupt handler (or a helper it calls) reaches something in flash.
     *
     * @param what the call or name, as the user wrote it
     * @param handler the interrupt handler's Java name
     * @param via the helper where it stands, or null in the handler itself
     */
    public static String flashInInterrupt(String what, String handler, String via, int gpio, String edge) {
        return what + " is in flash, and the @OnInterrupt handler " + handler + "() runs from IRAM, where flash can "
                + "be off (the chip may be writing it)" + (via == null ? "" : "; it reaches " + via + "(), which is "
                + "placed in IRAM with it") + ": do this in an @AfterInterrupt(pin = " + gpio + ", edge = " + edge
                + ") handler, a posted task that runs right after the interrupt";
    }

    // --- handlers ---

    public static String timerPeriod(int millis) {
        return "@Every(millis = " + millis + ") is out of range: a repeating os_timer takes " + Limits.MIN_TIMER_MILLIS
                + " to " + Limits.MAX_TIMER_MILLIS + " ms (the SDK's minimum for a repeating timer, the ROM's maximum)";
    }

    /** Timers.start/cancel names a timer that is not one of the server's @OneShot methods (null: not a constant). */
    public static String oneShotName(String name, Collection<String> known) {
        String what = name == null ? "Timers.start and Timers.cancel name a @OneShot method of the server with a "
                + "string constant" : "\"" + name + "\" is not a @OneShot method of this server";
        return what + (known.isEmpty() ? "; annotate the method to run with @OneShot"
                : "; its @OneShot methods are " + String.join(", ", known));
    }

    public static String oneShotDelay(int millis) {
        return "a one-shot timer's delay of " + millis + " ms is out of range: os_timer_arm takes "
                + Limits.MIN_TIMER_MILLIS + " to " + Limits.MAX_TIMER_MILLIS + " ms (a computed delay is clamped into "
                + "that range)";
    }

    public static String duplicateHandler(String annotation, String other) {
        return "a second @" + annotation + " handler: " + other + " already handles this event";
    }

    public static String twoEvents(String first, String second) {
        return "a handler serves one event, this one has both @" + first + " and @" + second;
    }

    public static String handlerShape(String annotation, String what) {
        return "an @" + annotation + " handler must " + what;
    }

    public static final String RETURN_VOID = "return void";
    public static final String NO_EXCEPTIONS = "not declare exceptions (there are none in the firmware)";
    public static final String HAVE_BODY = "have a body";

    public static String badParam(String annotation, String type, Collection<String> supplied) {
        return "@" + annotation + " cannot supply a parameter of type " + type + "; it supplies "
                + String.join(", ", supplied);
    }

    public static String recordState(String record) {
        return "the record " + record + " cannot be the per-connection state: its fields are final and handlers "
                + "change the state; write a static class (static class " + record + " { int count; })";
    }

    public static String repeatedParam(String kind) {
        return "only one parameter may take " + kind;
    }

    public static String twoStateClasses(String first, String second) {
        return "handlers of one server must share one state class; " + first + " and " + second + " differ";
    }

    // --- @Framed ---

    public static String framingWays() {
        return "@Framed needs exactly one way to end a frame: delimiter = \"\\n\" (or \"\\r\\n\"), "
                + "lengthPrefix = 1, 2 or 4, or fixedSize = <bytes>";
    }

    public static String framingRange(String attribute, long value, long min, long max) {
        return "@Framed(" + attribute + " = " + value + ") is out of range: it must be " + min + " to " + max
                + " bytes";
    }

    public static String framingPrefix(int value) {
        return "@Framed(lengthPrefix = " + value + ") must be 1, 2 or 4: the bytes of a big-endian frame length";
    }

    public static String framingPrefixTooShort(int max) {
        return "@Framed(maxFrameBytes = " + max + ") cannot be reached with lengthPrefix = 1 (at most 255): "
                + "use lengthPrefix = 2, or maxFrameBytes = 255";
    }

    public static String framingDelimiterLength(int length) {
        return "@Framed(delimiter) has " + length + " characters; a delimiter is 1 to 8 bytes, such as \"\\r\\n\"";
    }

    public static String framingDelimiterChars() {
        return "@Framed(delimiter) may only hold characters 0 to 255, one byte each (write \\u00e9 as its "
                + "UTF-8 bytes, \"\\u00c3\\u00a9\")";
    }

    public static String framingFixedWith(String attribute) {
        return "@Framed(" + attribute + ") has no meaning with fixedSize: every frame is fixedSize bytes, none is "
                + "oversized; remove it";
    }

    public static String framingPause(int value, int queue) {
        return "@Framed(pauseAboveBytes = " + value + ") must be -1 (half the send queue) or 0 to sendQueueBytes = "
                + queue;
    }

    public static String framingWithoutOnFrame() {
        return "a @Framed server hands each frame to an @OnFrame handler: add one, "
                + "void frame(Connection c, Bytes frame)";
    }

    public static String frameWithoutFraming() {
        return "this handler needs frames: declare them on the server class with @Framed(delimiter = \"\\n\") "
                + "(or lengthPrefix, or fixedSize)";
    }

    public static String receiveWhenFramed() {
        return "a @Framed server receives whole frames: use @OnFrame instead of @OnReceive";
    }

    public static String oversizeNeverCalled() {
        return "@OnOversize is called only for a dropped frame: set @Framed(onOversize = OversizePolicy.DISCARD), "
                + "or remove it (an oversized frame closes the connection)";
    }

    // --- state class ---

    public static String stateShape(String name, String what) {
        return "the state class " + name + " cannot be a plain C struct: " + what;
    }

    public static String stateNotNested(String server) {
        return "it must be a static class nested in " + server;
    }

    public static final String STATE_NOT_STATIC = "it must be static (an inner class holds a reference to its server)";
    public static final String STATE_GENERIC = "it must not be generic";
    public static final String STATE_EXTENDS = "it must not extend another class";
    public static final String STATE_IMPLEMENTS = "it must not implement interfaces";
    public static final String STATE_CONSTRUCTOR = "it may only have a constructor without parameters";

    public static String stateMember(String kind) {
        return "it may only have fields, not a " + kind;
    }

    public static String stateStaticField(String field) {
        return "static field " + field + " is not per connection; state all clients share is a static field of "
                + "the server class (static int " + field + ";), a constant a static final one there";
    }

    // --- the server class's fields: shared state, constants, constant tables ---

    /** What a static field of the server class may hold. */
    private static final String SHARED_TYPES = "boolean, byte, short, char, int, long, or a fixed-size array of "
            + "them (static byte[] buf = new byte[64]; static int[][] grid = new int[4][8])";

    public static String serverInstanceField(String field) {
        return "instance field " + field + " of the server class is neither per connection nor shared: make it "
                + "static for state all clients share (static int " + field + ";), or move it to the state class "
                + "for one per connection";
    }

    public static String sharedFieldType(String field, String type) {
        return "static field " + field + " has type " + type + ", which has no fixed C layout: state shared by all "
                + "clients may be " + SHARED_TYPES;
    }

    public static String sharedString(String field) {
        return "static field " + field + " is a String that changes, and the firmware has no String values: make it "
                + "static final for a constant, or keep the text in a shared byte array (static byte[] " + field
                + " = new byte[32])";
    }

    public static String constantType(String field, String type) {
        return "static final field " + field + " has type " + type + ": constants are primitives, Strings or "
                + "tables of primitives (static final byte[] HEX = {'0', '1'}); state all clients share is a static "
                + "field of " + SHARED_TYPES;
    }

    public static String sharedInit(String field) {
        return "static field " + field + " must start at a constant (a literal or a static final constant), or, for "
                + "an array, be new T[N] or new T[N][M] with constant sizes of at least 1 and at most "
                + Limits.MAX_ARRAY_LENGTH + " elements in all, or a list of constants ({1, 2, 3})";
    }

    public static String constantInit(String field) {
        return "static final " + field + " must be a constant: literals, other constants, arithmetic on them and "
                + "CONSTANT.length() of a String constant; for a value that changes, drop final (a static field is "
                + "state all clients share)";
    }

    public static String tableInit(String field) {
        return "constant table " + field + " must list constants ({1, 2, 3}), 1 to " + Limits.MAX_ARRAY_LENGTH
                + " of them; for an array that changes, drop final and write new T[N]";
    }

    public static String tableType(String field) {
        return "constant table " + field + " is a long[]: flash tables hold boolean, byte, short, char or int; split "
                + "the values into two int tables";
    }

    public static String tableWrite(String field) {
        return unsupported("writing into the constant table " + field,
                "it lives in flash; copy it into a shared or state array to change it");
    }

    public static String tableAsArray(String field) {
        return unsupported("passing the constant table " + field + " as an array",
                "it lives in flash, which is read in whole words: index it (" + field + "[i]) and copy what you need "
                        + "into a state or shared array");
    }

    public static String stateFieldType(String field, String type) {
        return "state field " + field + " has type " + type
                + ", which has no fixed C layout; use boolean, byte, short, char, int, long, or a fixed-size array "
                + "of one of them (byte[] buf = new byte[64])";
    }

    public static String stateArrayInit(String field) {
        return "state array " + field + " needs a fixed size: write new T[N] with a constant N from 1 to "
                + Limits.MAX_ARRAY_LENGTH;
    }

    public static String stateInit(String field) {
        return "state field " + field + " must start at a constant (a literal or a static final constant)";
    }

    // --- handler code: what is not supported, and what to write instead ---

    public static String unsupported(String construct, String instead) {
        return construct + " is not supported in handler code" + (instead == null ? "" : "; " + instead);
    }

    public static String unsupported(Construct c) {
        return unsupported(c.construct, c.instead);
    }

    /** The constructs handler code may not use whose message takes no name. */
    public enum Construct {
        LABELED_BREAK("a labeled break", Instead.FLAG),
        LABELED_CONTINUE("a labeled continue", Instead.FLAG),
        RETURN_FROM_HANDLER("returning a value from a handler", null),
        FOR_EACH_SOURCE("a for-each loop over this", "loop over the received Bytes or a state array"),
        SWITCH_ON_STRING("a switch on a String",
                "handler code has no String values: compare received bytes with data.contentEquals(\"...\")"),
        CASE_LABEL("this case label", "case labels are constants"),
        LOCAL_ARRAY("a local array", "declare fixed-size arrays in the state class"),
        STRING_VARIABLE("a String variable",
                "pass string literals straight to send or Log, or keep bytes in a state array"),
        FLOATING_POINT("floating point", Instead.NO_FPU),
        FLOAT_LITERAL("this literal", Instead.NO_FPU),
        STRING_VALUE("a String value", "string literals can be passed to Connection.send, Log and the text helpers only"),
        STRING_CONSTANT_VALUE("a String constant used as a value",
                "pass it straight to Connection.send, Log or a text helper"),
        STRING_CONCATENATION("string concatenation", "send the parts one after another, or use a Log format"),
        ARRAY("this array", "index state arrays and array parameters"),
        INDEX_EFFECTS("an array index with side effects", "compute the index into a local first"),
        ARRAY_STORE_IN_EXPRESSION("assigning to an array element inside an expression",
                "make the assignment a statement of its own"),
        UNORDERED_EFFECTS("operands with side effects that C may evaluate in another order than Java's left to right",
                "give each side effect a statement of its own, computing values into locals first"),
        LOG_AS_VALUE("using a Log call as a value", null),
        LOG_WITHOUT_FORMAT("a Log call without a format", null),
        LOG_ARGUMENT_EFFECT("a Log argument that changes something or calls a method of the server",
                "compute the value into a local in a statement of its own and log the local: a build with a "
                        + "lower esp.logLevel leaves the call out, arguments and all"),
        VOID_AS_VALUE("using a void method as a value", null),
        FOREIGN_CALL("this call",
                "handlers may call Connection, Bytes, Text, Log, Timers, Math.min/max/abs and the server's own methods"),
        PASS_CONNECTION("passing this as a Connection", "pass the handler's Connection parameter"),
        PASS_BYTES("passing this as Bytes", "pass the handler's Bytes parameter"),
        PASS_ARRAY("passing this array", "pass a state array or an array parameter"),
        PASS_STATE("passing this as the state", "pass the handler's state parameter"),
        SEND_ARRAY("sending this array", "send a state array or an array parameter"),
        SEND_STRING("sending a String that is not a constant", "send string literals or static final String constants"),
        GENERIC_METHOD("a generic method", "write it for the one type it needs"),
        THROWING_METHOD("a method that declares exceptions", "the firmware has no exceptions"),
        METHOD_WITHOUT_BODY("a method without a body", null),
        VARARGS("varargs", "pass a state array"),
        // statements and expressions without a place in the firmware
        TRY("a try statement", Instead.NO_EXCEPTIONS),
        THROW("throw", Instead.NO_EXCEPTIONS),
        SYNCHRONIZED("synchronized", "handlers run one at a time; no locking is needed"),
        LABELED_STATEMENT("a labeled statement", null),
        LOCAL_CLASS("a local class", null),
        ASSERT("assert", "check the condition with if"),
        YIELD("yield", null),
        ARRAY_CREATION("array creation", Instead.NO_HEAP),
        LAMBDA("a lambda", Instead.METHOD),
        METHOD_REFERENCE("a method reference", Instead.METHOD),
        INSTANCEOF("instanceof", null),
        THIS("this", null),
        SUPER("super", null),
        NULL("null", "there are no references in handler code"),
        SWITCH_EXPRESSION("a switch expression", "use a switch statement that assigns a local"),
        CLASS_LITERAL("a class literal", null);

        private final String construct;
        private final String instead;

        Construct(String construct, String instead) {
            this.construct = construct;
            this.instead = instead;
        }
    }

    /** Advice several constructs share. */
    private static final class Instead {
        static final String FLAG = "restructure the loops or use a boolean flag";
        static final String NO_FPU = "the ESP8266 has no FPU; use int, in fixed point if needed";
        static final String NO_EXCEPTIONS = "the firmware has no exceptions: check values and return early";
        static final String NO_HEAP = "the firmware has no heap for handlers: keep data in the state class";
        static final String METHOD = "write a method of the server class";
        static final String NAMES = "use ASCII letters, digits and _ in names";
    }

    // --- loops: each has a bound the generator can see, or the chip's watchdog may reset it ---

    /** What to write instead of a loop without a visible bound. */
    private static final String COUNTED_LOOP = "a loop needs a bound the generator can see, or a long run trips the "
            + "chip's watchdog (a handler must return within about 3 s): count with an int to a constant cap, "
            + "for (int i = 0; i < 16 && more; i++), loop over the received Bytes or an array, or spread long work "
            + "over @OnSent or a timer";

    /** A while or do-while loop. */
    public static String unboundedLoop(String what) {
        return unsupported(what, COUNTED_LOOP);
    }

    public static String loopCounter() {
        return unsupported("a for loop without one int counter declared and started in it (for (int i = 0; ...)",
                COUNTED_LOOP);
    }

    public static String loopBound(String counter) {
        return unsupported("a loop condition that does not start with a bound on " + counter + " (" + counter
                + " < N, <= N, > N or >= N, N a constant, an array's length or data.length(); a field or a "
                + "parameter is no bound)", COUNTED_LOOP);
    }

    public static String loopStart(String counter, boolean up) {
        String clamp = up ? "Math.max(0, from)" : "Math.min(CAP, from)";
        return unsupported("a loop counter " + counter + " that starts from a value with no visible bound (a field, a "
                + "parameter or a local could be " + (up ? "-2147483648" : "2147483647") + ")",
                "start it from a constant, an array's length or data.length(), or clamp the start towards the "
                        + "bound: for (int " + counter + " = " + clamp + "; ...)");
    }

    public static String loopStep(String counter) {
        return unsupported("a loop update that is not one constant step of " + counter + " (" + counter + "++, "
                + counter + "--, " + counter + " += 2)", COUNTED_LOOP);
    }

    public static String loopStepsAway(String counter) {
        return unsupported("a loop whose update steps " + counter + " away from its bound", COUNTED_LOOP);
    }

    public static String loopCounterAssigned(String counter) {
        return unsupported("changing the loop counter " + counter + " inside the loop",
                "the update alone steps it, so the generator can see the loop's bound; keep another local for "
                        + "the position");
    }

    public static String floatingPoint(String type) {
        return unsupported("floating point (" + type + ")", Instead.NO_FPU);
    }

    public static String objectCreation(String type) {
        return unsupported("object creation (new " + type + ")", Instead.NO_HEAP);
    }

    public static String otherStatement(String node) {
        return unsupported("this statement (" + node + ")", null);
    }

    public static String otherExpression(String node) {
        return unsupported("this expression (" + node + ")", null);
    }

    public static String badName(String name) {
        return unsupported("the name " + name, Instead.NAMES);
    }

    public static String unknownName(String name) {
        return unsupported("the name " + name, null);
    }

    public static String switchOn(String type) {
        return unsupported("a switch on " + type, "switch on an int, short, byte or char, or on a ConnectionError");
    }

    public static String localType(String type) {
        return unsupported("a local of type " + type, "locals may be boolean, byte, short, char, int or long");
    }

    public static String parameterAsValue(String name, boolean isArray) {
        return unsupported("using the parameter " + name + " as a value",
                isArray ? "index it or pass it to a helper" : "call its methods");
    }

    public static String field(String name) {
        return unsupported("the field " + name,
                "keep per-connection data in the state class and data all clients share in static fields of the "
                        + "server class");
    }

    public static String stateMember(String name, boolean isArray) {
        return isArray ? unsupported("the array " + name + " as a value",
                "index it, take its length, or pass it to a helper or text function")
                : unsupported("the state member " + name, null);
    }

    public static String memberAccess(String text) {
        return unsupported("the member access " + text, null);
    }

    public static String assignTo(String text, boolean simple) {
        return unsupported("assigning to " + text, simple ? null : "assign to locals and state fields");
    }

    public static String callOn(String type) {
        return unsupported("calling " + type + " methods on anything but a parameter",
                type.equals("Connection") ? "call them on the handler's Connection or a Connection local "
                        + "(for (Connection o : c.connections()), Connection o = c.connectionById(id))" : null);
    }

    public static String connectionLocal() {
        return unsupported("a Connection local that does not start from a connection",
                "start it from a Connection parameter or local, or from c.connectionById(id)");
    }

    public static String stateLocal() {
        return unsupported("this use of state()",
                "declare a local of the state class from it: Session other = o.state(); on a Connection parameter "
                        + "or local");
    }

    public static String connectionsOutsideLoop() {
        return unsupported("connections() outside a for-each loop",
                "loop over them: for (Connection o : c.connections()) { ... }; count them with c.connectionCount()");
    }

    public static String foreignCall(String owner, String method) {
        return unsupported("the call " + owner + "." + method + "()", Construct.FOREIGN_CALL.instead);
    }

    /** What to write instead of a JDK call users reach for; null for others. */
    public static String jdkAlternative(String owner, String method) {
        String simple = owner.substring(owner.lastIndexOf('.') + 1);
        String call = "the call " + simple + "." + method + "()";
        return switch (simple + "." + method) {
            case "Integer.parseInt", "Integer.valueOf", "Long.parseLong" -> unsupported(call,
                    "parse received bytes with data.parseInt(from, to, failure), or a byte array with "
                            + "Text.parseInt(buf, from, to, failure)");
            case "Integer.toString", "String.valueOf", "Long.toString" -> unsupported(call,
                    "send a number with c.sendDecimal(n), or append it to a byte array with Text.appendInt");
            case "Integer.toHexString" -> unsupported(call, "send it with c.sendHex(n)");
            case "String.length" -> unsupported(call, "length() is folded for String constants only (PAGE.length())");
            case "String.format" -> unsupported(call, "send the parts one after another; Log takes a format");
            default -> null;
        };
    }

    public static String builtin(String owner, String method) {
        return unsupported(owner + "." + method + "()", null);
    }

    public static String arrayOfType(String elementType, boolean forSend) {
        return forSend ? unsupported("sending a " + elementType + " array", "send a byte array")
                : unsupported("a " + elementType + " array here", "text helpers work on byte arrays");
    }

    public static String math(String method, String type) {
        return unsupported("Math." + method + "() on " + type, "Math.min, max and abs work on int and long");
    }

    public static String recursion(String cycle) {
        return unsupported("recursion (" + cycle + ")", "the chip's stack is a few KiB: write a loop");
    }

    public static String helperReturns(String type) {
        return unsupported("a method returning " + type,
                "return boolean, byte, short, char, int or long, or fill a state array");
    }

    public static String helperParam(String type) {
        return unsupported("a parameter of type " + type,
                "helpers take primitives, primitive arrays, one Connection, Bytes, ConnectionError and the state class");
    }

    public static String sendResultIgnored() {
        return "with onQueueFull = REFUSE, a send that does not fit the queue is dropped and returns false: "
                + "look at the result (if (!c.send(...)) ...), or use QueueFullPolicy.CLOSE, the default";
    }

    public static String unresolved(String what) {
        return "cannot resolve " + what;
    }

    public static String sourceUnavailable(String file) {
        return "cannot read the source of " + file + " to translate its handlers; espgen reads it through javac "
                + "(the Maven compiler plugin's default, IntelliJ) or the Eclipse compiler (Eclipse, VS Code); "
                + "with another compiler, build with Maven";
    }

    /** The processor's JDT parser linked against another JDT's compiler classes (an older batch ECJ). */
    public static String jdtMismatch(String jdtCore, String ecj, String error) {
        return "espgen reads handler bodies with Eclipse JDT Core " + jdtCore + ", but this compiler's own JDT "
                + "classes came first and do not match it (" + error + "): with the Eclipse compiler, use "
                + "org.eclipse.jdt:ecj " + ecj + " or later (the one JDT Core " + jdtCore + " depends on), or javac";
    }

    /** A message the compiler could not place on its statement: the position goes into the text. */
    public static String at(String file, int line, int column, String message) {
        return file + ":" + line + ":" + column + ": " + message;
    }

    // --- log formats ---

    public static String formatNotLiteral() {
        return "the log format must be a string literal, so it can be checked at compile time";
    }

    private static String format(String detail) {
        return "log format: " + detail;
    }

    public static String formatLonePercent() {
        return format("a lone % at the end; write %% for a percent sign");
    }

    public static String formatConversion(char conversion) {
        return format("%" + conversion + " is not supported; use %d, %x (int), %c (char), %s (string literal) and %%");
    }

    public static String formatMissingArgument(char conversion) {
        return format("%" + conversion + " has no argument");
    }

    public static String formatArgument(char conversion, String type) {
        String needs = conversion == 'c' ? "a char" : "an int";
        String given = type.equals("long") ? "a long (the SDK's printf cannot print 64-bit values; cast to int)"
                : "a " + type;
        return format("%" + conversion + " needs " + needs + ", not " + given);
    }

    public static String formatString() {
        return format("%s needs a string constant (the firmware has no String values)");
    }

    public static String formatExtraArguments() {
        return format("more arguments than conversions in the format");
    }

    // --- output ---

    /** A bug of espgen's own: said as one located line, not a stack trace in the user's build. */
    public static String internalError(RuntimeException e) {
        StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
        return "espgen failed on this class (a bug in espgen, please report it with the class): " + e
                + (at == null ? "" : " at " + at);
    }

    public static String writeFailed(String file, String why) {
        return "espgen could not write " + file + ": " + why;
    }
}
