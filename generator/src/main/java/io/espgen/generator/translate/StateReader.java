package io.espgen.generator.translate;

import io.espgen.dsl.Limits;
import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.StateField;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.core.dom.ArrayCreation;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.FieldDeclaration;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.Modifier;
import org.eclipse.jdt.core.dom.TypeDeclaration;
import org.eclipse.jdt.core.dom.VariableDeclarationFragment;

/**
 * Reads the state class's fields with their initializers, which the annotation-processing API cannot
 * see. The scanner has already checked the field types; this checks the initializers are constants.
 */
public final class StateReader {

    private StateReader() {}

    public static List<StateField> read(TypeDeclaration type, JavaSource source, Diagnostics diagnostics) {
        List<StateField> fields = new ArrayList<>();
        java.util.Set<String> members = new java.util.HashSet<>();
        for (FieldDeclaration fd : type.getFields()) {
            if (Modifier.isStatic(fd.getModifiers())) {
                continue; // reported by the scanner
            }
            ITypeBinding declared = fd.getType().resolveBinding();
            for (Object o : fd.fragments()) {
                VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
                ITypeBinding t = declared;
                if (t != null && frag.getExtraDimensions() > 0) {
                    t = t.createArrayType(frag.getExtraDimensions());
                }
                StateField f = field(frag, t, source, diagnostics);
                if (f != null) {
                    // snake_case is not one to one (fooBar, foo_bar): the later one is numbered
                    String base = CNames.field(f.javaName());
                    String member = base;
                    for (int i = 2; !members.add(member); i++) {
                        member = base + "_" + i;
                    }
                    fields.add(new StateField(f.javaName(), f.type(), f.arrayLength(), f.initializer(), f.line(),
                            member));
                }
            }
        }
        return fields;
    }

    private static StateField field(VariableDeclarationFragment frag, ITypeBinding t, JavaSource source,
            Diagnostics diagnostics) {
        String name = frag.getName().getIdentifier();
        int line = source.line(frag.getStartPosition());
        if (t == null) {
            return null;
        }
        Expression init = frag.getInitializer();
        if (t.isArray()) {
            JavaType element = t.getDimensions() == 1 ? JavaType.ofJavaName(t.getElementType().getName()) : null;
            if (element == null) {
                return null; // the scanner reported the type
            }
            int length = arrayLength(init);
            if (length < 1 || length > Limits.MAX_ARRAY_LENGTH) {
                ErrorAt at = init == null ? new ErrorAt(frag) : new ErrorAt(init);
                diagnostics.error(at.start, at.length, Messages.stateArrayInit(name));
                return null;
            }
            return new StateField(name, element, length, null, line, null);
        }
        JavaType type = JavaType.ofJavaName(t.getName());
        if (type == null) {
            return null;
        }
        String cInit = null;
        if (init != null) {
            Object v = init.resolveConstantExpressionValue();
            cInit = JavaConstants.cLiteral(v);
            if (cInit == null) {
                diagnostics.error(init.getStartPosition(), init.getLength(), Messages.stateInit(name));
                return null;
            }
            if (cInit.equals("0") || cInit.equals("false") || cInit.equals("0LL")) {
                cInit = null; // the struct starts zeroed
            }
        }
        return new StateField(name, type, 0, cInit, line, null);
    }

    private static int arrayLength(Expression init) {
        if (!(init instanceof ArrayCreation ac) || ac.getInitializer() != null || ac.dimensions().size() != 1) {
            return -1;
        }
        Object v = ((Expression) ac.dimensions().get(0)).resolveConstantExpressionValue();
        return v instanceof Integer i ? i : -1;
    }

    private record ErrorAt(int start, int length) {
        ErrorAt(org.eclipse.jdt.core.dom.ASTNode node) {
            this(node.getStartPosition(), node.getLength());
        }
    }
}
