package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.PinDecl;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.IMethodBinding;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.QualifiedName;
import org.eclipse.jdt.core.dom.SimpleName;
import org.eclipse.jdt.core.dom.MethodInvocation;

/** Translates calls: of the server's own helper methods, and of the DSL's built-ins through {@link Builtins}. */
final class Calls {

    private final BodyContext ctx;
    private final Expressions exprs;

    Calls(BodyContext ctx, Expressions exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
    }

    CExpr call(MethodInvocation m, boolean asStatement) {
        IMethodBinding mb = m.resolveMethodBinding();
        if (mb == null) {
            return ctx.error(m, Messages.unresolved("the call " + m.getName()));
        }
        @SuppressWarnings("unchecked")
        List<Expression> arguments = (List<Expression>) m.arguments();
        exprs.order().check(m, arguments);
        if (ctx.scope.helpers().isHelper(mb)) {
            return helperCall(m, mb, asStatement);
        }
        String owner = mb.getDeclaringClass().getErasure().getQualifiedName();
        String method = mb.getName();
        if (owner.equals(DslTypes.STRING) && method.equals("length") && arguments.isEmpty()
                && m.getExpression() != null && m.getExpression().resolveConstantExpressionValue() instanceof String s) {
            // CONSTANT.length(): Java's length, in chars, folded
            String of = m.getExpression() instanceof org.eclipse.jdt.core.dom.Name n ? n.toString() : "the literal";
            return new CExpr.Literal(Integer.toString(s.length()), of + ".length()");
        }
        Builtins.Builtin builtin = Builtins.find(owner, method);
        String instead = Messages.jdkAlternative(owner, method);
        if (builtin == null && instead != null) {
            return ctx.error(m, instead);
        }
        if (builtin == null) {
            String simple = mb.getDeclaringClass().getName();
            return ctx.error(m, owner.equals(DslTypes.MATH) ? Messages.math(method, typeName(m.resolveTypeBinding()))
                    : Builtins.isDslType(owner) ? Messages.builtin(simple, method)
                    : Messages.foreignCall(simple, method));
        }
        if (!Builtins.inIram(owner)) {
            ctx.scope.helpers().flashUse(ctx.self, m, mb.getDeclaringClass().getName() + "." + method + "()");
        }
        String receiver = null;
        if (owner.equals(DslTypes.PIN)) {
            PinDecl pin = pinField(m.getExpression());
            if (pin == null) {
                return ctx.error(m, Messages.pinReceiver(method));
            }
            if (!pin.isOutput() && !method.equals("read")) {
                return ctx.error(m, Messages.pinWriteOnInput(pin.javaName(), method));
            }
            receiver = pin.macro();
        }
        Kind kind = owner.equals(DslTypes.CONNECTION) ? Kind.CONNECTION : owner.equals(DslTypes.BYTES) ? Kind.BYTES
                : null;
        if (kind != null) {
            Value v = m.getExpression() == null ? null : ctx.param(m.getExpression(), kind);
            if (v == null) {
                return ctx.error(m, Messages.callOn(kind == Kind.CONNECTION ? "Connection" : "Bytes"));
            }
            receiver = v.cName();
        }
        CExpr c = builtin.lowering().lower(new Site(ctx, exprs, m, receiver, asStatement));
        return c == null ? BodyContext.ERROR_VALUE : c;
    }

    private CExpr helperCall(MethodInvocation m, IMethodBinding mb, boolean asStatement) {
        if (!asStatement && mb.getReturnType().getName().equals("void")) {
            return ctx.unsupported(m, Construct.VOID_AS_VALUE);
        }
        String fn = ctx.scope.helpers().call(ctx.self, mb, m);
        List<CExpr> cargs = new ArrayList<>();
        ITypeBinding[] types = mb.getMethodDeclaration().getParameterTypes();
        for (int i = 0; i < m.arguments().size() && i < types.length; i++) {
            Expression arg = (Expression) m.arguments().get(i);
            String type = types[i].getErasure().getQualifiedName();
            if (type.equals(DslTypes.CONNECTION)) {
                Value c = ctx.param(arg, Kind.CONNECTION);
                if (c == null) {
                    return ctx.unsupported(arg, Construct.PASS_CONNECTION);
                }
                cargs.add(CExpr.name("srv"));
                cargs.add(CExpr.name(c.cName()));
            } else if (type.equals(DslTypes.BYTES)) {
                Value b = ctx.param(arg, Kind.BYTES);
                if (b == null) {
                    return ctx.unsupported(arg, Construct.PASS_BYTES);
                }
                cargs.add(CExpr.name(b.cName()));
            } else if (types[i].isArray()) {
                ArrayRef ref = exprs.arrayRef(arg);
                if (ref == null) {
                    return ctx.unsupported(arg, Construct.PASS_ARRAY);
                }
                cargs.add(ref.base());
                cargs.add(ref.length());
            } else if (type.equals(DslTypes.STRING)) {
                return BodyContext.ERROR_VALUE; // the helper's declaration is reported: it cannot take a String
            } else if (!types[i].isPrimitive() && !type.equals(DslTypes.CONNECTION_ERROR)) {
                Value s = ctx.param(arg, Kind.STATE);
                if (s == null) {
                    return ctx.unsupported(arg, Construct.PASS_STATE);
                }
                cargs.add(CExpr.name(s.cName()));
            } else {
                cargs.add(exprs.value(arg));
            }
        }
        return new CExpr.Call(fn, cargs);
    }

    /** The pin a Pin field of this server declares, or null when e names none. */
    private PinDecl pinField(Expression e) {
        e = e == null ? null : BodyContext.strip(e);
        SimpleName n = e instanceof SimpleName s ? s : e instanceof QualifiedName q ? q.getName() : null;
        if (n == null || !(n.resolveBinding() instanceof IVariableBinding v) || !v.isField() || !ctx.isServerField(v)) {
            return null;
        }
        return ctx.scope.wide().pin(v.getName());
    }

    /** For a JDK call users reach for (Integer.parseInt, Integer.toString), what to write instead; else null. */
    static String jdkInstead(Expression e) {
        if (BodyContext.strip(e) instanceof MethodInvocation m && m.resolveMethodBinding() != null) {
            IMethodBinding b = m.resolveMethodBinding();
            return Messages.jdkAlternative(b.getDeclaringClass().getErasure().getQualifiedName(), b.getName());
        }
        return null;
    }

    private static String typeName(ITypeBinding t) {
        return t == null ? "?" : t.getName();
    }
}
