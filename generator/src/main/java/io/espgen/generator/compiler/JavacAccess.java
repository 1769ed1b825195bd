package io.espgen.generator.compiler;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.TreeDiagnostics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** javac: the source through {@link Trees}, errors on the innermost tree at an offset. */
final class JavacAccess implements CompilerAccess {

    private final ProcessingEnvironment env;
    private final Trees trees;

    private JavacAccess(ProcessingEnvironment env, Trees trees) {
        this.env = env;
        this.trees = trees;
    }

    /** Empty when the compiler is not javac ({@link Trees#instance} refuses other environments). */
    static Optional<CompilerAccess> of(ProcessingEnvironment env) {
        try {
            return Optional.of(new JavacAccess(env, Trees.instance(env)));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<SourceText> source(TypeElement type) {
        CompilationUnitTree unit = unit(type);
        if (unit == null) {
            return Optional.empty();
        }
        try {
            String text = unit.getSourceFile().getCharContent(true).toString();
            String path = unit.getSourceFile().toUri().getPath();
            String name = path == null ? type.getSimpleName() + ".java" : Path.of(path).getFileName().toString();
            return Optional.of(new SourceText(name, text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Diagnostics diagnostics(TypeElement type, SourceText source) {
        return new TreeDiagnostics(trees, unit(type), env.getMessager(), type);
    }

    @Override
    public void report(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
            AnnotationValue value) {
        env.getMessager().printMessage(kind, message, element, annotation, value);
    }

    private CompilationUnitTree unit(TypeElement type) {
        TreePath path = trees.getPath(type);
        return path == null ? null : path.getCompilationUnit();
    }
}
