package io.espgen.generator.translate;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.Event;
import io.espgen.generator.model.Handler;
import io.espgen.generator.model.Param;
import io.espgen.generator.model.ParamKind;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.ServerScanner.HandlerSite;
import io.espgen.generator.model.ServerScanner.ServerSite;
import io.espgen.generator.model.StateClass;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.ir.CStmt;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jdt.core.dom.MethodDeclaration;
import org.eclipse.jdt.core.dom.TypeDeclaration;

/** Completes a scanned server with what only the source shows: handler bodies and state initializers. */
public final class ServerTranslator {

    private ServerTranslator() {}

    /** The server's model, or empty when the source could not be translated (errors were reported). */
    public static Optional<Server> translate(ServerSite site, JavaSource source, Diagnostics diagnostics) {
        String simpleName = site.type().getSimpleName().toString();
        TypeDeclaration type = source.type(simpleName);
        if (type == null) {
            diagnostics.error(0, 0, Messages.sourceUnavailable(source.fileName()));
            return Optional.empty();
        }

        Optional<StateClass> state = Optional.empty();
        Map<String, StateField> fields = new LinkedHashMap<>();
        if (site.stateClass().isPresent()) {
            String stateName = site.stateClass().get().getSimpleName().toString();
            TypeDeclaration stateDecl = JavaSource.nested(type, stateName);
            if (stateDecl != null) {
                List<StateField> read = StateReader.read(stateDecl, source, diagnostics);
                read.forEach(f -> fields.put(f.javaName(), f));
                state = Optional.of(new StateClass(site.stateClass().get().getQualifiedName().toString(), stateName,
                        read));
            }
        }

        List<Handler> handlers = new java.util.ArrayList<>();
        for (HandlerSite h : site.handlers()) {
            MethodDeclaration decl = method(type, h);
            if (decl == null || decl.getBody() == null) {
                continue;
            }
            HandlerScope scope = scope(simpleName, h, fields);
            List<CStmt> body = new BodyTranslator(scope, diagnostics).translate(decl.getBody());
            handlers.add(new Handler(h.event(), h.method().getSimpleName().toString(), h.params(),
                    source.line(decl.getName().getStartPosition()), body));
        }
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Server(site.type().getQualifiedName().toString(), simpleName, source.fileName(),
                site.port(), site.maxConnections(), site.idleTimeoutSeconds(), site.sendChunkSize(),
                site.sendQueueBytes(), site.closeOnQueueFull(), state, handlers));
    }

    /** The C names of a handler's values: its Java parameter names, or the runtime's defaults. */
    public static Map<ParamKind, String> cNames(Event event, List<Param> params) {
        Map<ParamKind, String> names = new HashMap<>();
        names.put(ParamKind.CONNECTION, "conn");
        names.put(ParamKind.STATE, "state");
        names.put(ParamKind.BYTES, "data");
        names.put(ParamKind.ERROR, "err");
        for (Param p : params) {
            String c = CNames.local(p.name());
            names.put(p.kind(), c == null ? names.get(p.kind()) : c);
        }
        return names;
    }

    private static HandlerScope scope(String server, HandlerSite h, Map<String, StateField> fields) {
        Map<ParamKind, String> cNames = cNames(h.event(), h.params());
        Map<String, ParamKind> params = new HashMap<>();
        Map<String, String> cParams = new HashMap<>();
        for (Param p : h.params()) {
            params.put(p.name(), p.kind());
            cParams.put(p.name(), cNames.get(p.kind()));
        }
        return new HandlerScope(server + ": ", params, cParams, fields);
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
