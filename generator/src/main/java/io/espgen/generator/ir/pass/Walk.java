package io.espgen.generator.ir.pass;

import io.espgen.generator.ir.CExpr;
import io.espgen.generator.ir.CStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Visits the IR's nodes: the one place that knows which node holds which children. */
final class Walk {

    private Walk() {}

    /** The expressions a statement holds itself (not those of nested statements), in evaluation order. */
    static List<CExpr> ownExprs(CStmt s) {
        List<CExpr> out = new ArrayList<>();
        if (s instanceof CStmt.Decl d) {
            out.add(d.init());
        } else if (s instanceof CStmt.ExprStmt e) {
            out.add(e.expr());
        } else if (s instanceof CStmt.If i) {
            out.add(i.cond());
        } else if (s instanceof CStmt.While w) {
            out.add(w.cond());
        } else if (s instanceof CStmt.DoWhile d) {
            out.add(d.cond());
        } else if (s instanceof CStmt.For f) {
            out.add(f.cond());
            out.addAll(f.updates());
        } else if (s instanceof CStmt.Return r) {
            out.add(r.expr());
        } else if (s instanceof CStmt.Switch w) {
            out.add(w.selector());
            w.cases().forEach(c -> out.addAll(c.labels()));
        }
        out.removeIf(e -> e == null);
        return out;
    }

    /** The statements nested in a statement, in order (a for loop's init first). */
    static List<CStmt> children(CStmt s) {
        if (s instanceof CStmt.Block b) {
            return b.stmts();
        }
        if (s instanceof CStmt.If i) {
            return i.orElse() == null ? List.of(i.then()) : List.of(i.then(), i.orElse());
        }
        if (s instanceof CStmt.While w) {
            return List.of(w.body());
        }
        if (s instanceof CStmt.DoWhile d) {
            return List.of(d.body());
        }
        if (s instanceof CStmt.For f) {
            List<CStmt> all = new ArrayList<>(f.init());
            all.add(f.body());
            return all;
        }
        if (s instanceof CStmt.Switch w) {
            return w.cases().stream().flatMap(c -> c.stmts().stream()).toList();
        }
        return List.of();
    }

    /** The direct operands of an expression. */
    static List<CExpr> operands(CExpr e) {
        if (e instanceof CExpr.Call c) {
            return c.args();
        }
        if (e instanceof CExpr.Member m) {
            return List.of(m.base());
        }
        if (e instanceof CExpr.Index i) {
            return List.of(i.base(), i.index());
        }
        if (e instanceof CExpr.Postfix p) {
            return List.of(p.operand());
        }
        if (e instanceof CExpr.Prefix p) {
            return List.of(p.operand());
        }
        if (e instanceof CExpr.Cast c) {
            return List.of(c.operand());
        }
        if (e instanceof CExpr.InitList l) {
            return l.items();
        }
        if (e instanceof CExpr.SizeOf s) {
            return List.of(s.operand());
        }
        if (e instanceof CExpr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof CExpr.Conditional c) {
            return List.of(c.cond(), c.then(), c.orElse());
        }
        if (e instanceof CExpr.Assign a) {
            return List.of(a.target(), a.value());
        }
        return List.of(); // Name, Literal
    }

    /** Every expression under e, e first. */
    static void deep(CExpr e, Consumer<CExpr> visit) {
        visit.accept(e);
        operands(e).forEach(o -> deep(o, visit));
    }

    /** Every statement under the list, depth first, parents before children. */
    static void deep(List<CStmt> stmts, Consumer<CStmt> visit) {
        for (CStmt s : stmts) {
            visit.accept(s);
            deep(children(s), visit);
        }
    }
}
