package io.espgen.generator.translate;

import io.espgen.templates.CStrings;

/** Java's compile-time constants as C literals. */
public final class JavaConstants {

    private JavaConstants() {}

    /** A Java constant as a C literal; null for anything that is not an integral or boolean constant. */
    public static String cLiteral(Object v) {
        if (v instanceof Integer i) {
            return i == Integer.MIN_VALUE ? "(-2147483647 - 1)" : i.toString();
        }
        if (v instanceof Long l) {
            return l == Long.MIN_VALUE ? "(-9223372036854775807LL - 1)" : l + "LL";
        }
        if (v instanceof Character c) {
            return CStrings.charLiteral(c);
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        return null;
    }
}
