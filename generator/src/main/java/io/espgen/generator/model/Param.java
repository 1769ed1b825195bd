package io.espgen.generator.model;

/** A handler parameter: its Java name and what it receives. */
public record Param(String name, ParamKind kind) {}
