package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.DslTypes;
import java.util.List;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.ASTVisitor;
import org.eclipse.jdt.core.dom.Assignment;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.FieldAccess;
import org.eclipse.jdt.core.dom.ForStatement;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.InfixExpression;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.PostfixExpression;
import org.eclipse.jdt.core.dom.PrefixExpression;
import org.eclipse.jdt.core.dom.QualifiedName;
import org.eclipse.jdt.core.dom.SimpleName;
import org.eclipse.jdt.core.dom.VariableDeclarationExpression;
import org.eclipse.jdt.core.dom.VariableDeclarationFragment;

/**
 * The one for loop handler code may write besides a for-each: a counted loop whose bound the generator can
 * see, so that no handler keeps the chip's CPU past the watchdog (the SDK resets the chip when a callback
 * runs for about 3 s, and the host emulation exits). An int counter declared in the loop, a condition that
 * starts with the counter compared with a constant, an array's length or data.length() (other conditions
 * may follow after {@code &&}), one update that steps it by a constant towards that bound, and a body that
 * never assigns it. While and do-while loops have no such bound and are rejected where they stand.
 */
final class LoopBounds {

    private LoopBounds() {}

    /** Reports what keeps f from being a counted loop; true when it is one. */
    static boolean check(BodyContext ctx, ForStatement f) {
        List<?> inits = f.initializers();
        if (inits.size() != 1 || !(inits.get(0) instanceof VariableDeclarationExpression vde)
                || vde.fragments().size() != 1 || !vde.getType().isPrimitiveType()
                || !vde.getType().toString().equals("int")
                || ((VariableDeclarationFragment) vde.fragments().get(0)).getInitializer() == null) {
            ctx.error(inits.isEmpty() ? f : (ASTNode) inits.get(0), Messages.loopCounter());
            return false;
        }
        IVariableBinding counter = ((VariableDeclarationFragment) vde.fragments().get(0)).resolveBinding();
        if (counter == null) {
            return false;
        }
        Expression cond = f.getExpression() == null ? null : first(f.getExpression());
        Integer direction = cond == null ? null : direction(cond, counter);
        if (direction == null) {
            ctx.error(cond == null ? f : cond, Messages.loopBound(counter.getName()));
            return false;
        }
        if (f.updaters().size() != 1 || step((Expression) f.updaters().get(0), counter) == 0) {
            ctx.error(f.updaters().isEmpty() ? f : (ASTNode) f.updaters().get(0), Messages.loopStep(counter.getName()));
            return false;
        }
        long step = step((Expression) f.updaters().get(0), counter);
        if (Long.signum(step) != direction) {
            ctx.error((ASTNode) f.updaters().get(0), Messages.loopStepsAway(counter.getName()));
            return false;
        }
        Expression start = ((VariableDeclarationFragment) vde.fragments().get(0)).getInitializer();
        if (!boundedStart(start, direction, f)) {
            ctx.error(start, Messages.loopStart(counter.getName(), direction > 0));
            return false;
        }
        Object limit = ((InfixExpression) cond).getRightOperand().resolveConstantExpressionValue();
        if (counterOnRight((InfixExpression) cond, counter)) {
            limit = ((InfixExpression) cond).getLeftOperand().resolveConstantExpressionValue();
        }
        if (limit instanceof Number n && (n.longValue() + step > Integer.MAX_VALUE
                || n.longValue() + step < Integer.MIN_VALUE)) {
            // i <= Integer.MAX_VALUE never ends: the step past it wraps (and is undefined in C)
            ctx.error(cond, Messages.loopBound(counter.getName()));
            return false;
        }
        Expression[] assigned = new Expression[1];
        f.getBody().accept(new ASTVisitor() {
            @Override
            public boolean visit(Assignment a) {
                note(a.getLeftHandSide(), a);
                return true;
            }

            @Override
            public boolean visit(PostfixExpression p) {
                note(p.getOperand(), p);
                return true;
            }

            @Override
            public boolean visit(PrefixExpression p) {
                if (Expressions.isIncrement(p)) {
                    note(p.getOperand(), p);
                }
                return true;
            }

            private void note(Expression target, Expression at) {
                if (assigned[0] == null && isCounter(target, counter)) {
                    assigned[0] = at;
                }
            }
        });
        if (assigned[0] != null) {
            ctx.error(assigned[0], Messages.loopCounterAssigned(counter.getName()));
            return false;
        }
        return true;
    }

