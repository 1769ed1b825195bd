package io.espgen.generator.model;

/** What a handler parameter receives. */
public enum ParamKind {
    CONNECTION("Connection"),
    STATE("the per-connection state class"),
    BYTES("Bytes"),
    ERROR("ConnectionError");

    private final String description;

    ParamKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
