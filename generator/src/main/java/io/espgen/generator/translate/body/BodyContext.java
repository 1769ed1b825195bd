package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.translate.CNames;
import io.espgen.generator.translate.Scope;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.ParenthesizedExpression;
import org.eclipse.jdt.core.dom.SimpleName;

/**
 * What the parts of one body's translation share: the scope it names things in, where errors go, and
 * the locals declared so far.
 */
final class BodyContext {

    /** What an expression becomes after an error: translation goes on, nothing is emitted. */
    static final CExpr ERROR_VALUE = CExpr.literal("0");

    final Scope scope;
    /** The helper being translated (its binding key), or null for a handler. */
    final String self;
    /** The type a return statement returns, or null in a void method. */
    final JavaType returns;
    private final Diagnostics diagnostics;
    /** Locals by binding key: Java's scoping already rules out clashes between live locals. */
    private final Map<String, String> locals = new HashMap<>();
    /** The locals that hold a connection or a state (by binding key), as parameters of those kinds do. */
    private final Map<String, Value> references = new HashMap<>();

    BodyContext(Scope scope, Diagnostics diagnostics, String self, JavaType returns) {
        this.scope = scope;
        this.diagnostics = diagnostics;
        this.self = self;
        this.returns = returns;
    }

    /** Reports message at the node; returns {@link #ERROR_VALUE}. */
    CExpr error(ASTNode at, String message) {
        diagnostics.error(at.getStartPosition(), at.getLength(), message);
        return ERROR_VALUE;
    }

    void warning(ASTNode at, String message) {
        diagnostics.warning(at.getStartPosition(), at.getLength(), message);
    }

    CExpr unsupported(ASTNode at, Construct construct) {
        return error(at, Messages.unsupported(construct));
    }

    /** Declares a local; returns its C name. */
    String declareLocal(SimpleName name, IVariableBinding b) {
        String javaName = name.getIdentifier();
        String cName = CNames.local(javaName, scope.server());
        if (cName == null) {
            error(name, Messages.badName(javaName));
            cName = "invalid_name";
        }
        if (b != null) {
            locals.put(b.getKey(), cName);
        }
        return cName;
    }

    /** Declares a local holding a connection or a state; returns its C name. */
    String declareReference(SimpleName name, IVariableBinding b, Kind kind) {
        String cName = declareLocal(name, b);
        if (b != null) {
            references.put(b.getKey(), Value.of(kind, cName));
        }
        return cName;
    }

    /** The C name of a local declared in this body, or null. */
    String local(IVariableBinding b) {
        return locals.get(b.getKey());
    }

    /** The primitive type of a local, cast or loop variable; reports anything else and returns null. */
    JavaType primitive(ITypeBinding type, ASTNode at) {
        if (type == null) {
            error(at, Messages.unresolved("this type"));
            return null;
        }
        JavaType jt = type.isPrimitive() ? JavaType.ofJavaName(type.getName()) : null;
        if (jt == null) {
            if (type.getName().equals("float") || type.getName().equals("double")) {
                error(at, Messages.floatingPoint(type.getName()));
            } else if (type.getQualifiedName().equals(DslTypes.STRING)) {
                unsupported(at, Construct.STRING_VARIABLE);
            } else {
                error(at, Messages.localType(type.getName()));
            }
        }
        return jt;
    }

    /** The parameter or connection/state local e names, when it is one of that kind. */
    Value param(Expression e, Kind kind) {
        e = strip(e);
        if (e instanceof SimpleName n && n.resolveBinding() instanceof IVariableBinding v
                && references.containsKey(v.getKey())) {
            Value r = references.get(v.getKey());
            return r.kind() == kind ? r : null;
        }
        if (e instanceof SimpleName n && n.resolveBinding() instanceof IVariableBinding v && v.isParameter()) {
            Value p = scope.params().get(n.getIdentifier());
            return p != null && p.kind() == kind ? p : null;
        }
        return null;
    }

    /** Whether a field is one of the server class's own. */
    boolean isServerField(IVariableBinding v) {
        ITypeBinding owner = v.getDeclaringClass();
        return owner != null && owner.isTopLevel() && CNames.snake(owner.getName()).equals(scope.server());
    }

    static Expression strip(Expression e) {
        while (e instanceof ParenthesizedExpression p) {
            e = p.getExpression();
        }
        return e;
    }

    static boolean isLong(ITypeBinding t) {
        return t != null && t.getName().equals("long");
    }
}
