package io.espgen.generator.model;

/**
 * A field of the per-connection state class.
 *
 * @param javaName the field's Java name
 * @param type its element type
 * @param arrayLength the fixed length of an array field, or 0 for a scalar
 * @param initializer the C constant expression it starts at each connection, or null for zero
 * @param line the Java line it is declared on
 * @param cName its member's C name, unique in the struct
 */
public record StateField(String javaName, JavaType type, int arrayLength, String initializer, int line,
        String cName) {
    public boolean isArray() {
        return arrayLength > 0;
    }
}
