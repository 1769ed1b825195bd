package io.espgen.generator.translate;

import io.espgen.dsl.Limits;
import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.ConstTable;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.PinDecl;
import io.espgen.generator.model.SharedField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.core.dom.ArrayCreation;
import org.eclipse.jdt.core.dom.ArrayInitializer;
import org.eclipse.jdt.core.dom.CastExpression;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.FieldDeclaration;
import org.eclipse.jdt.core.dom.IBinding;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.InfixExpression;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.Modifier;
import org.eclipse.jdt.core.dom.Name;
import org.eclipse.jdt.core.dom.ParenthesizedExpression;
import org.eclipse.jdt.core.dom.PrefixExpression;
import org.eclipse.jdt.core.dom.QualifiedName;
import org.eclipse.jdt.core.dom.SimpleName;
import org.eclipse.jdt.core.dom.TypeDeclaration;
import org.eclipse.jdt.core.dom.VariableDeclarationFragment;

/**
 * Reads the server class's static fields from the source, which shows their initializers: state shared by
 * all clients (C globals), constant tables (flash arrays), and constants Java does not fold but the
 * processor can ({@code static final int N = PAGE.length() + 2}). The scanner has checked their types.
 */
public final class ServerFields {

    private final List<SharedField> shared = new ArrayList<>();
    private final List<ConstTable> tables = new ArrayList<>();
    private final List<PinDecl> pins = new ArrayList<>();
    /** Constants the processor folded, by field binding key: their value as a C literal. */
    private final Map<String, String> folded = new LinkedHashMap<>();
    private final Set<String> folding = new HashSet<>();
    private final Map<String, VariableDeclarationFragment> declarations = new LinkedHashMap<>();
    private final JavaSource source;
    private final Diagnostics diagnostics;

