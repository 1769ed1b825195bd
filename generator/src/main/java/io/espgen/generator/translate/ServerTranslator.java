package io.espgen.generator.translate;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.Event;
import io.espgen.generator.model.Handler;
import io.espgen.generator.model.HelperMethod;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.Param;
import io.espgen.generator.model.ParamKind;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.ServerScanner.HandlerSite;
import io.espgen.generator.model.ServerScanner.ServerSite;
import io.espgen.generator.model.StateClass;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import io.espgen.generator.translate.ir.CStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.MethodDeclaration;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.Modifier;
import org.eclipse.jdt.core.dom.SingleVariableDeclaration;
import org.eclipse.jdt.core.dom.TypeDeclaration;

/**
 * Completes a scanned server with what only the source shows: handler bodies, the helper methods they
 * call (found through the call graph, which must have no cycle), the constants they use, and the state
 * class's initializers.
 */
public final class ServerTranslator {

    private ServerTranslator() {}

    /** The server's model, or empty when the source could not be translated (errors were reported). */
    public static Optional<Server> translate(ServerSite site, JavaSource source, Diagnostics diagnostics) {
        return translate(site, source, diagnostics, false);
    }

    /** As {@link #translate(ServerSite, JavaSource, Diagnostics)}; lineDirectives puts #line before statements. */
    public static Optional<Server> translate(ServerSite site, JavaSource source, Diagnostics diagnostics,
            boolean lineDirectives) {
        String lineFile = lineDirectives ? source.fileName() : null;
        String simpleName = site.type().getSimpleName().toString();
        String server = CNames.snake(simpleName);
        TypeDeclaration type = source.type(simpleName);
        if (type == null) {
            diagnostics.error(0, 0, Messages.sourceUnavailable(source.fileName()));
            return Optional.empty();
        }

        Optional<StateClass> state = Optional.empty();
        Map<String, StateField> fields = new LinkedHashMap<>();
        String stateStruct = null;
        String stateQualified = null;
        if (site.stateClass().isPresent()) {
            String stateName = site.stateClass().get().getSimpleName().toString();
            stateQualified = site.stateClass().get().getQualifiedName().toString();
            stateStruct = server + "_" + CNames.snake(stateName);
            TypeDeclaration stateDecl = JavaSource.nested(type, stateName);
            if (stateDecl != null) {
                List<StateField> read = StateReader.read(stateDecl, source, diagnostics);
                read.forEach(f -> fields.put(f.javaName(), f));
                state = Optional.of(new StateClass(stateQualified, stateName, read));
            }
        }

        Set<String> handlerNames = new HashSet<>();
        site.handlers().forEach(h -> handlerNames.add(h.method().getSimpleName().toString()));
        Helpers helpers = new Helpers(server, type, handlerNames);
        Constants constants = new Constants(server);
        String logPrefix = simpleName + ": ";

        List<Handler> handlers = new ArrayList<>();
        for (HandlerSite h : site.handlers()) {
            MethodDeclaration decl = method(type, h);
            if (decl == null || decl.getBody() == null) {
                continue;
            }
            Scope scope = new Scope(server, logPrefix, handlerParams(h), fields, helpers, constants, source, lineFile);
            List<CStmt> body = new BodyTranslator(scope, diagnostics, null, null).translate(decl.getBody());
            handlers.add(new Handler(h.event(), h.method().getSimpleName().toString(), h.params(),
                    source.line(decl.getName().getStartPosition()), body));
        }

        for (String key = helpers.nextPending(); key != null; key = helpers.nextPending()) {
            HelperMethod f = helper(helpers.declaration(key), key, helpers.cName(key), server, logPrefix, fields,
                    stateQualified, stateStruct, helpers, constants, source, simpleName, diagnostics, lineFile);
            if (f != null) {
                helpers.done(key, f);
            }
        }
        for (Map.Entry<MethodInvocation, String> cycle : helpers.cycles()) {
            MethodInvocation at = cycle.getKey();
            diagnostics.error(at.getStartPosition(), at.getLength(), Messages.unsupported(
                    "recursion (" + cycle.getValue() + ")", "the chip's stack is a few KiB: write a loop"));
        }

        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Server(site.type().getQualifiedName().toString(), simpleName, source.fileName(),
                site.port(), site.maxConnections(), site.idleTimeoutSeconds(), site.sendChunkSize(),
                site.sendQueueBytes(), site.closeOnQueueFull(), state, handlers, helpers.functions(),
                constants.macros(), constants.flashTexts()));
    }

    /** The C names of a handler's values: its Java parameter names, or the runtime's defaults. */
    public static Map<ParamKind, String> cNames(Event event, List<Param> params) {
        Map<ParamKind, String> names = new HashMap<>();
        for (Param p : params) {
            String c = CNames.local(p.name());
            if (c != null) {
                names.put(p.kind(), c);
            }
        }
        Map<ParamKind, String> defaults = Map.of(ParamKind.CONNECTION, "conn", ParamKind.STATE, "state",
                ParamKind.BYTES, "data", ParamKind.ERROR, "err");
        for (ParamKind k : ParamKind.values()) {
            if (!names.containsKey(k)) {
                String name = defaults.get(k);
                while (names.containsValue(name)) {
                    name += "_";
                }
                names.put(k, name);
            }
        }
        return names;
    }

    private static Map<String, Value> handlerParams(HandlerSite h) {
        Map<ParamKind, String> cNames = cNames(h.event(), h.params());
        Map<String, Value> params = new HashMap<>();
        for (Param p : h.params()) {
            Kind kind = switch (p.kind()) {
                case CONNECTION -> Kind.CONNECTION;
                case STATE -> Kind.STATE;
                case BYTES -> Kind.BYTES;
                case ERROR -> Kind.ERROR;
            };
            params.put(p.name(), Value.of(kind, cNames.get(p.kind())));
        }
        return params;
    }

    private static HelperMethod helper(MethodDeclaration m, String key, String cName, String server,
            String logPrefix, Map<String, StateField> fields, String stateQualified, String stateStruct,
            Helpers helpers, Constants constants, JavaSource source, String simpleName, Diagnostics diagnostics,
            String lineFile) {
        boolean ok = true;
        if (!m.typeParameters().isEmpty()) {
            diagnostics.error(m.getName().getStartPosition(), m.getName().getLength(),
                    Messages.unsupported("a generic method", "write it for the one type it needs"));
            ok = false;
        }
        if (!m.thrownExceptionTypes().isEmpty()) {
            diagnostics.error(m.getName().getStartPosition(), m.getName().getLength(),
                    Messages.unsupported("a method that declares exceptions", "the firmware has no exceptions"));
            ok = false;
        }
        if (m.getBody() == null || Modifier.isAbstract(m.getModifiers()) || Modifier.isNative(m.getModifiers())) {
            diagnostics.error(m.getName().getStartPosition(), m.getName().getLength(),
                    Messages.unsupported("a method without a body", null));
            return null;
        }
        ITypeBinding ret = m.getReturnType2() == null ? null : m.getReturnType2().resolveBinding();
        JavaType returns = null;
        String returnType = "void";
        if (ret != null && !ret.getName().equals("void")) {
            returns = ret.isPrimitive() ? JavaType.ofJavaName(ret.getName()) : null;
            if (returns == null) {
                diagnostics.error(m.getReturnType2().getStartPosition(), m.getReturnType2().getLength(),
                        Messages.unsupported("a method returning " + ret.getName(),
                                "return boolean, byte, short, char, int or long, or fill a state array"));
                ok = false;
            } else {
                returnType = returns.cName();
            }
        }
        Map<String, Value> params = new HashMap<>();
        List<String> cParams = new ArrayList<>();
        List<String> javaParams = new ArrayList<>();
        boolean hasConnection = false;
        for (Object o : m.parameters()) {
            SingleVariableDeclaration p = (SingleVariableDeclaration) o;
            ITypeBinding t = p.getType().resolveBinding();
            if (t != null && p.getExtraDimensions() > 0) {
                t = t.createArrayType(p.getExtraDimensions());
            }
            String javaName = p.getName().getIdentifier();
            String name = CNames.local(javaName);
            String qualified = t == null ? "?" : t.getErasure().getQualifiedName();
            javaParams.add((t == null ? "?" : t.getName()) + " " + javaName);
            JavaType jt = t != null && t.isPrimitive() ? JavaType.ofJavaName(t.getName()) : null;
            JavaType element = t != null && t.isArray() && t.getDimensions() == 1
                    ? JavaType.ofJavaName(t.getElementType().getName()) : null;
            if (name == null || p.isVarargs()) {
                diagnostics.error(p.getStartPosition(), p.getLength(),
                        Messages.unsupported(p.isVarargs() ? "varargs" : "the name " + javaName,
                                p.isVarargs() ? "pass a state array" : "use ASCII letters, digits and _ in names"));
                ok = false;
            } else if (jt != null) {
                params.put(javaName, new Value(Kind.PRIMITIVE, name, jt, null));
                cParams.add(jt.cName() + " " + name);
            } else if (element != null) {
                params.put(javaName, new Value(Kind.ARRAY, name, element, name + "_len"));
                cParams.add(element.cName() + " *" + name);
                cParams.add("int " + name + "_len");
            } else if (qualified.equals("io.espgen.dsl.Connection") && !hasConnection) {
                hasConnection = true;
                params.put(javaName, Value.of(Kind.CONNECTION, name));
                cParams.add("struct espgen_server *srv");
                cParams.add("struct espgen_conn *" + name);
            } else if (qualified.equals("io.espgen.dsl.Bytes")) {
                params.put(javaName, Value.of(Kind.BYTES, name));
                cParams.add("struct espgen_bytes " + name);
            } else if (qualified.equals("io.espgen.dsl.ConnectionError")) {
                params.put(javaName, Value.of(Kind.ERROR, name));
                cParams.add("sint8 " + name);
            } else if (stateQualified != null && qualified.equals(stateQualified)) {
                params.put(javaName, Value.of(Kind.STATE, name));
                cParams.add("struct " + stateStruct + " *" + name);
            } else {
                diagnostics.error(p.getStartPosition(), p.getLength(), Messages.unsupported(
                        "a parameter of type " + (t == null ? "?" : t.getName()),
                        "helpers take primitives, primitive arrays, one Connection, Bytes, ConnectionError and the "
                                + "state class"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        Scope scope = new Scope(server, logPrefix, params, fields, helpers, constants, source, lineFile);
        List<CStmt> body = new BodyTranslator(scope, diagnostics, key, returns).translate(m.getBody());
        String comment = simpleName + "." + m.getName().getIdentifier() + "(" + String.join(", ", javaParams) + "), "
                + source.fileName() + ":" + source.line(m.getName().getStartPosition());
        return new HelperMethod(cName, returnType, cParams.isEmpty() ? List.of("void") : cParams, comment, body);
    }

    private static MethodDeclaration method(TypeDeclaration type, HandlerSite h) {
        String name = h.method().getSimpleName().toString();
        int arity = h.method().getParameters().size();
        for (MethodDeclaration m : type.getMethods()) {
            if (m.getName().getIdentifier().equals(name) && m.parameters().size() == arity) {
                return m;
            }
        }
        return null;
    }
}
