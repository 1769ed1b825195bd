package io.espgen.generator.model;

/** A static final constant of the server class that translated code uses: a C macro. */
public record Constant(String macro, String value, String javaName) {}