    private ServerFields(JavaSource source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** Reads the fields of type; names hands out the globals' and tables' C names. */
    public static ServerFields read(TypeDeclaration type, JavaSource source, Diagnostics diagnostics,
            ServerNames names) {
        ServerFields f = new ServerFields(source, diagnostics);
        List<FieldDeclaration> statics = new ArrayList<>();
        for (FieldDeclaration fd : type.getFields()) {
            if (Modifier.isStatic(fd.getModifiers())) {
                statics.add(fd);
                for (Object o : fd.fragments()) {
                    VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
                    IVariableBinding b = frag.resolveBinding();
                    if (b != null) {
                        f.declarations.put(b.getKey(), frag);
                    }
                }
            }
        }
        for (FieldDeclaration fd : statics) {
            boolean isFinal = Modifier.isFinal(fd.getModifiers());
            for (Object o : fd.fragments()) {
                f.field((VariableDeclarationFragment) o, isFinal, names);
            }
        }
        return f;
    }

    public List<SharedField> shared() {
        return List.copyOf(shared);
    }

    public List<ConstTable> tables() {
        return List.copyOf(tables);
    }

    /** The pins, in declaration order. */
    public List<PinDecl> pins() {
        return List.copyOf(pins);
    }

    /** The C literal of a static final field the processor folded, or null. */
    public String folded(IVariableBinding v) {
        return v == null ? null : folded.get(v.getVariableDeclaration().getKey());
    }

    private void field(VariableDeclarationFragment frag, boolean isFinal, ServerNames names) {
        IVariableBinding b = frag.resolveBinding();
        if (b == null || b.getType() == null) {
            return;
        }
        String name = frag.getName().getIdentifier();
        int line = source.line(frag.getStartPosition());
        ITypeBinding t = b.getType();
        Expression init = frag.getInitializer();
        if (isFinal && b.getConstantValue() != null) {
            return; // a Java constant: a macro where it is used
        }
        if (t.getQualifiedName().equals(io.espgen.generator.model.DslTypes.PIN)) {
            if (isFinal) {
                pin(frag, name, line, names);
            }
            return; // a changing Pin was reported by the scanner
        }
        if (t.getQualifiedName().equals("java.lang.String")) {
            if (isFinal) {
                error(init == null ? frag : init, Messages.constantInit(name));
            }
            return; // a changing String was reported by the scanner
        }
        if (t.isPrimitive()) {
            JavaType jt = JavaType.ofJavaName(t.getName());
            if (jt == null) {
                return; // floating point: reported by the scanner
            }
            if (isFinal) {
                String v = init == null ? null : fold(init);
                if (v == null) {
                    error(init == null ? frag : init, Messages.constantInit(name));
                } else {
                    folded.put(b.getKey(), v);
                }
                return;
            }
            String cInit = null;
            if (init != null) {
                cInit = fold(init);
                if (cInit == null) {
                    error(init, Messages.sharedInit(name));
                    return;
                }
                if (cInit.equals("0") || cInit.equals("false") || cInit.equals("0LL")) {
                    cInit = null; // .bss starts zeroed
                }
            }
            shared.add(new SharedField(name, names.global(name), jt, List.of(), cInit, line));
            return;
        }
        if (!t.isArray() || t.getDimensions() > 2) {
            return; // reported by the scanner
        }
        JavaType element = JavaType.ofJavaName(t.getElementType().getName());
        if (element == null) {
            return;
        }
        ArrayInitializer list = init instanceof ArrayInitializer ai ? ai
                : init instanceof ArrayCreation ac && ac.getInitializer() != null ? ac.getInitializer() : null;
        if (list != null && t.getDimensions() == 1) {
            List<String> values = values(list);
            if (values == null || values.isEmpty() || values.size() > Limits.MAX_ARRAY_LENGTH) {
                error(init, isFinal ? Messages.tableInit(name) : Messages.sharedInit(name));
                return;
            }
            if (isFinal) {
                if (element == JavaType.LONG) {
                    error(init, Messages.tableType(name));
                    return;
                }
                tables.add(new ConstTable(name, names.global(name), element, values, line));
            } else {
                shared.add(new SharedField(name, names.global(name), element, List.of(values.size()),
                        "{ " + String.join(", ", values) + " }", line));
            }
            return;
        }
        List<Integer> dims = dims(init, t.getDimensions());
        if (dims == null) {
            error(init == null ? frag : init, Messages.sharedInit(name));
            return;
        }
        shared.add(new SharedField(name, names.global(name), element, dims, null, line));
    }

    private List<String> values(ArrayInitializer list) {
        List<String> out = new ArrayList<>();
        for (Object o : list.expressions()) {
            String v = fold((Expression) o);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    /** The sizes of new T[N] or new T[N][M], each a constant from 1 to the limit; null otherwise. */
    private List<Integer> dims(Expression init, int dimensions) {
        if (!(init instanceof ArrayCreation ac) || ac.getInitializer() != null || ac.dimensions().size() != dimensions) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : ac.dimensions()) {
            Integer n = foldInt((Expression) o);
            if (n == null || n < 1 || n > Limits.MAX_ARRAY_LENGTH) {
                return null;
            }
            out.add(n);
        }
        // an array of arrays holds no more elements than one array may
        return out.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b) <= Limits.MAX_ARRAY_LENGTH
                ? out : null;
    }

    /** e as a C literal when it is constant to the processor; else null. */
    private String fold(Expression e) {
        Object v = e.resolveConstantExpressionValue();
        if (v != null) {
            return JavaConstants.cLiteral(v);
        }
        Integer i = foldInt(e);
        return i == null ? null : JavaConstants.cLiteral(i);
    }

    /**
     * An int expression Java does not fold but the processor can: CONSTANT.length() of a String constant
     * (Java's length, in chars), other folded constants, and int arithmetic on them, with Java's semantics.
     */
    Integer foldInt(Expression e) {
        Object v = e.resolveConstantExpressionValue();
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Character c) {
            return (int) c;
        }
        if (v != null) {
            return null;
        }
        if (e instanceof ParenthesizedExpression p) {
            return foldInt(p.getExpression());
        }
        if (e instanceof CastExpression c && c.getType().isPrimitiveType()
                && c.getType().toString().equals("int")) {
            return foldInt(c.getExpression());
        }
        if (e instanceof MethodInvocation m && m.getName().getIdentifier().equals("length")
                && m.arguments().isEmpty() && m.getExpression() != null
                && m.getExpression().resolveConstantExpressionValue() instanceof String s) {
            return s.length();
        }
        if (e instanceof Name n) {
            IBinding b = n.resolveBinding();
            if (b instanceof IVariableBinding var && var.isField()) {
                String key = var.getVariableDeclaration().getKey();
                VariableDeclarationFragment decl = declarations.get(key);
                if (decl != null && decl.getInitializer() != null && Modifier.isFinal(var.getModifiers())
                        && var.getType().getName().equals("int") && folding.add(key)) {
                    try {
                        return foldInt(decl.getInitializer());
                    } finally {
                        folding.remove(key);
                    }
                }
            }
            return null;
        }
        if (e instanceof PrefixExpression p) {
            Integer x = foldInt(p.getOperand());
            if (x == null) {
                return null;
            }
            String op = p.getOperator().toString();
            return op.equals("-") ? -x : op.equals("~") ? ~x : op.equals("+") ? x : null;
        }
        if (e instanceof InfixExpression i) {
            Integer acc = foldInt(i.getLeftOperand());
            List<Expression> rest = new ArrayList<>();
            rest.add(i.getRightOperand());
            for (Object o : i.extendedOperands()) {
                rest.add((Expression) o);
            }
            for (Expression r : rest) {
                Integer x = foldInt(r);
                if (acc == null || x == null) {
                    return null;
                }
                acc = apply(i.getOperator().toString(), acc, x);
            }
            return acc;
        }
        return null;
    }