    /** The first operand of a chain of &&: the bound, when the loop has one. */
    private static Expression first(Expression e) {
        e = BodyContext.strip(e);
        while (e instanceof InfixExpression i && i.getOperator() == InfixExpression.Operator.CONDITIONAL_AND) {
            e = BodyContext.strip(i.getLeftOperand());
        }
        return e;
    }

    /** +1 when cond bounds the counter from above (i < N), -1 from below (i >= N), null when it is no bound. */
    private static Integer direction(Expression cond, IVariableBinding counter) {
        if (!(cond instanceof InfixExpression i) || i.hasExtendedOperands()) {
            return null;
        }
        InfixExpression.Operator op = i.getOperator();
        int up;
        if (op == InfixExpression.Operator.LESS || op == InfixExpression.Operator.LESS_EQUALS) {
            up = 1;
        } else if (op == InfixExpression.Operator.GREATER || op == InfixExpression.Operator.GREATER_EQUALS) {
            up = -1;
        } else {
            return null;
        }
        if (isCounter(i.getLeftOperand(), counter) && isLimit(i.getRightOperand())) {
            return up;
        }
        if (isCounter(i.getRightOperand(), counter) && isLimit(i.getLeftOperand())) {
            return -up;
        }
        return null;
    }

    private static boolean counterOnRight(InfixExpression i, IVariableBinding counter) {
        return isCounter(i.getRightOperand(), counter);
    }

    /** A constant, an array's length or data.length(), maybe plus or minus a constant. */
    private static boolean isLimit(Expression e) {
        e = BodyContext.strip(e);
        if (e.resolveConstantExpressionValue() instanceof Number) {
            return true;
        }
        if (e instanceof InfixExpression i && !i.hasExtendedOperands()
                && (i.getOperator() == InfixExpression.Operator.PLUS
                        || i.getOperator() == InfixExpression.Operator.MINUS)) {
            return isLimit(i.getLeftOperand()) && i.getRightOperand().resolveConstantExpressionValue() instanceof Number;
        }
        if (e instanceof QualifiedName q && q.getName().getIdentifier().equals("length")) {
            return isArray(q.getQualifier().resolveTypeBinding());
        }
        if (e instanceof FieldAccess a && a.getName().getIdentifier().equals("length")) {
            return isArray(a.getExpression().resolveTypeBinding());
        }
        if (e instanceof MethodInvocation m && m.getName().getIdentifier().equals("length")
                && m.arguments().isEmpty() && m.getExpression() != null) {
            ITypeBinding t = m.getExpression().resolveTypeBinding();
            return t != null && t.getErasure().getQualifiedName().equals(DslTypes.BYTES);
        }
        return false;
    }

    private static boolean isArray(ITypeBinding t) {
        return t != null && t.isArray();
    }

    /**
     * Whether the counter starts where the bound is a visible distance away: a limit (a constant, a length), a
     * sum or difference of those and the counters of enclosing counted loops (for (int j = i + 1; ...)), or a
     * start clamped towards the bound by Math.max (counting up) or Math.min (counting down) with a constant. A
     * field start could be -2^31 and keep an up-counting loop on the CPU for minutes.
     */
    private static boolean boundedStart(Expression start, int direction, ForStatement loop) {
        start = BodyContext.strip(start);
        if (ofOuterCounters(start, loop) || isClamp(start, direction)) {
            return true;
        }
        // a clamp, then constants, lengths or outer counters added or taken away: Math.min(n, 8) - 1
        if (start instanceof InfixExpression i && !i.hasExtendedOperands()
                && (i.getOperator() == InfixExpression.Operator.PLUS
                        || i.getOperator() == InfixExpression.Operator.MINUS)) {
            return boundedStart(i.getLeftOperand(), direction, loop) && ofOuterCounters(i.getRightOperand(), loop);
        }
        return false;
    }

