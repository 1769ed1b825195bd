package io.espgen.generator.compiler;

import io.espgen.generator.diag.Diagnostics;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Eclipse compiler (ECJ: Eclipse's builder and editor, VS Code's Java support, {@code org.eclipse.jdt:ecj}).
 *
 * <p>Source: an ECJ element of a type being compiled holds its {@code SourceTypeBinding}, whose scope's
 * declaration knows its {@code CompilationResult}, whose {@code compilationUnit.getContents()} is the text
 * ECJ parsed (an editor's unsaved buffer when Eclipse reconciles), so the offsets JDT's parser finds in it
 * are ECJ's offsets.
 *
 * <p>Errors: ECJ's Messager ({@code BaseMessagerImpl.createProblem}) places a message only on an element,
 * an annotation or a member-value pair. A message at a statement is made the way ECJ's own Messager makes
 * one, by {@code BaseMessagerImpl.createProblem} on the server's type (which fills in the file and the
 * compilation unit), then moved to the statement with the public setters of ECJ's {@code DefaultProblem}
 * (start, end, line, column), and handed to ECJ as its Messager hands its own (see {@link #record}). A
 * message on a member value is moved from the pair's name ({@code port = 70000}) to the value, where javac
 * puts it.
 *
 * <p>ECJ's classes are internal and live in the compiler's class loader (the processor may be loaded apart,
 * as Eclipse loads a factory path), so they are reached by reflection on the objects ECJ hands the
 * processor; if a future ECJ changes them, the source is reported unreachable and messages fall back to
 * the element with the line and column in the text, never to a wrong place.
 */
final class EcjAccess implements CompilerAccess {

    private static final String ENV = "org.eclipse.jdt.internal.compiler.apt.dispatch.BaseProcessingEnvImpl";
    private static final String MESSAGER = "org.eclipse.jdt.internal.compiler.apt.dispatch.BaseMessagerImpl";

    /** {@code name =} at the start of a member-value pair. */
    private static final Pattern PAIR_NAME = Pattern.compile("\\G\\s*[\\p{javaJavaIdentifierStart}]"
            + "[\\p{javaJavaIdentifierPart}]*\\s*=\\s*");

    private final ProcessingEnvironment env;

    EcjAccess(ProcessingEnvironment env) {
        this.env = env;
    }

    static boolean isEcj(ProcessingEnvironment env) {
        for (Class<?> c = env.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(ENV)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<SourceText> source(TypeElement type) {
        try {
            Object result = compilationResult(type);
            if (result == null) {
                return Optional.empty();
            }
            Object unit = field(result, "compilationUnit");
            char[] contents = unit == null ? null : (char[]) invoke(unit, "getContents");
            char[] fileName = (char[]) field(result, "fileName");
            if (contents == null || fileName == null) {
                return Optional.empty();
            }
            String path = new String(fileName);
            String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
            return Optional.of(new SourceText(name, new String(contents)));
        } catch (ReflectiveOperationException | RuntimeException changedEcj) {
            return Optional.empty();
        }
    }

    @Override
    public Diagnostics diagnostics(TypeElement type, SourceText source) {
        ElementDiagnostics fallback = new ElementDiagnostics(env.getMessager(), type, source);
        return new Diagnostics() {
            private boolean errors;

            @Override
            public void error(int start, int length, String message) {
                errors = true;
                if (!place(Diagnostic.Kind.ERROR, message, type, start, start + length, source)) {
                    fallback.error(start, length, message);
                }
            }

            @Override
            public void warning(int start, int length, String message) {
                if (!place(Diagnostic.Kind.WARNING, message, type, start, start + length, source)) {
                    fallback.warning(start, length, message);
                }
            }

            @Override
            public boolean hasErrors() {
                return errors;
            }
        };
    }

    @Override
    public void report(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
            AnnotationValue value) {
        if (value != null && annotation != null && onValue(kind, message, element, annotation, value)) {
            return;
        }
        env.getMessager().printMessage(kind, message, element, annotation, value);
    }

    /** The message on the value of the pair ECJ would mark; false if ECJ could not place it. */
    private boolean onValue(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
            AnnotationValue value) {
        try {
            Object problem = createProblem(kind, message, element, annotation, value);
            Object context = problem.getClass().getField("_referenceContext").get(problem);
            if (context == null) {
                return false;
            }
            Object result = invoke(context, "compilationResult");
            Object unit = field(result, "compilationUnit");
            if (unit == null) {
                return false;
            }
            String text = new String((char[]) invoke(unit, "getContents"));
            // ECJ marks the pair's name (sourceStart..sourceEnd of the MemberValuePair); javac the value
            int start = (int) invoke(problem, "getSourceStart");
            int end = (int) invoke(problem, "getSourceEnd") + 1;
            Matcher name = PAIR_NAME.matcher(text).region(Math.max(0, Math.min(start, text.length())),
                    text.length());
            if (name.lookingAt() && name.end() >= end) {
                start = name.end();
                end = start + Math.max(1, value.toString().length());
            }
            move(problem, start, end, new SourceText("", text));
            record(kind, problem, context);
            return true;
        } catch (ReflectiveOperationException | RuntimeException changedEcj) {
            return false;
        }
    }

    /** Reports at [start, end) of the file of {@code type}; false if ECJ could not place it. */
    private boolean place(Diagnostic.Kind kind, String message, TypeElement type, int start, int end,
            SourceText source) {
        try {
            Object problem = createProblem(kind, message, type, null, null);
            Object context = problem.getClass().getField("_referenceContext").get(problem);
            if (context == null) {
                return false;
            }
            move(problem, start, end, source);
            record(kind, problem, context);
            return true;
        } catch (ReflectiveOperationException | RuntimeException changedEcj) {
            return false;
        }
    }

    private static Object createProblem(Diagnostic.Kind kind, String message, Element element,
            AnnotationMirror annotation, AnnotationValue value) throws ReflectiveOperationException {
        Class<?> messager = Class.forName(MESSAGER, false, element.getClass().getClassLoader());
        Method create = messager.getMethod("createProblem", Diagnostic.Kind.class, CharSequence.class, Element.class,
                AnnotationMirror.class, AnnotationValue.class);
        return create.invoke(null, kind, message, element, annotation, value);
    }

    /** DefaultProblem's positions: start and end inclusive offsets, 1-based line and column. */
    private static void move(Object problem, int start, int end, SourceText source)
            throws ReflectiveOperationException {
        problem.getClass().getMethod("setSourceStart", int.class).invoke(problem, start);
        problem.getClass().getMethod("setSourceEnd", int.class).invoke(problem, Math.max(start, end - 1));
        problem.getClass().getMethod("setSourceLineNumber", int.class).invoke(problem, source.line(start));
        problem.getClass().getField("column").setInt(problem, source.column(start));
    }

    /**
     * Hands the problem to ECJ the way its own Messager would: the batch compiler's ({@code BatchMessagerImpl})
     * adds it to {@code Main.addExtraProblems}, which prints it and reports it to a javax.tools listener
     * (Maven's plexus-compiler-eclipse); Eclipse's ({@code IdeMessagerImpl}) records it into the unit's
     * {@code CompilationResult}, which becomes a marker in the editor and the Problems view.
     */
    private void record(Diagnostic.Kind kind, Object problem, Object context) throws ReflectiveOperationException {
        Object batch = optionalField(env.getMessager(), "_compiler");
        if (batch != null) {
            invoke(batch, "addExtraProblems", problem);
            if (kind == Diagnostic.Kind.ERROR) {
                env.getClass().getMethod("setErrorRaised", boolean.class).invoke(env, true);
            }
            return;
        }
        Object result = invoke(context, "compilationResult");
        invoke(result, "record", problem, context);
    }

    /** The CompilationResult of the unit declaring {@code type}, or null if ECJ compiles it from binary. */
    private static Object compilationResult(TypeElement type) throws ReflectiveOperationException {
        Object binding = field(type, "_binding");
        Object scope = binding == null ? null : optionalField(binding, "scope");
        Object declaration = scope == null ? null : field(scope, "referenceContext");
        return declaration == null ? null : invoke(declaration, "compilationResult");
    }

    /** Calls the public method {@code name} whose parameters accept {@code args}. */
    private static Object invoke(Object target, String name, Object... args) throws ReflectiveOperationException {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static boolean accepts(Method m, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!m.getParameterTypes()[i].isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException next) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }

    private static Object optionalField(Object target, String name) throws ReflectiveOperationException {
        try {
            return field(target, name);
        } catch (NoSuchFieldException binary) {
            return null;
        }
    }
}
