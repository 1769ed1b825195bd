package io.espgen.generator.translate;

import io.espgen.templates.CStrings;
import io.espgen.generator.model.Constant;
import io.espgen.generator.model.FlashText;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's static final constants that translated code uses: each becomes one C macro, named after
 * the server and the Java constant, so the C reads like the Java.
 */
public final class Constants {

    /** Strings this long or longer that are sent go to flash instead of DRAM. */
    public static final int FLASH_MIN = 32;

    private final ServerNames names;
    private final Map<String, Constant> used = new TreeMap<>();
    private final Map<String, FlashText> flash = new java.util.LinkedHashMap<>();

    /** names: the server's C names, which the constants' macros and flash arrays are taken from. */
    public Constants(ServerNames names) {
        this.names = names;
    }

    /** The flash array for a string (a constant's, named after it, or a literal's); records it as used. */
    public FlashText flashText(String javaName, String value) {
        String key = javaName != null ? "constant " + javaName : "literal " + value;
        return flash.computeIfAbsent(key, k -> {
            String name = names.global(javaName != null ? javaName : "text_" + (flash.size() + 1));
            int length = CStrings.length(value);
            return new FlashText(name, names.macroFor(name, "LEN"), length,
                    (length + 1 + 3) / 4 * 4, CStrings.literal(value), javaName);
        });
    }

    /** The strings placed in flash, in first-use order. */
    public java.util.List<FlashText> flashTexts() {
        return java.util.List.copyOf(flash.values());
    }

    /** The macro for a constant of the server class; records it as used. */
    public String use(String javaName, String cValue) {
        Constant m = used.computeIfAbsent(javaName, n -> new Constant(names.macro(n), cValue, n));
        return m.macro();
    }

    /** The used constants, sorted by Java name. */
    public java.util.List<Constant> macros() {
        return java.util.List.copyOf(used.values());
    }
}
