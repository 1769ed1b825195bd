package io.espgen.maven.compile;

import java.nio.charset.StandardCharsets;

/**
 * A Java string as a C string literal: its UTF-8 bytes, with {@code \" \\ \n \r \t} escaped, every other
 * byte below 0x20 or from 0x7F as a three-digit octal escape, and {@code ?} escaped so that no trigraph can
 * form.
 */
public final class CStringLiteral {
    private CStringLiteral() {
    }

    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '?' -> out.append("\\?");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        out.append('\\').append((char) ('0' + (c >> 6)))
                                .append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
