package io.espgen.generator.ir;

/** A function parameter. */
public record CParam(CType type, String name) {

    public String render() {
        return type.declare(name);
    }
}
