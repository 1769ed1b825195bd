package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.CNames;
import io.espgen.generator.translate.JavaConstants;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import io.espgen.templates.CStrings;
import java.util.List;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.ArrayAccess;
import org.eclipse.jdt.core.dom.Assignment;
import org.eclipse.jdt.core.dom.BooleanLiteral;
import org.eclipse.jdt.core.dom.CastExpression;
import org.eclipse.jdt.core.dom.CharacterLiteral;
import org.eclipse.jdt.core.dom.ConditionalExpression;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.FieldAccess;
import org.eclipse.jdt.core.dom.IBinding;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.InfixExpression;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.NumberLiteral;
import org.eclipse.jdt.core.dom.PostfixExpression;
import org.eclipse.jdt.core.dom.PrefixExpression;
import org.eclipse.jdt.core.dom.QualifiedName;
import org.eclipse.jdt.core.dom.SimpleName;
import org.eclipse.jdt.core.dom.StringLiteral;
import org.eclipse.jdt.core.dom.ThisExpression;

/**
 * Translates expressions: names, constants, members of the state, arrays, casts and conditionals;
 * arithmetic goes to {@link JavaArithmetic}, calls to {@link Calls}, and every operator with more than
 * one operand is checked by {@link EvaluationOrder}.
 */
final class Expressions {

    private final BodyContext ctx;
    private final EvaluationOrder order;
    private final JavaArithmetic arithmetic;
    private final Calls calls;

    Expressions(BodyContext ctx) {
        this.ctx = ctx;
        this.order = new EvaluationOrder(ctx);
        this.arithmetic = new JavaArithmetic(ctx, this);
        this.calls = new Calls(ctx, this);
    }

    EvaluationOrder order() {
        return order;
    }

    /** An expression evaluated for its effect: assignments, increments, calls. */
    CExpr sideEffect(Expression e) {
        if (e instanceof MethodInvocation m) {
            return calls.call(m, true);
        }
        return value(e);
    }

    /** An expression whose value is used. */
    CExpr value(Expression e) {
        ITypeBinding t = e.resolveTypeBinding();
        if (t != null && (t.getName().equals("float") || t.getName().equals("double"))) {
            return ctx.unsupported(e, Construct.FLOATING_POINT);
        }
        e = BodyContext.strip(e);
        if (e instanceof NumberLiteral || e instanceof CharacterLiteral || e instanceof BooleanLiteral) {
            String literal = e instanceof CharacterLiteral c ? CStrings.charLiteral(c.charValue())
                    : JavaConstants.cLiteral(e.resolveConstantExpressionValue());
            return literal == null ? ctx.unsupported(e, Construct.FLOAT_LITERAL) : CExpr.literal(literal);
        }
        if (e instanceof StringLiteral s) {
            return ctx.unsupported(s, Construct.STRING_VALUE);
        }
        if (e instanceof SimpleName n) {
            return name(n);
        }
        if (e instanceof QualifiedName q) {
            return qualified(q);
        }
        if (e instanceof FieldAccess f) {
            return member(f.getExpression(), f.getName(), f);
        }
        if (e instanceof InfixExpression i) {
            return arithmetic.infix(i);
        }
        if (e instanceof PrefixExpression p) {
            return new CExpr.Prefix(p.getOperator().toString(),
                    isIncrement(p) ? lvalue(p.getOperand()) : value(p.getOperand()));
        }
        if (e instanceof PostfixExpression p) {
            return new CExpr.Postfix(lvalue(p.getOperand()), p.getOperator().toString());
        }
        if (e instanceof Assignment a) {
            return arithmetic.assign(a, lvalue(a.getLeftHandSide()));
        }
        if (e instanceof ConditionalExpression c) {
            return new CExpr.Conditional(value(c.getExpression()), value(c.getThenExpression()),
                    value(c.getElseExpression()));
        }
        if (e instanceof CastExpression c) {
            JavaType jt = ctx.primitive(c.getType().resolveBinding(), c.getType());
            return jt == null ? BodyContext.ERROR_VALUE : CExpr.cast(jt.cName(), value(c.getExpression()));
        }
        if (e instanceof MethodInvocation m) {
            return calls.call(m, false);
        }
        if (e instanceof ArrayAccess a) {
            return arrayRead(a);
        }
        Unsupported.expression(ctx, e);
        return BodyContext.ERROR_VALUE;
    }

    /** The assignment or increment e, applied to the C lvalue target. */
    CExpr storeInto(Expression e, CExpr target) {
        if (e instanceof Assignment a) {
            return arithmetic.assign(a, target);
        }
        if (e instanceof PostfixExpression p) {
            return new CExpr.Postfix(target, p.getOperator().toString());
        }
        return new CExpr.Prefix(((PrefixExpression) e).getOperator().toString(), target);
    }

    static boolean isIncrement(PrefixExpression p) {
        return p.getOperator() == PrefixExpression.Operator.INCREMENT
                || p.getOperator() == PrefixExpression.Operator.DECREMENT;
    }

    private CExpr name(SimpleName n) {
        IBinding b = n.resolveBinding();
        if (b instanceof IVariableBinding v) {
            String local = ctx.local(v);
            if (local != null) {
                return CExpr.name(local);
            }
            if (v.isParameter()) {
                Value p = ctx.scope.params().get(n.getIdentifier());
                if (p != null && (p.kind() == Kind.PRIMITIVE || p.kind() == Kind.ERROR)) {
                    return CExpr.name(p.cName());
                }
                return ctx.error(n, Messages.parameterAsValue(n.getIdentifier(), p != null && p.kind() == Kind.ARRAY));
            }
            if (v.isField() && v.getConstantValue() != null) {
                return constant(n, v);
            }
            if (v.isField()) {
                return ctx.error(n, Messages.field(n.getIdentifier()));
            }
        }
        return ctx.error(n, Messages.unknownName(n.getIdentifier()));
    }

