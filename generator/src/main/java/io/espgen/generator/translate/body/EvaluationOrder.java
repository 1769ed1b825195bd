package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.model.DslTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.ASTVisitor;
import org.eclipse.jdt.core.dom.ArrayAccess;
import org.eclipse.jdt.core.dom.Assignment;
import org.eclipse.jdt.core.dom.BooleanLiteral;
import org.eclipse.jdt.core.dom.CastExpression;
import org.eclipse.jdt.core.dom.CharacterLiteral;
import org.eclipse.jdt.core.dom.ConditionalExpression;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.FieldAccess;
import org.eclipse.jdt.core.dom.IBinding;
import org.eclipse.jdt.core.dom.IMethodBinding;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.InfixExpression;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.Name;
import org.eclipse.jdt.core.dom.NumberLiteral;
import org.eclipse.jdt.core.dom.ParenthesizedExpression;
import org.eclipse.jdt.core.dom.PostfixExpression;
import org.eclipse.jdt.core.dom.PrefixExpression;
import org.eclipse.jdt.core.dom.QualifiedName;
import org.eclipse.jdt.core.dom.SimpleName;
import org.eclipse.jdt.core.dom.StringLiteral;

/**
 * Java evaluates operands and arguments left to right; C leaves the order of most of them open. This
 * reports operands that could observe each other's side effects, so the C means what the Java meant,
 * and says which expressions are pure (evaluating them twice is the same as once).
 */
final class EvaluationOrder {

    private final BodyContext ctx;

    EvaluationOrder(BodyContext ctx) {
        this.ctx = ctx;
    }

    /** What evaluating an expression touches. */
    private static final class Touch {
        /** Variables read and written, by binding key (fields by their field's key, arrays as a whole). */
        final Set<String> reads = new HashSet<>();
        final Set<String> writes = new HashSet<>();
        /** Reads or writes state fields, arrays or the connection: what a helper given them may change. */
        boolean shared;
        /** Calls a helper that may change the state, an array or the connection. */
        boolean effects;

        boolean clashes(Touch other) {
            return !Collections.disjoint(writes, other.writes) || !Collections.disjoint(writes, other.reads)
                    || !Collections.disjoint(reads, other.writes) || effects && (other.effects || other.shared)
                    || other.effects && shared;
        }
    }

    /** Reports operands whose side effects C could order differently from Java. */
    void check(ASTNode at, List<Expression> operands) {
        List<Touch> touches = new ArrayList<>();
        for (Expression e : operands) {
            touches.add(touch(e));
        }
        for (int i = 0; i < touches.size(); i++) {
            for (int j = i + 1; j < touches.size(); j++) {
                if (touches.get(i).clashes(touches.get(j))) {
                    ctx.unsupported(at, Construct.UNORDERED_EFFECTS);
                    return;
                }
            }
        }
    }

    /** x = x++, s.n += next(s), a[i] = f(a): the right-hand side changes what the target is or holds. */
    void check(Assignment a) {
        Expression target = BodyContext.strip(a.getLeftHandSide());
        Touch rhs = touch(a.getRightHandSide());
        String key = variableKey(target);
        boolean compound = a.getOperator() != Assignment.Operator.ASSIGN;
        boolean sharedTarget = target instanceof ArrayAccess || key != null && key.startsWith("field:");
        if (key != null && (rhs.writes.contains(key) || compound && sharedTarget && rhs.effects)) {
            ctx.unsupported(a, Construct.UNORDERED_EFFECTS);
        } else if (target instanceof ArrayAccess access) {
            check(a, List.of(access.getIndex(), a.getRightHandSide()));
        }
    }

