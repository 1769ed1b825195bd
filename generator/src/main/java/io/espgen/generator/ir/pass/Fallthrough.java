package io.espgen.generator.ir.pass;

import io.espgen.generator.ir.CStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Java falls from one case into the next silently; gcc -Wextra (-Wimplicit-fallthrough) wants it said.
 * This pass ends each case that may run off its end, except the last, with a {@link CStmt.Fallthrough}.
 */
public final class Fallthrough {

    private Fallthrough() {}

    public static CStmt.Switch mark(CStmt.Switch w) {
        List<CStmt.Case> cases = new ArrayList<>(w.cases());
        for (int k = 0; k < cases.size() - 1; k++) {
            CStmt.Case c = cases.get(k);
            if (!c.stmts().isEmpty() && mayFallThrough(c.stmts().get(c.stmts().size() - 1))) {
                List<CStmt> said = new ArrayList<>(c.stmts());
                said.add(new CStmt.Fallthrough());
                cases.set(k, new CStmt.Case(c.labels(), c.isDefault(), said));
            }
        }
        return new CStmt.Switch(w.selector(), cases);
    }

    /** Whether control may leave this last statement of a case at its end (when unsure: yes). */
    private static boolean mayFallThrough(CStmt last) {
        if (last instanceof CStmt.Block b) {
            return b.stmts().isEmpty() || mayFallThrough(b.stmts().get(b.stmts().size() - 1));
        }
        return !(last instanceof CStmt.Break || last instanceof CStmt.Return || last instanceof CStmt.Continue);
    }
}
