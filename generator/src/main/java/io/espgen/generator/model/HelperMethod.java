package io.espgen.generator.model;

import io.espgen.generator.translate.ir.CStmt;
import java.util.List;

/**
 * A method of the server class that handlers call, translated to a static C function.
 *
 * @param cName the C function's name
 * @param returnType its C return type
 * @param params its C parameters ("int len", "sint8 *buf", ...)
 * @param comment where it comes from: the Java signature, file and line
 * @param body the translated body
 */
public record HelperMethod(String cName, String returnType, List<String> params, String comment, List<CStmt> body) {
    public HelperMethod {
        params = List.copyOf(params);
        body = List.copyOf(body);
    }
}