    /** Math.max (counting up) or Math.min (counting down) with a constant or a length among its arguments. */
    private static boolean isClamp(Expression e, int direction) {
        String clamp = direction > 0 ? "max" : "min";
        if (!(e instanceof MethodInvocation m) || !m.getName().getIdentifier().equals(clamp)
                || m.arguments().size() != 2 || m.getExpression() == null) {
            return false;
        }
        ITypeBinding t = m.getExpression().resolveTypeBinding();
        if (t == null || !t.getQualifiedName().equals("java.lang.Math")) {
            return false;
        }
        for (Object a : m.arguments()) {
            if (isLimit((Expression) a)) {
                return true;
            }
        }
        return false;
    }

    /** A sum or difference of constants, lengths and the counters of counted loops around loop. */
    private static boolean ofOuterCounters(Expression e, ForStatement loop) {
        e = BodyContext.strip(e);
        if (isLimit(e)) {
            return true;
        }
        if (e instanceof InfixExpression i && (i.getOperator() == InfixExpression.Operator.PLUS
                || i.getOperator() == InfixExpression.Operator.MINUS)) {
            if (!ofOuterCounters(i.getLeftOperand(), loop) || !ofOuterCounters(i.getRightOperand(), loop)) {
                return false;
            }
            for (Object x : i.extendedOperands()) {
                if (!ofOuterCounters((Expression) x, loop)) {
                    return false;
                }
            }
            return true;
        }
        for (ASTNode p = loop.getParent(); p != null; p = p.getParent()) {
            // an enclosing loop's counter: that loop passed this check, so it stays within its start and bound
            if (p instanceof ForStatement outer && outer.initializers().size() == 1
                    && outer.initializers().get(0) instanceof VariableDeclarationExpression d
                    && d.fragments().size() == 1) {
                IVariableBinding b = ((VariableDeclarationFragment) d.fragments().get(0)).resolveBinding();
                if (b != null && isCounter(e, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The constant the update adds to the counter, or 0 when it is not such a step. */
    private static long step(Expression u, IVariableBinding counter) {
        u = BodyContext.strip(u);
        if (u instanceof PostfixExpression p && isCounter(p.getOperand(), counter)) {
            return p.getOperator() == PostfixExpression.Operator.INCREMENT ? 1 : -1;
        }
        if (u instanceof PrefixExpression p && isCounter(p.getOperand(), counter)) {
            if (p.getOperator() == PrefixExpression.Operator.INCREMENT) {
                return 1;
            }
            return p.getOperator() == PrefixExpression.Operator.DECREMENT ? -1 : 0;
        }
        if (u instanceof Assignment a && isCounter(a.getLeftHandSide(), counter)
                && a.getRightHandSide().resolveConstantExpressionValue() instanceof Number n
                && !(n instanceof Float) && !(n instanceof Double)) {
            if (a.getOperator() == Assignment.Operator.PLUS_ASSIGN) {
                return n.longValue();
            }
            if (a.getOperator() == Assignment.Operator.MINUS_ASSIGN) {
                return -n.longValue();
            }
        }
        return 0;
    }

    private static boolean isCounter(Expression e, IVariableBinding counter) {
        e = BodyContext.strip(e);
        return e instanceof SimpleName n && n.resolveBinding() instanceof IVariableBinding v
                && v.getKey().equals(counter.getKey());
    }
}
