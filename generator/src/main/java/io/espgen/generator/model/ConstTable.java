package io.espgen.generator.model;

import java.util.List;

/**
 * A constant lookup table of the server class ({@code static final byte[] HEX = {...}}), kept in flash:
 * 4-aligned and padded to whole words, read with aligned 32-bit loads as flash requires.
 *
 * @param javaName the field's Java name
 * @param cName the C array
 * @param type its element type
 * @param values its elements as C literals
 * @param line the Java line it is declared on
 */
public record ConstTable(String javaName, String cName, JavaType type, List<String> values, int line) {
    public ConstTable {
        values = List.copyOf(values);
    }

    /** The array's length in C: the elements, padded to a whole number of 32-bit words. */
    public int paddedLength() {
        int perWord = switch (type) {
            case BYTE, BOOLEAN -> 4;
            case SHORT, CHAR -> 2;
            default -> 1;
        };
        return Math.max(1, (values.size() + perWord - 1) / perWord * perWord);
    }
}
