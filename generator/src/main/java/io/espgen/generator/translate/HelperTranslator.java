package io.espgen.generator.translate;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CFunction;
import io.espgen.generator.ir.CParam;
import io.espgen.generator.ir.CStmt;
import io.espgen.generator.ir.CType;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import io.espgen.generator.translate.body.BodyTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.MethodDeclaration;
import org.eclipse.jdt.core.dom.Modifier;
import org.eclipse.jdt.core.dom.SingleVariableDeclaration;

/**
 * Translates one helper method of a server class into a static C function: its signature (each Java
 * parameter becomes one or two C parameters) and its body.
 */
final class HelperTranslator {

    private HelperTranslator() {}

    /**
     * The C function, or null when its signature cannot be translated (errors were reported).
     *
     * @param key the method's binding key
     * @param stateStruct the state struct's tag, or null without a state class
     * @param scopeFor the scope a body with the given parameters is translated in
     */
    static CFunction translate(MethodDeclaration m, String key, String cName, String stateQualified,
            String stateStruct, String serverName, JavaSource source, Diagnostics diagnostics,
            Function<Map<String, Value>, Scope> scopeFor) {
        boolean ok = true;
        if (!m.typeParameters().isEmpty()) {
            ok = error(diagnostics, m.getName(), Messages.unsupported(Construct.GENERIC_METHOD));
        }
        if (!m.thrownExceptionTypes().isEmpty()) {
            ok = error(diagnostics, m.getName(), Messages.unsupported(Construct.THROWING_METHOD));
        }
        if (m.getBody() == null || Modifier.isAbstract(m.getModifiers()) || Modifier.isNative(m.getModifiers())) {
            error(diagnostics, m.getName(), Messages.unsupported(Construct.METHOD_WITHOUT_BODY));
            return null;
        }
        ITypeBinding ret = m.getReturnType2() == null ? null : m.getReturnType2().resolveBinding();
        JavaType returns = null;
        if (ret != null && !ret.getName().equals("void")) {
            returns = ret.isPrimitive() ? JavaType.ofJavaName(ret.getName()) : null;
            if (returns == null) {
                ok = error(diagnostics, m.getReturnType2(), Messages.helperReturns(ret.getName()));
            }
        }
        Map<String, Value> params = new HashMap<>();
        List<CParam> cParams = new ArrayList<>();
        List<String> javaParams = new ArrayList<>();
        boolean hasConnection = false;
        for (Object o : m.parameters()) {
            SingleVariableDeclaration p = (SingleVariableDeclaration) o;
            ITypeBinding t = p.getType().resolveBinding();
            if (t != null && p.getExtraDimensions() > 0) {
                t = t.createArrayType(p.getExtraDimensions());
            }
            String javaName = p.getName().getIdentifier();
            String name = CNames.local(javaName, CNames.snake(serverName));
            String qualified = t == null ? "?" : t.getErasure().getQualifiedName();
            javaParams.add((t == null ? "?" : t.getName()) + " " + javaName);
            JavaType jt = t != null && t.isPrimitive() ? JavaType.ofJavaName(t.getName()) : null;
            JavaType element = t != null && t.isArray() && t.getDimensions() == 1
                    ? JavaType.ofJavaName(t.getElementType().getName()) : null;
            if (p.isVarargs()) {
                ok = error(diagnostics, p, Messages.unsupported(Construct.VARARGS));
            } else if (name == null) {
                ok = error(diagnostics, p, Messages.badName(javaName));
            } else if (jt != null) {
                params.put(javaName, new Value(Kind.PRIMITIVE, name, jt, null));
                cParams.add(new CParam(CType.of(jt.cName()), name));
            } else if (element != null) {
                params.put(javaName, new Value(Kind.ARRAY, name, element, name + "_len"));
                cParams.add(new CParam(CType.of(element.cName()).pointer(), name));
                cParams.add(new CParam(CType.INT, name + "_len"));
            } else if (qualified.equals(DslTypes.CONNECTION) && !hasConnection) {
                hasConnection = true;
                params.put(javaName, Value.of(Kind.CONNECTION, name));
                cParams.add(new CParam(CType.struct("espgen_server").pointer(), "srv"));
                cParams.add(new CParam(CType.struct("espgen_conn").pointer(), name));
            } else if (qualified.equals(DslTypes.BYTES)) {
                params.put(javaName, Value.of(Kind.BYTES, name));
                cParams.add(new CParam(CType.struct("espgen_bytes"), name));
            } else if (qualified.equals(DslTypes.CONNECTION_ERROR)) {
                params.put(javaName, Value.of(Kind.ERROR, name));
                cParams.add(new CParam(CType.of("sint8"), name));
            } else if (stateQualified != null && qualified.equals(stateQualified)) {
                params.put(javaName, Value.of(Kind.STATE, name));
                cParams.add(new CParam(CType.struct(stateStruct).pointer(), name));
            } else {
                ok = error(diagnostics, p, Messages.helperParam(t == null ? "?" : t.getName()));
            }
        }
        if (!ok) {
            return null;
        }
        List<CStmt> body = new BodyTranslator(scopeFor.apply(params), diagnostics, key, returns)
                .translate(m.getBody());
        String comment = serverName + "." + m.getName().getIdentifier() + "(" + String.join(", ", javaParams) + "), "
                + source.fileName() + ":" + source.line(m.getName().getStartPosition());
        return new CFunction(cName, returns == null ? CType.VOID : CType.of(returns.cName()), cParams, comment, body);
    }

    private static boolean error(Diagnostics diagnostics, ASTNode at, String message) {
        diagnostics.error(at.getStartPosition(), at.getLength(), message);
        return false;
    }
}
