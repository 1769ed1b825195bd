package io.espgen.generator.model;

import io.espgen.generator.ir.CStmt;
import java.util.List;

/**
 * A handler method and its translated body.
 *
 * @param event the event it serves
 * @param methodName the Java method name
 * @param cName the C function serving it
 * @param params its parameters, in declaration order
 * @param line the Java line of the method declaration
 * @param body the translated body
 */
public record Handler(Event event, String methodName, String cName, List<Param> params, int line,
        List<CStmt> body) {
    public Handler {
        params = List.copyOf(params);
        body = List.copyOf(body);
    }

    /** The name the handler gives a parameter of this kind, or null when it does not take one. */
    public String paramName(ParamKind kind) {
        return params.stream().filter(p -> p.kind() == kind).map(Param::name).findFirst().orElse(null);
    }
}
