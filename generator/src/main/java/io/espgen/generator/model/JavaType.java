package io.espgen.generator.model;

/**
 * The Java types that exist in translated code, with their C spelling. Java's widths are exact on both
 * targets (ESP8266 and the host are ILP32/LP64 with a 32-bit int).
 */
public enum JavaType {
    BOOLEAN("boolean", "bool"),
    BYTE("byte", "sint8"),
    SHORT("short", "sint16"),
    CHAR("char", "uint16"),
    INT("int", "int"),
    LONG("long", "sint64");

    private final String javaName;
    private final String cName;

    JavaType(String javaName, String cName) {
        this.javaName = javaName;
        this.cName = cName;
    }

    public String javaName() {
        return javaName;
    }

    public String cName() {
        return cName;
    }

    /** The primitive named {@code name} as Java spells it, or null. */
    public static JavaType ofJavaName(String name) {
        for (JavaType t : values()) {
            if (t.javaName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
