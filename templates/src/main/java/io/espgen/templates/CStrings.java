package io.espgen.templates;

import java.nio.charset.StandardCharsets;

/** Java strings as C string literals: UTF-8 bytes, escaped so any C compiler reads them back exactly. */
public final class CStrings {

    private CStrings() {}

    /** The C literal, quotes included, for the UTF-8 bytes of {@code s}. */
    public static String literal(String s) {
        return literal(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String literal(byte[] bytes) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xFF;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '?' -> out.append("\\?"); // no trigraphs
                default -> {
                    // always three octal digits: C reads no more, so a digit after it stays a digit
                    if (c < 0x20 || c >= 0x7F) {
                        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A Java char as C: a character literal where one reads well, else its number. */
    public static String charLiteral(char c) {
        return switch (c) {
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            case '\t' -> "'\\t'";
            case '\0' -> "'\\0'";
            case '\'' -> "'\\''";
            case '\\' -> "'\\\\'";
            default -> c >= 0x20 && c < 0x7F ? "'" + c + "'" : Integer.toString(c);
        };
    }

    /** The byte length of {@code s} as UTF-8. */
    public static int length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
