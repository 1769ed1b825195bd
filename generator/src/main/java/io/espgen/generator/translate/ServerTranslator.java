package io.espgen.generator.translate;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.Event;
import io.espgen.generator.model.Handler;
import io.espgen.generator.model.Param;
import io.espgen.generator.model.PinDecl;
import io.espgen.generator.model.Pins;
import io.espgen.generator.model.ParamKind;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.ServerScanner.HandlerSite;
import io.espgen.generator.model.ServerScanner.ServerSite;
import io.espgen.generator.model.StateClass;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import io.espgen.generator.ir.CFunction;
import io.espgen.generator.ir.CStmt;
import io.espgen.generator.translate.body.BodyTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jdt.core.dom.MethodDeclaration;
import org.eclipse.jdt.core.dom.MethodInvocation;
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
        if (CNames.reservedServer(server)) {
            diagnostics.error(type.getName().getStartPosition(), type.getName().getLength(),
                    Messages.reservedServerName(simpleName, server));
            return Optional.empty();
        }

        Optional<StateClass> state = Optional.empty();
        Map<String, StateField> fields = new LinkedHashMap<>();
        String stateStruct = null;
        String stateQualified = null;
        if (site.stateClass().isPresent()) {
            String stateName = site.stateClass().get().getSimpleName().toString();
            stateQualified = site.stateClass().get().getQualifiedName().toString();
            stateStruct = ServerNames.stateStruct(server, stateName);
            TypeDeclaration stateDecl = JavaSource.nested(type, stateName);
            if (stateDecl != null) {
                List<StateField> read = StateReader.read(stateDecl, source, diagnostics);
                read.forEach(f -> fields.put(f.javaName(), f));
                state = Optional.of(new StateClass(stateQualified, stateName, read));
            }
        }

        ServerNames names = new ServerNames(server,
                site.stateClass().map(c -> c.getSimpleName().toString()).orElse(null));
        for (org.eclipse.jdt.core.dom.FieldDeclaration fd : type.getFields()) {
            if (org.eclipse.jdt.core.dom.Modifier.isStatic(fd.getModifiers())
                    && org.eclipse.jdt.core.dom.Modifier.isFinal(fd.getModifiers())) {
                for (Object o : fd.fragments()) {
                    names.reserveConstant(
                            ((org.eclipse.jdt.core.dom.VariableDeclarationFragment) o).getName().getIdentifier());
                }
            }
        }
        // the globals are named before the functions: a helper never takes a static field's name
        ServerFields fieldsOf = ServerFields.read(type, source, diagnostics, names);
        // the handlers' functions are named first, so a helper never takes a handler's name
        Map<HandlerSite, String> handlerFunctions = new HashMap<>();
        Map<HandlerSite, Handler.Timer> timers = new HashMap<>();
        Map<HandlerSite, Handler.Interrupt> interrupts = new HashMap<>();
        Set<String> handlerNames = new HashSet<>();
        for (HandlerSite h : site.handlers()) {
            String name = h.method().getSimpleName().toString();
            handlerNames.add(name);
            handlerFunctions.put(h, names.handler(name));
            if (h.event() == Event.TIMER || h.event() == Event.ONE_SHOT) {
                timers.put(h, new Handler.Timer(h.millis(), names.global(name + "Timer"), names.global(name + "Tick")));
            }
            if (h.interrupt() != null) {
                interrupts.put(h, new Handler.Interrupt(h.interrupt().pin(), h.interrupt().edge(),
                        h.event() == Event.AFTER_INTERRUPT ? names.global(name + "Pending") : null));
            }
        }
        Helpers helpers = new Helpers(names, type, handlerNames);
        Constants constants = new Constants(names);
        ServerWide wide = new ServerWide(fieldsOf, stateQualified, stateStruct,
                site.stateClass().map(c -> ServerNames.stateTable(server, c.getSimpleName().toString())).orElse(null));
        String logPrefix = simpleName + ": ";
        timers.forEach((h, t) -> {
            if (!t.repeating()) {
                wide.oneShot(h.method().getSimpleName().toString(), t);
            }
        });

        Pins pins = new Pins(fieldsOf.pins(), names.global("gpioIsr"), names.global("gpioTask"),
                names.global("gpioQueue"));
        List<Handler> handlers = new ArrayList<>();
        Map<String, HandlerSite> interruptKeys = new LinkedHashMap<>();
        for (HandlerSite h : site.handlers()) {
            MethodDeclaration decl = method(type, h);
            if (decl == null || decl.getBody() == null) {
                continue;
            }
            if (h.interrupt() != null) {
                checkPin(h, pins, decl, diagnostics);
            }
            String self = null;
            if (h.event() == Event.INTERRUPT) {
                // a key of its own, so the helpers it reaches and what it uses in flash are known (Helpers)
                self = "interrupt:" + h.method().getSimpleName();
                interruptKeys.put(self, h);
            }
            Scope scope = new Scope(server, logPrefix, handlerParams(server, h), fields, helpers, constants, source, lineFile,
                    !site.closeOnQueueFull(), wide);
            List<CStmt> body = new BodyTranslator(scope, diagnostics, self, null).translate(decl.getBody());
            String name = h.method().getSimpleName().toString();
            handlers.add(new Handler(h.event(), name, handlerFunctions.get(h), h.params(),
                    source.line(decl.getName().getStartPosition()), body, timers.get(h), interrupts.get(h)));
        }

        for (String key = helpers.nextPending(); key != null; key = helpers.nextPending()) {
            CFunction f = HelperTranslator.translate(helpers.declaration(key), key, helpers.cName(key),
                    stateQualified, stateStruct, simpleName, source, diagnostics,
                    params -> new Scope(server, logPrefix, params, fields, helpers, constants, source, lineFile,
                            !site.closeOnQueueFull(), wide));
            if (f != null) {
                helpers.done(key, f);
            }
        }
        List<Map.Entry<MethodInvocation, String>> cycles = helpers.cycles();
        for (Map.Entry<MethodInvocation, String> cycle : cycles) {
            MethodInvocation at = cycle.getKey();
            diagnostics.error(at.getStartPosition(), at.getLength(), Messages.recursion(cycle.getValue()));
        }
        if (cycles.isEmpty()) {
            placeInIram(interruptKeys, helpers, diagnostics);
        }

        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Server(site.type().getQualifiedName().toString(), simpleName, source.fileName(),
                site.port(), site.maxConnections(), site.idleTimeoutSeconds(), site.sendChunkSize(),
                site.sendQueueBytes(), site.closeOnQueueFull(), state, handlers, helpers.functions(),
                constants.macros(), constants.flashTexts(), site.framing(),
                wide.sharedFields(), wide.constTables(), pins,
                wide.spareState()));
    }

    /**
     * The interrupt handlers run from IRAM, and so does every helper they reach: those are placed there (a
     * helper flash code calls too stays one copy, in IRAM: flash code may call IRAM, and a second copy would
     * only cost flash). Anything they use that lives in flash is an error where it stands.
     */
    private static void placeInIram(Map<String, HandlerSite> interrupts, Helpers helpers, Diagnostics diagnostics) {
        Set<String> reported = new HashSet<>();
        for (Map.Entry<String, HandlerSite> e : interrupts.entrySet()) {
            HandlerSite h = e.getValue();
            String handler = h.method().getSimpleName().toString();
            List<String> reached = helpers.reachedFrom(e.getKey());
            helpers.placeInIram(reached);
            List<String> bodies = new ArrayList<>();
            bodies.add(e.getKey());
            bodies.addAll(reached);
            for (String body : bodies) {
                String via = body.equals(e.getKey()) ? null : helpers.javaNameOf(body);
                for (Helpers.FlashUse use : helpers.flashUses(body)) {
                    if (reported.add(use.at().getStartPosition() + ":" + use.at().getLength() + ":" + use.what())) {
                        diagnostics.error(use.at().getStartPosition(), use.at().getLength(), Messages.flashInInterrupt(
                                use.what(), handler, via, h.interrupt().pin(), h.interrupt().edge()));
                    }
                }
            }
        }
    }

    /** An interrupt handler's pin is an input the server declares. */
    private static void checkPin(HandlerSite h, Pins pins, MethodDeclaration decl, Diagnostics diagnostics) {
        int gpio = h.interrupt().pin();
        if (Messages.badGpio(gpio) != null || gpio == io.espgen.dsl.Limits.RTC_GPIO) {
            return; // the scanner reported it
        }
        PinDecl pin = pins.byGpio(gpio);
        String annotation = h.event().annotationSimpleName();
        String message = pin == null ? Messages.interruptPinUndeclared(annotation, gpio)
                : pin.isOutput() ? Messages.interruptOnOutput(annotation, gpio, pin.javaName()) : null;
        if (message != null) {
            org.eclipse.jdt.core.dom.ASTNode at = annotationValue(decl, annotation, "pin");
            diagnostics.error(at.getStartPosition(), at.getLength(), message);
        }
    }

    /** The value of an annotation's member as written on the method, else the method's name. */
    private static org.eclipse.jdt.core.dom.ASTNode annotationValue(MethodDeclaration decl, String annotation,
            String member) {
        for (Object o : decl.modifiers()) {
            if (o instanceof org.eclipse.jdt.core.dom.NormalAnnotation a
                    && a.getTypeName().getFullyQualifiedName().endsWith(annotation)) {
                for (Object v : a.values()) {
                    org.eclipse.jdt.core.dom.MemberValuePair pair = (org.eclipse.jdt.core.dom.MemberValuePair) v;
                    if (pair.getName().getIdentifier().equals(member)) {
                        return pair.getValue();
                    }
                }
            }
        }
        return decl.getName();
    }

    /**
     * The C names of a handler's values: its Java parameter names, or defaults for what it does not take,
     * which end in {@code _} as no user name does in C (CNames.local), so no local of the body meets them.
     *
     * @param server the server's C prefix
     */
    public static Map<ParamKind, String> cNames(String server, List<Param> params) {
        Map<ParamKind, String> names = new HashMap<>();
        for (Param p : params) {
            String c = CNames.local(p.name(), server);
            if (c != null) {
                names.put(p.kind(), c);
            }
        }
        Map<ParamKind, String> defaults = Map.of(ParamKind.CONNECTION, "conn_", ParamKind.STATE, "state_",
                ParamKind.BYTES, "data_", ParamKind.ERROR, "err_");
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

    private static Map<String, Value> handlerParams(String server, HandlerSite h) {
        Map<ParamKind, String> cNames = cNames(server, h.params());
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