    /** A static final constant: a macro when it is the server's, else its value. */
    CExpr constant(ASTNode at, IVariableBinding v) {
        Object value = v.getConstantValue();
        if (value instanceof String) {
            return ctx.unsupported(at, Construct.STRING_CONSTANT_VALUE);
        }
        String literal = JavaConstants.cLiteral(value);
        if (literal == null) {
            return ctx.unsupported(at, Construct.FLOATING_POINT);
        }
        if (ctx.isServerField(v)) {
            return CExpr.name(ctx.scope.constants().use(v.getName(), literal));
        }
        return new CExpr.Literal(literal, v.getDeclaringClass().getName() + "." + v.getName());
    }

    private CExpr qualified(QualifiedName q) {
        IBinding b = q.resolveBinding();
        if (b instanceof IVariableBinding v && v.isEnumConstant()
                && v.getDeclaringClass().getQualifiedName().equals(DslTypes.CONNECTION_ERROR)) {
            return CExpr.name(ConnectionErrors.cName(v.getName()));
        }
        if (b instanceof IVariableBinding v && v.isField() && v.getConstantValue() != null) {
            return constant(q, v);
        }
        return member(q.getQualifier(), q.getName(), q);
    }

    /** {@code s.field} on a state parameter; {@code array.length}. */
    private CExpr member(Expression qualifier, SimpleName name, ASTNode whole) {
        if (name.getIdentifier().equals("length")) {
            ITypeBinding t = qualifier.resolveTypeBinding();
            if (t != null && t.isArray()) {
                ArrayRef ref = arrayRef(qualifier);
                return ref != null ? ref.length() : ctx.unsupported(qualifier, Construct.ARRAY);
            }
        }
        Value state = ctx.param(qualifier, Kind.STATE);
        if (state != null) {
            StateField field = ctx.scope.stateFields().get(name.getIdentifier());
            if (field == null || field.isArray()) {
                return ctx.error(field == null ? name : whole, Messages.stateMember(name.getIdentifier(), field != null));
            }
            return new CExpr.Member(CExpr.name(state.cName()), CNames.field(field.javaName()), true);
        }
        if (qualifier instanceof ThisExpression) {
            IBinding b = name.resolveBinding();
            if (b instanceof IVariableBinding v && v.getConstantValue() != null) {
                return constant(name, v);
            }
        }
        return ctx.error(whole, Messages.memberAccess(whole.toString()));
    }

    /** The array e names (a state array or an array parameter), or null. */
    ArrayRef arrayRef(Expression e) {
        e = BodyContext.strip(e);
        Value array = ctx.param(e, Kind.ARRAY);
        if (array != null) {
            return new ArrayRef(CExpr.name(array.cName()), CExpr.name(array.lengthName()), array.type());
        }
        Expression qualifier = null;
        SimpleName name = null;
        if (e instanceof QualifiedName q) {
            qualifier = q.getQualifier();
            name = q.getName();
        } else if (e instanceof FieldAccess f) {
            qualifier = f.getExpression();
            name = f.getName();
        }
        Value state = qualifier == null ? null : ctx.param(qualifier, Kind.STATE);
        if (state != null) {
            StateField field = ctx.scope.stateFields().get(name.getIdentifier());
            if (field != null && field.isArray()) {
                return new ArrayRef(new CExpr.Member(CExpr.name(state.cName()), CNames.field(field.javaName()), true),
                        CExpr.literal(Integer.toString(field.arrayLength())), field.type());
            }
        }
        return null;
    }

    /** {@code a[i]}: the element, or 0 when i is out of range (Java would throw). */
    private CExpr arrayRead(ArrayAccess a) {
        ArrayRef ref = arrayRef(a.getArray());
        if (ref == null) {
            return ctx.unsupported(a.getArray(), Construct.ARRAY);
        }
        if (!order.pure(a.getIndex())) {
            return ctx.unsupported(a.getIndex(), Construct.INDEX_EFFECTS);
        }
        CExpr index = value(a.getIndex());
        return new CExpr.Conditional(CExpr.call("ESPGEN_IN_RANGE", index, ref.length()),
                new CExpr.Index(ref.base(), index), CExpr.literal("0"));
    }

    /** The C lvalue an assignment or increment writes. */
    CExpr lvalue(Expression e) {
        e = BodyContext.strip(e);
        if (e instanceof SimpleName n && n.resolveBinding() instanceof IVariableBinding v) {
            String local = ctx.local(v);
            if (local != null) {
                return CExpr.name(local);
            }
            Value p = ctx.scope.params().get(n.getIdentifier());
            if (v.isParameter() && p != null && p.kind() == Kind.PRIMITIVE) {
                return CExpr.name(p.cName());
            }
        }
        if (e instanceof QualifiedName || e instanceof FieldAccess) {
            CExpr m = value(e);
            return m instanceof CExpr.Member ? m : ctx.error(e, Messages.assignTo(e.toString(), true));
        }
        if (e instanceof ArrayAccess) {
            return ctx.unsupported(e, Construct.ARRAY_STORE_IN_EXPRESSION);
        }
        return ctx.error(e, Messages.assignTo(e.toString(), false));
    }

    /** The operands of a call, each as a value. */
    List<CExpr> values(List<Expression> args) {
        return args.stream().map(this::value).toList();
    }
}
