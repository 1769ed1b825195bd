package io.espgen.generator.model;

import io.espgen.dsl.Limits;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a {@code @TcpServer} class through the annotation-processing API and checks everything that API
 * can see: the annotation's values, the handlers' signatures, the shape of the state class. Each error
 * goes on the exact element or annotation value. Method bodies are the translator's.
 */
public final class ServerScanner {


    /** A handler as the scanner found it; the body is translated later. */
    /**
     * @param millis a timer's period; 0 for the other events
     * @param interrupt the pin and edge of an interrupt or after-interrupt handler; null for the other events
     */
    public record HandlerSite(Event event, ExecutableElement method, List<Param> params, int millis,
            Handler.Interrupt interrupt) {}

    /** What the scanner learnt of one server; valid when the scan found no problem. */
    public record ServerSite(
            TypeElement type,
            AnnotationMirror annotation,
            int port,
            int maxConnections,
            int idleTimeoutSeconds,
            int sendChunkSize,
            int sendQueueBytes,
            boolean closeOnQueueFull,
            Optional<TypeElement> stateClass,
            List<HandlerSite> handlers,
            Optional<Framing> framing,
            List<Problem> problems) {

        public ServerSite {
            handlers = List.copyOf(handlers);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The server being scanned: errors about annotation values go on it. */
    private final TypeElement current;
    /** What this scan found wrong, in the order found. */
    private final List<Problem> problems = new ArrayList<>();

    private ServerScanner(TypeElement type) {
        this.current = type;
    }

    /** Scans one @TcpServer class; the site lists every problem found, none reported yet. */
    public static ServerSite scan(TypeElement type) {
        return new ServerScanner(type).scan();
    }

    private ServerSite scan() {
        TypeElement type = current;
        AnnotationMirror ann = Annotations.find(type, DslTypes.TCP_SERVER);
        checkServerShape(type);
        checkServerFields(type);

        int port = intValue(ann, "port", 1, Limits.MAX_PORT, Messages.PORT_RANGE);
        int maxConnections = intValue(ann, "maxConnections", 1, Limits.MAX_CONNECTIONS, Messages.CONNECTIONS_RANGE);
        int idle = intValue(ann, "idleTimeoutSeconds", 1, Limits.MAX_IDLE_TIMEOUT_SECONDS, Messages.IDLE_RANGE);
        int chunk = intValue(ann, "sendChunkSize", 1, Limits.TCP_SEND_BUFFER, Messages.CHUNK_RANGE);
        int queue = intValue(ann, "sendQueueBytes", 1, Limits.MAX_SEND_QUEUE_BYTES, Messages.QUEUE_RANGE);
        if (problems.isEmpty() && queue < chunk) {
            error(Messages.chunkOverQueue(chunk, queue), type, ann, Annotations.explicitValue(ann, "sendQueueBytes"));
        }
        boolean close = "CLOSE".equals(String.valueOf(Annotations.value(ann, "onQueueFull").getValue()));

        List<HandlerSite> handlers = new ArrayList<>();
        Map<Event, ExecutableElement> byEvent = new EnumMap<>(Event.class);
        TypeElement state = null;
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() != ElementKind.METHOD) {
                continue;
            }
            ExecutableElement method = (ExecutableElement) member;
            HandlerSite site = scanHandler(method, byEvent);
            if (site == null) {
                continue;
            }
            handlers.add(site);
            TypeElement s = stateParamType(method);
            if (s != null) {
                if (state == null) {
                    state = s;
                } else if (!state.equals(s)) {
                    error(Messages.twoStateClasses(state.getSimpleName().toString(), s.getSimpleName().toString()),
                            method, null, null);
                }
            }
        }
        if (handlers.isEmpty()) {
            error(Messages.noHandlers(), type, ann, null);
        }
        checkInterrupts(handlers);
        if (state != null) {
            checkStateClass(state, type);
        }
        handlers.sort((a, b) -> a.event().compareTo(b.event()));
        Optional<Framing> framing = FramingScanner.scan(type, queue, handlers, problems::add);
        return new ServerSite(type, ann, port, maxConnections, idle, chunk, queue, close, Optional.ofNullable(state),
                handlers, framing, problems);
    }

