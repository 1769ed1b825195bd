package io.espgen.generator.translate;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How Java names become C names: snake_case for types and functions, Java's own for locals. */
public final class CNames {

    private CNames() {}

    private static final Set<String> RESERVED = Set.of(
            // C keywords (C11) that are legal Java identifiers
            "auto", "extern", "inline", "register", "restrict", "signed", "sizeof", "struct", "typedef", "union",
            "unsigned", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic",
            "_Noreturn", "_Static_assert", "_Thread_local",
            // names the SDK headers and the runtime define
            "bool", "true", "false", "NULL", "uint8", "sint8", "uint16", "sint16", "uint32", "sint32", "sint64",
            "srv", "rx_data", "rx_len", "os_printf", "main");

    /** {@code EchoServer} → {@code echo_server}; {@code HTTPServer} → {@code http_server}. */
    public static String snake(String javaName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char ch = javaName.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
                if (i > 0 && (prevLower || (prevUpper && nextLower)) && javaName.charAt(i - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** {@code EchoServer} → {@code ECHO_SERVER}. */
    public static String macro(String javaName) {
        return snake(javaName).toUpperCase(Locale.ROOT);
    }

    /** A Java local or parameter name as a C identifier; null when it cannot be one. */
    public static String local(String javaName) {
        if (!javaName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        if (RESERVED.contains(javaName) || javaName.startsWith("espgen_") || javaName.startsWith("__")) {
            return javaName + "_";
        }
        return javaName;
    }

    /** A state field's C member name. */
    public static String field(String javaName) {
        return snake(javaName);
    }
}
