package io.espgen.serial.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** An exception dump in words: the cause, where it happened in C and in Java, and the code on the stack. */
public final class CrashReport {
    private CrashReport() {
    }

    /**
     * The report's lines. {@code addr2line} may be null (no ELF or no tool): the cause and the registers are
     * still named.
     */
    public static List<String> lines(ExceptionDump dump, Addr2Line addr2line, JavaLines java) {
        List<String> out = new ArrayList<>();
        String meaning = ExceptionCause.meaning(dump.cause());
        out.add(String.format(Locale.ROOT, "exception %d (%s)%s", dump.cause(), ExceptionCause.name(dump.cause()),
                meaning == null ? "" : ": " + meaning));
        if (dump.cause() == 28 || dump.cause() == 29 || dump.cause() == 3 || dump.cause() == 9) {
            out.add(String.format(Locale.ROOT, "  excvaddr 0x%08x%s", dump.excvaddr(),
                    dump.excvaddr() < 0x1000 ? " (a null pointer, or a field of one)" : ""));
        }
        Map<Long, Frame> frames = Map.of();
        String failure = null;
        if (addr2line != null) {
            Set<Long> all = new LinkedHashSet<>();
            all.add(dump.epc1());
            all.addAll(dump.stackCode());
            try {
                frames = addr2line.resolve(new ArrayList<>(all));
            } catch (Exception e) {
                failure = e.getMessage();
            }
        }
        out.add("  epc1 " + describe(dump.epc1(), frames.get(dump.epc1()), java) + "  <- the faulting instruction");
        if (!dump.stackCode().isEmpty()) {
            out.add("  code addresses on the stack, innermost first:");
            for (long a : dump.stackCode()) {
                Frame f = frames.get(a);
                if (f == null || f.known()) {
                    out.add("    " + describe(a, f, java));
                }
            }
        }
        if (addr2line == null) {
            out.add("  (no ELF to resolve the addresses: build the firmware with esp:firmware and an SDK)");
        } else if (failure != null) {
            out.add("  (addresses not resolved: " + failure + ")");
        }
        return out;
    }

    private static String describe(long address, Frame f, JavaLines java) {
        String hex = String.format(Locale.ROOT, "0x%08x", address);
        if (f == null) {
            return hex;
        }
        if (!f.known()) {
            return hex + ": not in the firmware's ELF (the SDK's ROM or a stale build)";
        }
        String where = hex + ": " + f.function() + " at " + Path.of(f.file()).getFileName() + ":" + f.line()
                + (f.inlinedInto() == null ? "" : " (inlined into " + f.inlinedInto() + ")");
        if (f.file().endsWith(".java")) {
            return where;
        }
        return java.of(f).map(j -> where + "  [Java: " + j + "]").orElse(where);
    }
}
