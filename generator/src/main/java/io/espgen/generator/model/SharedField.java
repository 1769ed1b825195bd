package io.espgen.generator.model;

import java.util.List;

/**
 * A static field of the server class: state shared by all clients, one C global of the server's file.
 *
 * @param javaName the field's Java name
 * @param cName the C global it becomes
 * @param type its element type
 * @param dims the fixed lengths of an array (one for {@code new T[N]}, two for {@code new T[N][M]}), empty
 *     for a scalar
 * @param initializer the C constant it starts at (a literal, or a brace list for an array), or null for zero
 * @param line the Java line it is declared on
 */
public record SharedField(String javaName, String cName, JavaType type, List<Integer> dims, String initializer,
        int line) {
    public SharedField {
        dims = List.copyOf(dims);
    }

    public boolean isArray() {
        return !dims.isEmpty();
    }
}
