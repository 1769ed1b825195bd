package io.espgen.serial.crash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds exception dumps in a serial log, line by line. Two forms: the NONOS SDK's
 * <pre>
 * Fatal exception 28(LoadProhibitedCause):
 * epc1=0x40201a5c, epc2=0x00000000, epc3=0x00000000, excvaddr=0x00000000, depc=0x00000000
 * </pre>
 * and the Arduino core's, whose stack follows:
 * <pre>
 * Exception (28):
 * epc1=0x40201a5c epc2=0x00000000 epc3=0x00000000 excvaddr=0x00000000 depc=0x00000000
 * &gt;&gt;&gt;stack&gt;&gt;&gt;
 * ctx: cont
 * sp: 3ffffdc0 end: 3fffffc0 offset: 01a0
 * 3ffffd90:  3fffdad0 00000000 3ffee6e0 40201a3c
 * &lt;&lt;&lt;stack&lt;&lt;&lt;
 * </pre>
 * A stack is read up to {@link #MAX_STACK_LINES} lines, so a lost end marker cannot hold the parser forever.
 */
public final class DumpParser {
    static final int MAX_STACK_LINES = 1024;

    private static final Pattern HEAD = Pattern.compile("(?:Fatal exception|Exception) \\(?(\\d+)\\)?(?:\\(\\w*\\))?:");
    private static final Pattern REGISTER = Pattern.compile("(epc1|epc2|epc3|excvaddr|depc)=(0x[0-9a-fA-F]+)");
    private static final Pattern STACK_LINE = Pattern.compile("^[0-9a-fA-F]{8}:((?:\\s+[0-9a-fA-F]{8})+)");

    private enum State { IDLE, HEAD, REGISTERS, STACK }

    private State state = State.IDLE;
    private int cause;
    private final long[] registers = new long[5];
    private final List<Long> stack = new ArrayList<>();
    private int stackLines;
    private boolean sdkForm;

    /** Takes one line of output; returns a dump when this line completes one. */
    public Optional<ExceptionDump> accept(String line) {
        Matcher head = HEAD.matcher(line);
        if (head.find()) {
            // a new dump starts, even in the middle of another (the chip may reset while printing)
            Optional<ExceptionDump> before = state == State.REGISTERS || state == State.STACK ? finish()
                    : Optional.empty();
            start(Integer.parseInt(head.group(1)));
            return before;
        }
        switch (state) {
            case HEAD:
                if (readRegisters(line)) {
                    state = State.REGISTERS;
                    return sdkForm ? finish() : Optional.empty();
                }
                return line.isBlank() ? Optional.empty() : abandon();
            case REGISTERS:
                if (line.contains(">>>stack>>>")) {
                    state = State.STACK;
                    return Optional.empty();
                }
                return line.isBlank() ? Optional.empty() : finish();
            case STACK:
                if (line.contains("<<<stack<<<") || ++stackLines > MAX_STACK_LINES) {
                    return finish();
                }
                Matcher m = STACK_LINE.matcher(line.trim());
                if (m.find()) {
                    for (String word : m.group(1).trim().split("\\s+")) {
                        long v = Long.parseLong(word, 16);
                        if (ExceptionDump.isCode(v)) {
                            stack.add(v);
                        }
                    }
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private void start(int c) {
        state = State.HEAD;
        cause = c;
        Arrays.fill(registers, 0);
        stack.clear();
        stackLines = 0;
        sdkForm = false;
    }

    private boolean readRegisters(String line) {
        Matcher m = REGISTER.matcher(line);
        boolean any = false;
        while (m.find()) {
            any = true;
            long v = Long.parseLong(m.group(2).substring(2), 16);
            switch (m.group(1)) {
                case "epc1":
                    registers[0] = v;
                    break;
                case "epc2":
                    registers[1] = v;
                    break;
                case "epc3":
                    registers[2] = v;
                    break;
                case "excvaddr":
                    registers[3] = v;
                    break;
                default:
                    registers[4] = v;
            }
        }
        // the SDK separates the registers with commas and prints no stack
        sdkForm = any && line.contains(",");
        return any;
    }

    private Optional<ExceptionDump> finish() {
        ExceptionDump dump = new ExceptionDump(cause, registers[0], registers[1], registers[2], registers[3],
                registers[4], stack);
        state = State.IDLE;
        return Optional.of(dump);
    }

    private Optional<ExceptionDump> abandon() {
        state = State.IDLE;
        return Optional.empty();
    }
}
