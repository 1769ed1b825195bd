package io.espgen.generator.ir.pass;

import io.espgen.generator.ir.CExpr;
import io.espgen.generator.ir.CStmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * javac accepts a local that is never read; gcc -Wall does not (-Wunused-variable,
 * -Wunused-but-set-variable). This pass resolves every name to the declaration in scope, as C does, and
 * casts each local that is never read to void right after its declaration (at the top of the loop body
 * for a for loop's own). Being set ({@code x = ...}, {@code x += ...}, {@code x++}) is not a read, as for
 * gcc; a cast too many is harmless, one too few fails a user's -Werror build.
 */
public final class UnusedLocals {

    private UnusedLocals() {}

    /** The statements of a function body, with the casts added. */
    public static List<CStmt> castToVoid(List<CStmt> body) {
        Map<CStmt.Decl, Integer> reads = new IdentityHashMap<>();
        new Resolver(reads).block(body);
        return rewrite(body, reads);
    }

    /** Counts reads per declaration, resolving names through the C scopes the printed code will have. */
    private static final class Resolver {
        private final Map<CStmt.Decl, Integer> reads;
        private final Deque<Map<String, CStmt.Decl>> scopes = new ArrayDeque<>();

        Resolver(Map<CStmt.Decl, Integer> reads) {
            this.reads = reads;
        }

        void block(List<CStmt> stmts) {
            scopes.push(new HashMap<>());
            stmts.forEach(this::statement);
            scopes.pop();
        }

        void statement(CStmt s) {
            if (s instanceof CStmt.Decl d) {
                if (d.init() != null) {
                    expr(d.init(), false);
                }
                reads.put(d, 0);
                scopes.peek().put(d.name(), d);
            } else if (s instanceof CStmt.Block b) {
                block(b.stmts());
            } else if (s instanceof CStmt.For f) {
                // the loop's own declarations live in a scope around its condition, updates and body
                scopes.push(new HashMap<>());
                f.init().forEach(this::statement);
                Walk.ownExprs(f).forEach(e -> expr(e, false));
                block(f.body().stmts());
                scopes.pop();
            } else if (s instanceof CStmt.Switch w) {
                expr(w.selector(), false);
                // a case that declares is printed in braces, so each case is a scope of its own
                w.cases().forEach(c -> block(c.stmts()));
            } else {
                Walk.ownExprs(s).forEach(e -> expr(e, false));
                Walk.children(s).forEach(c -> block(c instanceof CStmt.Block b ? b.stmts() : List.of(c)));
            }
        }

        /** Visits e; set says e is only written there (an assignment's target, an increment's operand). */
        void expr(CExpr e, boolean set) {
            if (e instanceof CExpr.Name n) {
                if (!set) {
                    read(n.id());
                }
            } else if (e instanceof CExpr.Assign a) {
                expr(a.target(), true);
                expr(a.value(), false);
            } else if (e instanceof CExpr.Prefix p && (p.op().equals("++") || p.op().equals("--"))) {
                expr(p.operand(), true);
            } else if (e instanceof CExpr.Postfix p) {
                expr(p.operand(), true);
            } else {
                Walk.operands(e).forEach(o -> expr(o, false));
            }
        }

        private void read(String name) {
            for (Map<String, CStmt.Decl> scope : scopes) { // innermost first
                CStmt.Decl d = scope.get(name);
                if (d != null) {
                    reads.merge(d, 1, Integer::sum);
                    return;
                }
            }
        }
    }

    private static List<CStmt> rewrite(List<CStmt> stmts, Map<CStmt.Decl, Integer> reads) {
        List<CStmt> out = new ArrayList<>();
        for (CStmt s : stmts) {
            out.add(rewrite(s, reads));
            if (s instanceof CStmt.Decl d && reads.getOrDefault(d, 1) == 0) {
                out.add(voidCast(d));
            }
        }
        return out;
    }

    private static CStmt rewrite(CStmt s, Map<CStmt.Decl, Integer> reads) {
        if (s instanceof CStmt.Block b) {
            return block(b, reads);
        }
        if (s instanceof CStmt.If i) {
            return new CStmt.If(i.cond(), block(i.then(), reads), i.orElse() == null ? null : rewrite(i.orElse(), reads));
        }
        if (s instanceof CStmt.While w) {
            return new CStmt.While(w.cond(), block(w.body(), reads));
        }
        if (s instanceof CStmt.DoWhile d) {
            return new CStmt.DoWhile(block(d.body(), reads), d.cond());
        }
        if (s instanceof CStmt.For f) {
            List<CStmt> body = new ArrayList<>();
            for (CStmt init : f.init()) {
                if (init instanceof CStmt.Decl d && reads.getOrDefault(d, 1) == 0) {
                    body.add(voidCast(d));
                }
            }
            body.addAll(block(f.body(), reads).stmts());
            return new CStmt.For(f.init(), f.cond(), f.updates(), new CStmt.Block(body));
        }
        if (s instanceof CStmt.Switch w) {
            List<CStmt.Case> cases = new ArrayList<>();
            for (CStmt.Case c : w.cases()) {
                cases.add(new CStmt.Case(c.labels(), c.isDefault(), rewrite(c.stmts(), reads)));
            }
            return new CStmt.Switch(w.selector(), cases);
        }
        return s;
    }

    private static CStmt.Block block(CStmt.Block b, Map<CStmt.Decl, Integer> reads) {
        return new CStmt.Block(rewrite(b.stmts(), reads));
    }

    private static CStmt voidCast(CStmt.Decl d) {
        return new CStmt.ExprStmt(CExpr.cast("void", CExpr.name(d.name())));
    }
}
