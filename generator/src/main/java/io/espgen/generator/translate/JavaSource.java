package io.espgen.generator.translate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.core.dom.AST;
import org.eclipse.jdt.core.dom.ASTParser;
import org.eclipse.jdt.core.dom.AbstractTypeDeclaration;
import org.eclipse.jdt.core.dom.CompilationUnit;
import org.eclipse.jdt.core.dom.TypeDeclaration;

/**
 * A server's source file parsed by Eclipse JDT Core with bindings resolved, so the translator knows the
 * type of every expression and the value of every constant. Method bodies are invisible to the
 * annotation-processing API; this is how the processor reads them.
 */
public final class JavaSource {

    private final String fileName;
    private final CompilationUnit unit;

    private JavaSource(String fileName, CompilationUnit unit) {
        this.fileName = fileName;
        this.unit = unit;
    }

    /**
     * Parses {@code text}, the source of a file named {@code fileName} in package {@code packageName}.
     *
     * @param classpath jars and class directories the source compiles against (the DSL at least)
     * @param sourceRoots source directories, so other classes of the user's project resolve; may be empty
     */
    public static JavaSource parse(String fileName, String packageName, String text, List<Path> classpath,
            List<Path> sourceRoots) {
        ASTParser parser = ASTParser.newParser(AST.getJLSLatest());
        Map<String, String> options = JavaCore.getOptions();
        JavaCore.setComplianceOptions(JavaCore.VERSION_17, options);
        parser.setCompilerOptions(options);
        parser.setKind(ASTParser.K_COMPILATION_UNIT);
        parser.setSource(text.toCharArray());
        String pkgPath = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
        parser.setUnitName("/" + pkgPath + fileName);
        parser.setResolveBindings(true);
        parser.setBindingsRecovery(true);
        parser.setEnvironment(strings(classpath), strings(sourceRoots), null, true);
        CompilationUnit unit = (CompilationUnit) parser.createAST(null);
        return new JavaSource(fileName, unit);
    }

    private static String[] strings(List<Path> paths) {
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            out.add(p.toString());
        }
        return out.toArray(new String[0]);
    }

    public String fileName() {
        return fileName;
    }

    public CompilationUnit unit() {
        return unit;
    }

    public int line(int offset) {
        return unit.getLineNumber(offset);
    }

    /** The top-level type named {@code simpleName}, or null. */
    public TypeDeclaration type(String simpleName) {
        for (Object t : unit.types()) {
            if (t instanceof TypeDeclaration td && td.getName().getIdentifier().equals(simpleName)) {
                return td;
            }
        }
        return null;
    }

    /** A type nested directly in {@code outer}, or null. */
    public static TypeDeclaration nested(AbstractTypeDeclaration outer, String simpleName) {
        for (Object d : outer.bodyDeclarations()) {
            if (d instanceof TypeDeclaration td && td.getName().getIdentifier().equals(simpleName)) {
                return td;
            }
        }
        return null;
    }
}
