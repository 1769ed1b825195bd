package io.espgen.generator.model;

import java.util.List;

/** The per-connection state class: becomes a plain C struct, one per connection table entry. */
public record StateClass(String qualifiedName, String simpleName, List<StateField> fields) {
    public StateClass {
        fields = List.copyOf(fields);
    }
}