    private void checkServerShape(TypeElement type) {
        if (type.getKind() != ElementKind.CLASS) {
            error(Messages.serverNotClass(), type, null, null);
            return;
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            error(Messages.serverShape(Messages.NOT_ABSTRACT), type, null, null);
        }
        if (!type.getTypeParameters().isEmpty()) {
            error(Messages.serverShape(Messages.NOT_GENERIC), type, null, null);
        }
        if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
            error(Messages.serverShape(Messages.TOP_LEVEL), type, null, null);
        }
    }

    /**
     * The server class's fields, each at its declaration: a static field is state shared by all clients
     * (a primitive or a fixed-size array of them, of one or two dimensions), a static final one a constant
     * or a constant table; an instance field has no place in the firmware.
     */
    private void checkServerFields(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() != ElementKind.FIELD) {
                continue;
            }
            VariableElement field = (VariableElement) member;
            String name = field.getSimpleName().toString();
            Set<Modifier> mods = field.getModifiers();
            TypeMirror t = field.asType();
            if (!mods.contains(Modifier.STATIC)) {
                error(Messages.serverInstanceField(name), field, null, null);
                continue;
            }
            boolean isFinal = mods.contains(Modifier.FINAL);
            if (t.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()
                    .contentEquals(DslTypes.PIN)) {
                if (!isFinal) {
                    error(Messages.pinNotFinal(name), field, null, null);
                }
                continue; // its initializer is read with the source (ServerFields)
            }
            if (isFinal && field.getConstantValue() != null) {
                continue; // a constant: checked where handler code uses it (a double one is fine elsewhere)
            }
            if (isString(t)) {
                if (!isFinal) {
                    error(Messages.sharedString(name), field, null, null);
                }
                continue; // a final one's initializer is checked with the source
            }
            boolean fits = isIntegralOrBoolean(t) || t.getKind() == TypeKind.ARRAY
                    && (isIntegralOrBoolean(((ArrayType) t).getComponentType())
                            || ((ArrayType) t).getComponentType().getKind() == TypeKind.ARRAY
                            && isIntegralOrBoolean(((ArrayType) ((ArrayType) t).getComponentType()).getComponentType()));
            if (!fits) {
                error(isFinal ? Messages.constantType(name, t.toString()) : Messages.sharedFieldType(name, t.toString()),
                        field, null, null);
            }
        }
    }

    private static boolean isString(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()
                .contentEquals(DslTypes.STRING);
    }

    private HandlerSite scanHandler(ExecutableElement method, Map<Event, ExecutableElement> byEvent) {
        Event event = null;
        AnnotationMirror eventAnn = null;
        for (Event e : Event.values()) {
            AnnotationMirror a = Annotations.find(method, e.annotation());
            if (a == null) {
                continue;
            }
            if (event != null) {
                error(Messages.twoEvents(event.annotationSimpleName(), e.annotationSimpleName()), method, a, null);
                continue;
            }
            event = e;
            eventAnn = a;
        }
        if (event == null) {
            return null;
        }
        String name = event.annotationSimpleName();
        int millis = 0;
        Handler.Interrupt interrupt = null;
        if (event == Event.INTERRUPT || event == Event.AFTER_INTERRUPT) {
            int pin = ((Number) Annotations.value(eventAnn, "pin").getValue()).intValue();
            String edge = ((VariableElement) Annotations.value(eventAnn, "edge").getValue()).getSimpleName().toString();
            String bad = Messages.badGpio(pin);
            if (bad == null && pin == Limits.RTC_GPIO) {
                bad = Messages.rtcInterrupt(name);
            }
            if (bad != null) {
                error(bad, method, eventAnn, Annotations.explicitValue(eventAnn, "pin"));
            }
            interrupt = new Handler.Interrupt(pin, edge, null);
        } else if (event == Event.TIMER) {
            millis = ((Number) Annotations.value(eventAnn, "millis").getValue()).intValue();
            if (millis < Limits.MIN_TIMER_MILLIS || millis > Limits.MAX_TIMER_MILLIS) {
                error(Messages.timerPeriod(millis), method, eventAnn, Annotations.explicitValue(eventAnn, "millis"));
            }
        } else if (event != Event.ONE_SHOT) {
            ExecutableElement previous = byEvent.putIfAbsent(event, method);
            if (previous != null) {
                error(Messages.duplicateHandler(name, previous.getSimpleName() + "()"), method, eventAnn, null);
            }
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            error(Messages.handlerShape(name, Messages.RETURN_VOID), method, null, null);
        }
        if (!method.getTypeParameters().isEmpty()) {
            error(Messages.handlerShape(name, Messages.NOT_GENERIC), method, null, null);
        }
        if (!method.getThrownTypes().isEmpty()) {
            error(Messages.handlerShape(name, Messages.NO_EXCEPTIONS), method, null, null);
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            error(Messages.handlerShape(name, Messages.HAVE_BODY), method, null, null);
        }

        List<Param> params = new ArrayList<>();
        Set<ParamKind> seen = EnumSet.noneOf(ParamKind.class);
        for (VariableElement p : method.getParameters()) {
            ParamKind kind = paramKind(p.asType());
            if (kind == null && p.asType().getKind() == TypeKind.DECLARED
                    && ((DeclaredType) p.asType()).asElement().getKind() == ElementKind.RECORD) {
                error(Messages.recordState(((DeclaredType) p.asType()).asElement().getSimpleName().toString()), p,
                        null, null);
                continue;
            }
            if (kind == null || !event.supplies(kind)) {
                Set<String> supplied = new TreeSet<>();
                for (ParamKind k : event.supplied()) {
                    supplied.add(k.description());
                }
                error(Messages.badParam(name, p.asType().toString(), supplied), p, null, null);
                continue;
            }
            if (!seen.add(kind)) {
                error(Messages.repeatedParam(kind.description()), p, null, null);
                continue;
            }
            params.add(new Param(p.getSimpleName().toString(), kind));
        }
        return new HandlerSite(event, method, params, millis, interrupt);
    }

    /** At most one handler of each kind per pin, and one edge per pin. */
    private void checkInterrupts(List<HandlerSite> handlers) {
        Map<String, HandlerSite> byPin = new java.util.HashMap<>();
        for (HandlerSite h : handlers) {
            if (h.interrupt() == null) {
                continue;
            }
            int pin = h.interrupt().pin();
            HandlerSite previous = byPin.putIfAbsent(h.event() + "#" + pin, h);
            AnnotationMirror a = Annotations.find(h.method(), h.event().annotation());
            if (previous != null) {
                error(Messages.secondInterrupt(h.event().annotationSimpleName(), pin,
                        previous.method().getSimpleName() + "()"), h.method(), a, Annotations.explicitValue(a, "pin"));
            }
        }
        for (HandlerSite h : handlers) {
            if (h.event() != Event.AFTER_INTERRUPT) {
                continue;
            }
            HandlerSite on = byPin.get(Event.INTERRUPT + "#" + h.interrupt().pin());
            if (on != null && !on.interrupt().edge().equals(h.interrupt().edge())) {
                AnnotationMirror a = Annotations.find(h.method(), h.event().annotation());
                error(Messages.edgeMismatch(h.interrupt().pin(), h.interrupt().edge(), on.interrupt().edge()),
                        h.method(), a, Annotations.explicitValue(a, "edge"));
            }
        }
    }

    private static ParamKind paramKind(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals(DslTypes.CONNECTION)) {
            return ParamKind.CONNECTION;
        }
        if (name.equals(DslTypes.BYTES)) {
            return ParamKind.BYTES;
        }
        if (name.equals(DslTypes.CONNECTION_ERROR)) {
            return ParamKind.ERROR;
        }
        return element.getKind() == ElementKind.CLASS && !name.startsWith("java.") ? ParamKind.STATE : null;
    }

    private static TypeElement stateParamType(ExecutableElement method) {
        for (VariableElement p : method.getParameters()) {
            if (paramKind(p.asType()) == ParamKind.STATE) {
                return (TypeElement) ((DeclaredType) p.asType()).asElement();
            }
        }
        return null;
    }

    private void checkStateClass(TypeElement state, TypeElement server) {
        String name = state.getSimpleName().toString();
        if (!server.equals(state.getEnclosingElement())) {
            error(Messages.stateShape(name, Messages.stateNotNested(server.getSimpleName().toString())), state,
                    null, null);
            return;
        }
        if (!state.getModifiers().contains(Modifier.STATIC)) {
            error(Messages.stateShape(name, Messages.STATE_NOT_STATIC), state, null, null);
        }
        if (!state.getTypeParameters().isEmpty()) {
            error(Messages.stateShape(name, Messages.STATE_GENERIC), state, null, null);
        }
        TypeMirror superclass = state.getSuperclass();
        if (superclass.getKind() == TypeKind.DECLARED
                && !((TypeElement) ((DeclaredType) superclass).asElement()).getQualifiedName().contentEquals(
                        "java.lang.Object")) {
            error(Messages.stateShape(name, Messages.STATE_EXTENDS), state, null, null);
        }
        if (!state.getInterfaces().isEmpty()) {
            error(Messages.stateShape(name, Messages.STATE_IMPLEMENTS), state, null, null);
        }
        for (Element member : state.getEnclosedElements()) {
            switch (member.getKind()) {
                case FIELD -> checkStateField(name, (VariableElement) member);
                case CONSTRUCTOR -> {
                    if (!((ExecutableElement) member).getParameters().isEmpty()) {
                        error(Messages.stateShape(name, Messages.STATE_CONSTRUCTOR), member, null, null);
                    }
                }
                default -> error(Messages.stateShape(name, Messages.stateMember(
                        member.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))), member,
                        null, null);
            }
        }
    }

    private void checkStateField(String className, VariableElement field) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
            error(Messages.stateShape(className, Messages.stateStaticField(field.getSimpleName().toString())), field,
                    null, null);
            return;
        }
        TypeMirror t = field.asType();
        boolean fits = t.getKind().isPrimitive() && t.getKind() != TypeKind.FLOAT && t.getKind() != TypeKind.DOUBLE
                || t.getKind() == TypeKind.ARRAY && isIntegralOrBoolean(((ArrayType) t).getComponentType());
        if (!fits) {
            error(Messages.stateFieldType(field.getSimpleName().toString(), t.toString()), field, null, null);
        }
    }

    private static boolean isIntegralOrBoolean(TypeMirror t) {
        return t.getKind().isPrimitive() && t.getKind() != TypeKind.FLOAT && t.getKind() != TypeKind.DOUBLE;
    }

    // --- annotation values ---

    private int intValue(AnnotationMirror ann, String name, long min, long max, String unit) {
        int v = ((Number) Annotations.value(ann, name).getValue()).intValue();
        if (v < min || v > max) {
            error(Messages.outOfRange(name, v, min, max, unit), null, ann, Annotations.explicitValue(ann, name));
        }
        return v;
    }

    private void error(String message, Element element, AnnotationMirror ann, AnnotationValue value) {
        problems.add(new Problem(message, element != null ? element : current, ann, value));
    }
}
