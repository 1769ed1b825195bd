package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.ConstTable;
import io.espgen.generator.model.SharedField;
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
import org.eclipse.jdt.core.dom.Modifier;
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
                // a Connection compares by identity (o != c): the entry, as the JVM's object
                if (p != null && (p.kind() == Kind.PRIMITIVE || p.kind() == Kind.ERROR || p.kind() == Kind.CONNECTION)) {
                    return CExpr.name(p.cName());
                }
                return ctx.error(n, Messages.parameterAsValue(n.getIdentifier(), p != null && p.kind() == Kind.ARRAY));
            }
            if (v.isField() && v.getConstantValue() != null) {
                return constant(n, v);
            }
            if (v.isField()) {
                return serverField(n, v);
            }
        }
        return ctx.error(n, Messages.unknownName(n.getIdentifier()));
    }

    /** A static field of the server class as a value: a shared global, or a constant the processor folded. */
    private CExpr serverField(ASTNode at, IVariableBinding v) {
        if (ctx.isServerField(v) && Modifier.isStatic(v.getModifiers())) {
            SharedField f = ctx.scope.wide().shared(v.getName());
            if (f != null && !f.isArray()) {
                return CExpr.name(f.cName());
            }
            if (f != null || ctx.scope.wide().table(v.getName()) != null) {
                return ctx.error(at, Messages.stateMember(v.getName(), true));
            }
            String folded = ctx.scope.wide().folded(v);
            if (folded != null) {
                return CExpr.name(ctx.scope.constants().use(v.getName(), folded));
            }
        }
        return ctx.error(at, Messages.field(v.getName()));
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
        if (b instanceof IVariableBinding v && v.isField() && Modifier.isStatic(v.getModifiers())
                && !q.getName().getIdentifier().equals("length")) {
            return serverField(q, v);
        }
        return member(q.getQualifier(), q.getName(), q);
    }

    /** {@code s.field} on a state parameter; {@code array.length}. */
    private CExpr member(Expression qualifier, SimpleName name, ASTNode whole) {
        if (name.getIdentifier().equals("length")) {
            ITypeBinding t = qualifier.resolveTypeBinding();
            SharedField g = t != null && t.isArray() ? grid(qualifier) : null;
            if (g != null) {
                return CExpr.literal(Integer.toString(g.dims().get(0)));
            }
            Expression q = BodyContext.strip(qualifier);
            if (q instanceof ArrayAccess row && grid(row.getArray()) != null) {
                return CExpr.literal(Integer.toString(grid(row.getArray()).dims().get(1)));
            }
            if (t != null && t.isArray()) {
                ArrayRef ref = anyArray(qualifier);
                return ref != null ? ref.length() : ctx.unsupported(qualifier, Construct.ARRAY);
            }
        }
        Value state = ctx.param(qualifier, Kind.STATE);
        if (state != null) {
            StateField field = ctx.scope.stateFields().get(name.getIdentifier());
            if (field == null || field.isArray()) {
                return ctx.error(field == null ? name : whole, Messages.stateMember(name.getIdentifier(), field != null));
            }
            return new CExpr.Member(CExpr.name(state.cName()), field.cName(), true);
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
        ArrayRef ref = anyArray(e);
        if (ref != null && ref.table() != null) {
            ctx.error(e, Messages.tableAsArray(ref.table().javaName()));
            return new ArrayRef(BodyContext.ERROR_VALUE, ref.length(), ref.type());
        }
        return ref;
    }

    /** The shared or table array a (qualified) name of the server's static field names, or null. */
    private ArrayRef globalArray(Expression e) {
        SimpleName n = e instanceof SimpleName s ? s : e instanceof QualifiedName q ? q.getName() : null;
        if (n == null || !(n.resolveBinding() instanceof IVariableBinding v) || !v.isField()
                || !Modifier.isStatic(v.getModifiers()) || !ctx.isServerField(v)) {
            return null;
        }
        SharedField f = ctx.scope.wide().shared(v.getName());
        if (f != null && f.dims().size() == 1) {
            return new ArrayRef(CExpr.name(f.cName()), CExpr.literal(Integer.toString(f.dims().get(0))), f.type());
        }
        ConstTable t = ctx.scope.wide().table(v.getName());
        if (t != null) {
            ctx.scope.helpers().flashUse(ctx.self, e, "the constant table " + v.getName());
            return new ArrayRef(CExpr.name(t.cName()), CExpr.literal(Integer.toString(t.values().size())), t.type(), t);
        }
        return null;
    }

    /** The shared array of arrays e names, or null. */
    SharedField grid(Expression e) {
        e = BodyContext.strip(e);
        SimpleName n = e instanceof SimpleName s ? s : e instanceof QualifiedName q ? q.getName() : null;
        if (n == null || !(n.resolveBinding() instanceof IVariableBinding v) || !v.isField()
                || !Modifier.isStatic(v.getModifiers()) || !ctx.isServerField(v)) {
            return null;
        }
        SharedField f = ctx.scope.wide().shared(v.getName());
        return f != null && f.dims().size() == 2 ? f : null;
    }

    /**
     * An element as C reads and writes it: the condition under which it exists (Java would throw otherwise)
     * and the lvalue; null after reporting an error.
     */
    record Element(CExpr inRange, CExpr lvalue, ArrayRef array) {}

    Element element(ArrayAccess a) {
        Expression arrayExpr = BodyContext.strip(a.getArray());
        if (!order.pure(a.getIndex())) {
            ctx.unsupported(a.getIndex(), Construct.INDEX_EFFECTS);
            return null;
        }
        if (arrayExpr instanceof ArrayAccess row) {
            SharedField g = grid(row.getArray());
            if (g != null) {
                if (!order.pure(row.getIndex())) {
                    ctx.unsupported(row.getIndex(), Construct.INDEX_EFFECTS);
                    return null;
                }
                CExpr i = value(row.getIndex());
                CExpr j = value(a.getIndex());
                CExpr in = new CExpr.Binary(
                        CExpr.call("ESPGEN_IN_RANGE", i, CExpr.literal(Integer.toString(g.dims().get(0)))), "&&",
                        CExpr.call("ESPGEN_IN_RANGE", j, CExpr.literal(Integer.toString(g.dims().get(1)))));
                return new Element(in, new CExpr.Index(new CExpr.Index(CExpr.name(g.cName()), i), j),
                        new ArrayRef(CExpr.name(g.cName()), CExpr.literal(Integer.toString(g.dims().get(1))), g.type()));
            }
        }
        ArrayRef ref = anyArray(arrayExpr);
        if (ref == null) {
            ctx.unsupported(a.getArray(), Construct.ARRAY);
            return null;
        }
        CExpr index = value(a.getIndex());
        return new Element(CExpr.call("ESPGEN_IN_RANGE", index, ref.length()), new CExpr.Index(ref.base(), index), ref);
    }

    /** The array e names, constant tables included (what a for-each or an index may read). */
    ArrayRef anyArray(Expression e) {
        e = BodyContext.strip(e);
        ArrayRef global = globalArray(e);
        if (global != null) {
            return global;
        }
        if (e instanceof ArrayAccess row && grid(row.getArray()) != null) {
            // a row of an array of arrays: a row that does not exist is empty, so reads give 0, writes nothing
            SharedField g = grid(row.getArray());
            if (!order.pure(row.getIndex())) {
                ctx.unsupported(row.getIndex(), Construct.INDEX_EFFECTS);
                return null;
            }
            CExpr i = value(row.getIndex());
            CExpr in = CExpr.call("ESPGEN_IN_RANGE", i, CExpr.literal(Integer.toString(g.dims().get(0))));
            return new ArrayRef(new CExpr.Index(CExpr.name(g.cName()), new CExpr.Conditional(in, i, CExpr.literal("0"))),
                    new CExpr.Conditional(in, CExpr.literal(Integer.toString(g.dims().get(1))), CExpr.literal("0")),
                    g.type());
        }
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
                return new ArrayRef(new CExpr.Member(CExpr.name(state.cName()), field.cName(), true),
                        CExpr.literal(Integer.toString(field.arrayLength())), field.type());
            }
        }
        return null;
    }

    /** {@code a[i]}: the element, or 0 when i is out of range (Java would throw). */
    private CExpr arrayRead(ArrayAccess a) {
        Element el = element(a);
        if (el == null) {
            return BodyContext.ERROR_VALUE;
        }
        CExpr read = el.lvalue();
        if (el.array().table() != null) {
            read = flashRead(el.array(), ((CExpr.Index) el.lvalue()).index());
        }
        return new CExpr.Conditional(el.inRange(), read, CExpr.literal("0"));
    }

    /**
     * An element of a constant table in flash, which takes only aligned 32-bit loads: int elements are
     * words; narrower ones come out of theirs (espgen_flash_u8, espgen_flash_u16).
     */
    static CExpr flashRead(ArrayRef table, CExpr index) {
        return switch (table.type()) {
            case BYTE -> CExpr.cast("sint8", CExpr.call("espgen_flash_u8", table.base(), index));
            case BOOLEAN -> new CExpr.Binary(CExpr.call("espgen_flash_u8", table.base(), index), "!=",
                    CExpr.literal("0"));
            case SHORT -> CExpr.cast("sint16", CExpr.call("espgen_flash_u16", table.base(), index));
            case CHAR -> CExpr.call("espgen_flash_u16", table.base(), index);
            default -> CExpr.cast("int", CExpr.call("espgen_flash_u32", table.base(), index));
        };
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
            CExpr shared = sharedScalar(v);
            if (shared != null) {
                return shared;
            }
        }
        if (e instanceof QualifiedName q && q.resolveBinding() instanceof IVariableBinding v) {
            CExpr shared = sharedScalar(v);
            if (shared != null) {
                return shared;
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

    /** The global of a shared scalar field, or null. */
    private CExpr sharedScalar(IVariableBinding v) {
        if (!v.isField() || !Modifier.isStatic(v.getModifiers()) || !ctx.isServerField(v)) {
            return null;
        }
        SharedField f = ctx.scope.wide().shared(v.getName());
        return f != null && !f.isArray() ? CExpr.name(f.cName()) : null;
    }

    /** A Connection as C: a parameter or local, or {@code c.connectionById(id)}; null when it is neither. */
    CExpr connection(Expression e) {
        e = BodyContext.strip(e);
        Value v = ctx.param(e, Kind.CONNECTION);
        if (v != null) {
            return CExpr.name(v.cName());
        }
        if (e instanceof MethodInvocation m && isConnectionMethod(m, "connectionById")) {
            return calls.call(m, false);
        }
        return null;
    }

    /** {@code x.state()} as a pointer into the state table (the spare entry for a connection not found); or null. */
    CExpr stateOf(Expression e) {
        e = BodyContext.strip(e);
        if (!(e instanceof MethodInvocation m) || !isConnectionMethod(m, "state") || m.getExpression() == null) {
            return null;
        }
        Value c = ctx.param(m.getExpression(), Kind.CONNECTION);
        if (c == null) {
            return null;
        }
        return new CExpr.Prefix("&", new CExpr.Index(CExpr.name(ctx.scope.wide().useStateTable()),
                CExpr.call("espgen_state_index", CExpr.name("srv"), CExpr.name(c.cName()))));
    }

    /** The connection whose {@code connections()} e calls, or null. */
    Value connectionsOf(Expression e) {
        e = BodyContext.strip(e);
        if (e instanceof MethodInvocation m && isConnectionMethod(m, "connections") && m.getExpression() != null) {
            Value c = ctx.param(m.getExpression(), Kind.CONNECTION);
            if (c == null) {
                ctx.error(m, Messages.callOn("Connection"));
                return Value.of(Kind.CONNECTION, "invalid");
            }
            return c;
        }
        return null;
    }

    static boolean isConnectionMethod(MethodInvocation m, String name) {
        var b = m.resolveMethodBinding();
        return b != null && b.getName().equals(name)
                && b.getDeclaringClass().getErasure().getQualifiedName().equals(DslTypes.CONNECTION);
    }

    /** The operands of a call, each as a value. */
    List<CExpr> values(List<Expression> args) {
        return args.stream().map(this::value).toList();
    }
}
