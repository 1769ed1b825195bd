package io.espgen.generator.ir.pass;

import io.espgen.generator.ir.CExpr;
import io.espgen.generator.ir.CStmt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which identifiers statements refer to: how a function finds the parameters its body never uses. */
public final class Names {

    private Names() {}

    /** Every identifier an expression of the statements names, read or written. */
    public static Set<String> used(List<CStmt> stmts) {
        Set<String> names = new HashSet<>();
        Walk.deep(stmts, s -> Walk.ownExprs(s).forEach(e -> Walk.deep(e, x -> {
            if (x instanceof CExpr.Name n) {
                names.add(n.id());
            }
        })));
        return names;
    }
}
