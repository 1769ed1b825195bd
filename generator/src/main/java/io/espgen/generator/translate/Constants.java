package io.espgen.generator.translate;

import io.espgen.generator.model.Constant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's static final constants that translated code uses: each becomes one C macro, named after
 * the server and the Java constant, so the C reads like the Java.
 */
public final class Constants {

    private final String prefix;
    private final Map<String, Constant> used = new TreeMap<>();

    public Constants(String macroPrefix) {
        this.prefix = macroPrefix;
    }

    /** The macro for a constant of the server class; records it as used. */
    public String use(String javaName, String cValue) {
        Constant m = used.computeIfAbsent(javaName, n -> new Constant(prefix + "_" + CNames.macro(n), cValue, n));
        return m.macro();
    }

    /** The used constants, sorted by Java name. */
    public java.util.List<Constant> macros() {
        return java.util.List.copyOf(used.values());
    }
}