    /** Whether evaluating e twice is the same as once: no assignment, increment or call with effects. */
    boolean pure(Expression e) {
        if (e instanceof NumberLiteral || e instanceof CharacterLiteral || e instanceof BooleanLiteral
                || e instanceof StringLiteral || e instanceof Name || e instanceof FieldAccess) {
            return true;
        }
        if (e instanceof ParenthesizedExpression p) {
            return pure(p.getExpression());
        }
        if (e instanceof InfixExpression i) {
            boolean all = pure(i.getLeftOperand()) && pure(i.getRightOperand());
            for (Object o : i.extendedOperands()) {
                all &= pure((Expression) o);
            }
            return all;
        }
        if (e instanceof PrefixExpression p) {
            return !Expressions.isIncrement(p) && pure(p.getOperand());
        }
        if (e instanceof CastExpression c) {
            return pure(c.getExpression());
        }
        if (e instanceof ConditionalExpression c) {
            return pure(c.getExpression()) && pure(c.getThenExpression()) && pure(c.getElseExpression());
        }
        if (e instanceof ArrayAccess a) {
            return pure(a.getArray()) && pure(a.getIndex());
        }
        if (e instanceof MethodInvocation m) {
            Builtins.Builtin b = builtin(m.resolveMethodBinding());
            boolean args = true;
            for (Object o : m.arguments()) {
                args &= pure((Expression) o);
            }
            return b != null && b.effect().isPure() && args;
        }
        return false;
    }

    private static Builtins.Builtin builtin(IMethodBinding b) {
        return b == null ? null : Builtins.find(b.getDeclaringClass().getErasure().getQualifiedName(), b.getName());
    }

    private Touch touch(Expression e) {
        Touch t = new Touch();
        e.accept(new ASTVisitor() {
            @Override
            public boolean visit(SimpleName n) {
                // an array named whole is passed by reference: its elements are read by the callee, later
                if (n.resolveBinding() instanceof IVariableBinding v && !v.getType().isArray()) {
                    t.reads.add(variableKey(n));
                    t.shared |= v.isField() && v.getConstantValue() == null;
                }
                return false;
            }

            @Override
            public boolean visit(ArrayAccess a) {
                t.reads.add(variableKey(a.getArray()));
                t.shared = true;
                return true;
            }

            @Override
            public boolean visit(Assignment a) {
                write(a.getLeftHandSide());
                return true;
            }

            @Override
            public boolean visit(PrefixExpression p) {
                if (Expressions.isIncrement(p)) {
                    write(p.getOperand());
                }
                return true;
            }

            @Override
            public boolean visit(PostfixExpression p) {
                write(p.getOperand());
                return true;
            }

            @Override
            public boolean visit(MethodInvocation m) {
                IMethodBinding b = m.resolveMethodBinding();
                if (b != null && ctx.scope.helpers().isHelper(b)) {
                    // what a helper changes is not looked into: any state, array or connection it is given,
                    // and the shared state, which every helper reaches
                    t.effects |= ctx.scope.wide().hasShared();
                    for (ITypeBinding p : b.getParameterTypes()) {
                        t.effects |= !p.isPrimitive() && !p.getErasure().getQualifiedName().equals(DslTypes.BYTES);
                    }
                    return true;
                }
                Builtins.Builtin builtin = builtin(b);
                if (builtin != null) {
                    switch (builtin.effect()) {
                        case READS_CONNECTION -> t.reads.add(DslTypes.CONNECTION);
                        case WRITES_CONNECTION -> t.writes.add(DslTypes.CONNECTION);
                        case READS_PIN -> t.reads.add(DslTypes.PIN);
                        case WRITES_PIN -> t.writes.add(DslTypes.PIN);
                        case WRITES_ARGUMENT -> write((Expression) m.arguments().get(builtin.writtenArg()));
                        default -> { }
                    }
                    t.shared |= builtin.effect() != Builtins.Effect.PURE && builtin.effect() != Builtins.Effect.PRINTS;
                }
                return true;
            }

            private void write(Expression target) {
                target = BodyContext.strip(target);
                String key = variableKey(target);
                if (key != null) {
                    t.writes.add(key);
                    t.shared |= key.startsWith("field:") || target instanceof ArrayAccess;
                }
            }
        });
        return t;
    }

    /** The variable an lvalue names (an array element names its array), or null. */
    private static String variableKey(Expression e) {
        e = BodyContext.strip(e);
        if (e instanceof ArrayAccess a) {
            return variableKey(a.getArray());
        }
        IBinding b = e instanceof QualifiedName q ? q.getName().resolveBinding()
                : e instanceof FieldAccess f ? f.getName().resolveBinding()
                : e instanceof SimpleName n ? n.resolveBinding() : null;
        if (b instanceof IVariableBinding v) {
            return (v.isField() ? "field:" : "local:") + v.getKey();
        }
        return null;
    }
}
