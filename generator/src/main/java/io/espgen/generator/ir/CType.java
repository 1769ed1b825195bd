package io.espgen.generator.ir;

/**
 * A C type as the generator writes it: a base name ({@code int}, {@code uint8}, {@code struct espgen_conn}),
 * optionally const, behind zero or more pointers. Declarators put the name where C wants it.
 */
public record CType(String base, boolean isConst, int pointers) {

    public CType {
        if (base.isBlank() || base.contains("*")) {
            throw new IllegalArgumentException("not a base type: " + base);
        }
    }

    public static final CType VOID = of("void");
    public static final CType INT = of("int");

    /** A plain type: {@code int}, {@code sint8}, {@code struct espgen_server}. */
    public static CType of(String base) {
        return new CType(base, false, 0);
    }

    /** {@code struct name}. */
    public static CType struct(String name) {
        return of("struct " + name);
    }

    /** A pointer to this type. */
    public CType pointer() {
        return new CType(base, isConst, pointers + 1);
    }

    /** This type, const-qualified at its base ({@code const uint8 *}). */
    public CType constant() {
        return new CType(base, true, pointers);
    }

    /** The type as a cast or a return type writes it: {@code const uint8 *}. */
    public String render() {
        String head = (isConst ? "const " : "") + base;
        return pointers == 0 ? head : head + " " + "*".repeat(pointers);
    }

    /** A declaration of name with this type: {@code struct espgen_conn *conn}, {@code int n}. */
    public String declare(String name) {
        return (isConst ? "const " : "") + base + " " + "*".repeat(pointers) + name;
    }
}
