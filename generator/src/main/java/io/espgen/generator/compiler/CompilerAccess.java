package io.espgen.generator.compiler;

import io.espgen.generator.diag.Diagnostics;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * What the processor needs from the compiler it runs in and the annotation-processing API does not give:
 * the source text of a server (method bodies are invisible to the API) and errors at offsets in it, on the
 * statement rather than on an element. javac gives both through its Trees API ({@link JavacAccess}); the
 * Eclipse compiler (Eclipse, VS Code, {@code org.eclipse.jdt:ecj}) through its compilation units and
 * problems ({@link EcjAccess}). Everything else, the translator included, is the same under both.
 */
public interface CompilerAccess {

    /** The compiler that runs {@code env}: javac, ECJ, or neither (no source access). */
    static CompilerAccess of(ProcessingEnvironment env) {
        if (EcjAccess.isEcj(env)) {
            return new EcjAccess(env);
        }
        return JavacAccess.of(env).orElseGet(() -> new ApiOnly(env));
    }

    /** The text of the file declaring {@code type}, as the compiler read it; empty if not reachable. */
    Optional<SourceText> source(TypeElement type);

    /** Where errors at offsets of {@code source} (the file of {@code type}) are reported. */
    Diagnostics diagnostics(TypeElement type, SourceText source);

    /**
     * Reports on an element, an annotation of it, or one of its values, where javac puts such a message (on
     * the value itself for a value); {@code annotation} and {@code value} may be null.
     */
    void report(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
            AnnotationValue value);

    /** Neither javac nor ECJ: messages on elements only, and no source. */
    final class ApiOnly implements CompilerAccess {

        private final ProcessingEnvironment env;

        ApiOnly(ProcessingEnvironment env) {
            this.env = env;
        }

        @Override
        public Optional<SourceText> source(TypeElement type) {
            return Optional.empty();
        }

        @Override
        public Diagnostics diagnostics(TypeElement type, SourceText source) {
            return new ElementDiagnostics(env.getMessager(), type, source);
        }

        @Override
        public void report(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
                AnnotationValue value) {
            env.getMessager().printMessage(kind, message, element, annotation, value);
        }
    }
}