    private static Integer apply(String op, int a, int b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? null : a / b;
            case "%" -> b == 0 ? null : a % b;
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case ">>>" -> a >>> b;
            case "&" -> a & b;
            case "|" -> a | b;
            case "^" -> a ^ b;
            default -> null;
        };
    }

    /** {@code static final Pin LED = Pin.output(2)}: a call of a Pin factory with a constant GPIO number. */
    private void pin(VariableDeclarationFragment frag, String name, int line, ServerNames names) {
        Expression init = frag.getInitializer();
        PinDecl.Mode mode = null;
        Expression arg = null;
        if (init instanceof MethodInvocation m && m.arguments().size() == 1 && m.resolveMethodBinding() != null
                && m.resolveMethodBinding().getDeclaringClass().getQualifiedName()
                        .equals(io.espgen.generator.model.DslTypes.PIN)) {
            arg = (Expression) m.arguments().get(0);
            for (PinDecl.Mode candidate : PinDecl.Mode.values()) {
                if (candidate.factory().equals("Pin." + m.getName().getIdentifier())) {
                    mode = candidate;
                }
            }
        }
        Object gpio = arg == null ? null : arg.resolveConstantExpressionValue();
        if (mode == null || !(gpio instanceof Integer)) {
            error(init == null ? frag : init, Messages.pinInit(name));
            return;
        }
        int n = (Integer) gpio;
        String bad = Messages.badGpio(n);
        if (bad == null && n == Limits.RTC_GPIO && mode == PinDecl.Mode.INPUT_PULL_UP) {
            bad = Messages.rtcPullUp();
        }
        if (bad != null) {
            error(arg, bad);
            return;
        }
        for (PinDecl p : pins) {
            if (p.gpio() == n) {
                error(arg, Messages.pinTwice(n, p.javaName()));
                return;
            }
        }
        pins.add(new PinDecl(name, n, mode, names.macro(name), line));
    }

    private void error(org.eclipse.jdt.core.dom.ASTNode at, String message) {
        diagnostics.error(at.getStartPosition(), at.getLength(), message);
    }

    /** Whether n names a shared field or a table of this server (for the translator). */
    static String key(SimpleName n) {
        return n.resolveBinding() instanceof IVariableBinding v ? v.getVariableDeclaration().getKey() : null;
    }

    static String key(QualifiedName q) {
        return key(q.getName());
    }
}
