package io.espgen.generator.translate;

import io.espgen.templates.CStrings;
import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.FlashText;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import io.espgen.generator.translate.ir.CExpr;
import io.espgen.generator.translate.ir.CStmt;
import io.espgen.generator.translate.ir.CText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.ASTVisitor;
import org.eclipse.jdt.core.dom.ArrayAccess;
import org.eclipse.jdt.core.dom.Assignment;
import org.eclipse.jdt.core.dom.Block;
import org.eclipse.jdt.core.dom.BooleanLiteral;
import org.eclipse.jdt.core.dom.BreakStatement;
import org.eclipse.jdt.core.dom.CastExpression;
import org.eclipse.jdt.core.dom.CharacterLiteral;
import org.eclipse.jdt.core.dom.ConditionalExpression;
import org.eclipse.jdt.core.dom.ContinueStatement;
import org.eclipse.jdt.core.dom.DoStatement;
import org.eclipse.jdt.core.dom.EmptyStatement;
import org.eclipse.jdt.core.dom.EnhancedForStatement;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.ExpressionStatement;
import org.eclipse.jdt.core.dom.FieldAccess;
import org.eclipse.jdt.core.dom.ForStatement;
import org.eclipse.jdt.core.dom.IBinding;
import org.eclipse.jdt.core.dom.IMethodBinding;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.IfStatement;
import org.eclipse.jdt.core.dom.InfixExpression;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.Name;
import org.eclipse.jdt.core.dom.NumberLiteral;
import org.eclipse.jdt.core.dom.ParenthesizedExpression;
import org.eclipse.jdt.core.dom.PostfixExpression;
import org.eclipse.jdt.core.dom.PrefixExpression;
import org.eclipse.jdt.core.dom.QualifiedName;
import org.eclipse.jdt.core.dom.ReturnStatement;
import org.eclipse.jdt.core.dom.SimpleName;
import org.eclipse.jdt.core.dom.Statement;
import org.eclipse.jdt.core.dom.StringLiteral;
import org.eclipse.jdt.core.dom.SwitchCase;
import org.eclipse.jdt.core.dom.SwitchStatement;
import org.eclipse.jdt.core.dom.ThisExpression;
import org.eclipse.jdt.core.dom.VariableDeclarationExpression;
import org.eclipse.jdt.core.dom.VariableDeclarationFragment;
import org.eclipse.jdt.core.dom.VariableDeclarationStatement;
import org.eclipse.jdt.core.dom.WhileStatement;
import org.eclipse.jdt.core.dom.YieldStatement;

/**
 * Translates one method body (a handler's or a helper's) from the JDT AST into the C IR. A whitelist:
 * every construct not handled here is reported where it stands, with what to write instead, and
 * translation goes on so that one compile reports every violation.
 */
public final class BodyTranslator {

    private static final String CONNECTION = "io.espgen.dsl.Connection";
    private static final String BYTES = "io.espgen.dsl.Bytes";
    private static final String LOG = "io.espgen.dsl.Log";
    private static final String TEXT = "io.espgen.dsl.Text";
    private static final String CONNECTION_ERROR = "io.espgen.dsl.ConnectionError";
    private static final String STRING = "java.lang.String";
    private static final CExpr ERROR_VALUE = CExpr.atom("0");
    private static final String NO_FPU = "the ESP8266 has no FPU; use int, in fixed point if needed";

    private final Scope scope;
    private final Diagnostics diagnostics;
    /** The helper being translated (its binding key), or null for a handler. */
    private final String self;
    /** The C type a return statement returns, or null in a void method. */
    private final JavaType returns;
    /** Locals by binding key: Java's scoping already rules out clashes between live locals. */
    private final Map<String, String> locals = new HashMap<>();

    public BodyTranslator(Scope scope, Diagnostics diagnostics, String self, JavaType returns) {
        this.scope = scope;
        this.diagnostics = diagnostics;
        this.self = self;
        this.returns = returns;
    }

    public List<CStmt> translate(Block body) {
        List<CStmt> stmts = block(body).stmts();
        return markUnused(stmts, CText.of(stmts));
    }

    /** javac accepts a local that is never read; gcc -Wall does not: such locals are cast to void. */
    private static List<CStmt> markUnused(List<CStmt> stmts, String text) {
        List<CStmt> out = new ArrayList<>();
        for (CStmt s : stmts) {
            out.add(markUnused(s, text));
            if (s instanceof CStmt.Decl d && CText.reads(text, d.name()) == 0) {
                out.add(new CStmt.ExprStmt(new CExpr.Cast("void", CExpr.atom(d.name()))));
            }
        }
        return out;
    }

    private static CStmt markUnused(CStmt s, String text) {
        if (s instanceof CStmt.Block b) {
            return new CStmt.Block(markUnused(b.stmts(), text));
        }
        if (s instanceof CStmt.If i) {
            return new CStmt.If(i.cond(), (CStmt.Block) markUnused(i.then(), text),
                    i.orElse() == null ? null : markUnused(i.orElse(), text));
        }
        if (s instanceof CStmt.While w) {
            return new CStmt.While(w.cond(), (CStmt.Block) markUnused(w.body(), text));
        }
        if (s instanceof CStmt.DoWhile d) {
            return new CStmt.DoWhile((CStmt.Block) markUnused(d.body(), text), d.cond());
        }
        if (s instanceof CStmt.For f) {
            return new CStmt.For(f.init(), f.cond(), f.updates(), (CStmt.Block) markUnused(f.body(), text));
        }
        if (s instanceof CStmt.Switch w) {
            List<CStmt.Case> cases = new ArrayList<>();
            for (CStmt.Case c : w.cases()) {
                cases.add(new CStmt.Case(c.labels(), c.isDefault(), markUnused(c.stmts(), text)));
            }
            return new CStmt.Switch(w.selector(), cases);
        }
        return s;
    }

    // --- statements ---

    private CStmt.Block block(Statement s) {
        List<CStmt> out = new ArrayList<>();
        if (s instanceof Block b) {
            for (Object o : b.statements()) {
                statement((Statement) o, out);
            }
        } else {
            statement(s, out);
        }
        return new CStmt.Block(out);
    }

    private void statement(Statement s, List<CStmt> out) {
        if (scope.lineFile() != null && !(s instanceof Block)) {
            out.add(new CStmt.Line(scope.line(s.getStartPosition()), scope.lineFile()));
        }
        if (s instanceof Block b) {
            out.add(block(b));
        } else if (s instanceof EmptyStatement) {
            return;
        } else if (s instanceof VariableDeclarationStatement v) {
            declarations(v, out);
        } else if (s instanceof ExpressionStatement e) {
            out.add(expressionStatement(e.getExpression()));
        } else if (s instanceof YieldStatement y && y.isImplicit() && y.getParent() instanceof SwitchStatement) {
            // JDT's form of a switch statement's rule "case 1 -> n++;": the expression, as a statement
            out.add(expressionStatement(y.getExpression()));
        } else if (s instanceof IfStatement i) {
            out.add(ifStatement(i));
        } else if (s instanceof WhileStatement w) {
            out.add(new CStmt.While(value(w.getExpression()), block(w.getBody())));
        } else if (s instanceof DoStatement d) {
            out.add(new CStmt.DoWhile(block(d.getBody()), value(d.getExpression())));
        } else if (s instanceof ForStatement f) {
            out.add(forStatement(f));
        } else if (s instanceof EnhancedForStatement f) {
            out.add(forEach(f));
        } else if (s instanceof SwitchStatement w) {
            out.add(switchStatement(w));
        } else if (s instanceof BreakStatement b) {
            if (b.getLabel() != null) {
                unsupported(b, "a labeled break", "restructure the loops or use a boolean flag");
            }
            out.add(new CStmt.Break());
        } else if (s instanceof ContinueStatement c) {
            if (c.getLabel() != null) {
                unsupported(c, "a labeled continue", "restructure the loops or use a boolean flag");
            }
            out.add(new CStmt.Continue());
        } else if (s instanceof ReturnStatement r) {
            out.add(returnStatement(r));
        } else {
            unsupported(s, describeStatement(s), insteadForStatement(s));
        }
    }

    private CStmt returnStatement(ReturnStatement r) {
        if (r.getExpression() == null) {
            return new CStmt.Return(null);
        }
        if (returns == null) {
            unsupported(r.getExpression(), "returning a value from a handler", null);
            return new CStmt.Return(null);
        }
        return new CStmt.Return(value(r.getExpression()));
    }

    private CStmt ifStatement(IfStatement i) {
        CStmt orElse = null;
        if (i.getElseStatement() instanceof IfStatement elseIf) {
            orElse = ifStatement(elseIf);
        } else if (i.getElseStatement() != null) {
            orElse = block(i.getElseStatement());
        }
        return new CStmt.If(value(i.getExpression()), block(i.getThenStatement()), orElse);
    }

    private CStmt forStatement(ForStatement f) {
        String init;
        List<?> inits = f.initializers();
        if (inits.size() == 1 && inits.get(0) instanceof VariableDeclarationExpression vde) {
            init = declarationText(vde);
        } else {
            List<String> parts = new ArrayList<>();
            for (Object o : inits) {
                parts.add(sideEffect((Expression) o).render());
            }
            init = String.join(", ", parts);
        }
        CExpr cond = f.getExpression() == null ? null : value(f.getExpression());
        List<CExpr> updates = new ArrayList<>();
        for (Object o : f.updaters()) {
            updates.add(sideEffect((Expression) o));
        }
        return new CStmt.For(init, cond, updates, block(f.getBody()));
    }

    private String declarationText(VariableDeclarationExpression vde) {
        JavaType jt = primitive(vde.getType().resolveBinding(), vde.getType());
        List<String> parts = new ArrayList<>();
        for (Object o : vde.fragments()) {
            VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
            String text = declareLocal(frag);
            if (frag.getInitializer() != null) {
                text += " = " + value(frag.getInitializer()).render();
            }
            parts.add(text);
        }
        return (jt == null ? "int" : jt.cName()) + " " + String.join(", ", parts);
    }

    /** {@code for (byte b : data)} and {@code for (int x : s.values)}: an index loop over the bytes or array. */
    private CStmt forEach(EnhancedForStatement f) {
        ITypeBinding varType = f.getParameter().getType().resolveBinding();
        JavaType jt = primitive(varType, f.getParameter().getType());
        String var = declareLocal(f.getParameter().getName(), f.getParameter().resolveBinding());
        String index = var + "_index";
        CExpr length;
        CExpr element;
        Value bytes = param(f.getExpression(), Kind.BYTES);
        ArrayRef array = bytes == null ? arrayRef(f.getExpression()) : null;
        if (bytes != null) {
            length = new CExpr.Cast("int", new CExpr.Member(CExpr.atom(bytes.cName()), "len", false));
            element = new CExpr.Cast("sint8", new CExpr.Index(
                    new CExpr.Member(CExpr.atom(bytes.cName()), "data", false), CExpr.atom(index)));
        } else if (array != null) {
            length = array.length();
            element = new CExpr.Index(array.base(), CExpr.atom(index));
        } else {
            unsupported(f.getExpression(), "a for-each loop over this",
                    "loop over the received Bytes or a state array");
            return new CStmt.Block(List.of());
        }
        List<CStmt> body = new ArrayList<>();
        body.add(new CStmt.Decl(jt == null ? "int" : jt.cName(), var, element));
        body.addAll(block(f.getBody()).stmts());
        return new CStmt.For("int " + index + " = 0", new CExpr.Binary(CExpr.atom(index), "<", length),
                List.of(new CExpr.Postfix(CExpr.atom(index), "++")), new CStmt.Block(body));
    }

    private CStmt switchStatement(SwitchStatement w) {
        ITypeBinding t = w.getExpression().resolveTypeBinding();
        boolean isError = t != null && t.getQualifiedName().equals(CONNECTION_ERROR);
        if (t != null && t.getQualifiedName().equals(STRING)) {
            unsupported(w.getExpression(), "a switch on a String",
                    "handler code has no String values: compare received bytes with data.contentEquals(\"...\")");
            return new CStmt.Block(List.of());
        }
        if (t != null && !isError && !(t.isPrimitive() && JavaType.ofJavaName(t.getName()) != null
                && !t.getName().equals("boolean") && !t.getName().equals("long"))) {
            unsupported(w.getExpression(), "a switch on " + t.getName(),
                    "switch on an int, short, byte or char, or on a ConnectionError");
            return new CStmt.Block(List.of());
        }
        CExpr selector = value(w.getExpression());
        List<CStmt.Case> cases = new ArrayList<>();
        List<String> labels = null;
        boolean isDefault = false;
        List<CStmt> body = new ArrayList<>();
        boolean arrows = false;
        for (Object o : w.statements()) {
            if (o instanceof SwitchCase sc) {
                if (labels != null && !body.isEmpty()) {
                    cases.add(new CStmt.Case(labels, isDefault, body));
                    labels = null;
                    body = new ArrayList<>();
                }
                if (labels == null) {
                    labels = new ArrayList<>();
                    isDefault = false;
                }
                arrows = sc.isSwitchLabeledRule();
                if (sc.isDefault()) {
                    isDefault = true;
                }
                for (Object e : sc.expressions()) {
                    labels.add(caseLabel((Expression) e, isError));
                }
                continue;
            }
            statement((Statement) o, body);
            if (arrows) {
                // a rule runs its one statement and leaves the switch
                if (body.isEmpty() || !(body.get(body.size() - 1) instanceof CStmt.Return)) {
                    body.add(new CStmt.Break());
                }
                cases.add(new CStmt.Case(labels, isDefault, body));
                labels = null;
                body = new ArrayList<>();
            }
        }
        if (labels != null) {
            cases.add(new CStmt.Case(labels, isDefault, body));
        }
        // Java falls through silently; gcc -Wextra (-Wimplicit-fallthrough) wants it said
        for (int k = 0; k < cases.size() - 1; k++) {
            CStmt.Case c = cases.get(k);
            if (!c.stmts().isEmpty() && mayFallThrough(c.stmts().get(c.stmts().size() - 1))) {
                List<CStmt> said = new ArrayList<>(c.stmts());
                said.add(new CStmt.ExprStmt(CExpr.atom("__attribute__((fallthrough))")));
                cases.set(k, new CStmt.Case(c.labels(), c.isDefault(), said));
            }
        }
        return new CStmt.Switch(selector, cases);
    }

    /** Whether control may leave this last statement of a case at its end (unsure: yes). */
    private static boolean mayFallThrough(CStmt last) {
        if (last instanceof CStmt.Block b) {
            return b.stmts().isEmpty() || mayFallThrough(b.stmts().get(b.stmts().size() - 1));
        }
        return !(last instanceof CStmt.Break || last instanceof CStmt.Return || last instanceof CStmt.Continue);
    }

    private String caseLabel(Expression e, boolean isError) {
        if (isError) {
            if (e instanceof SimpleName n) {
                return errorCode(n.getIdentifier());
            }
            if (e instanceof QualifiedName q) {
                return errorCode(q.getName().getIdentifier());
            }
        }
        if (e.resolveConstantExpressionValue() == null) {
            unsupported(e, "this case label", "case labels are constants");
            return "0";
        }
        return value(e).render();
    }

    private void declarations(VariableDeclarationStatement v, List<CStmt> out) {
        ITypeBinding type = v.getType().resolveBinding();
        JavaType jt = type != null && type.isPrimitive() ? JavaType.ofJavaName(type.getName()) : null;
        if (jt == null) {
            // one error per declaration: an allocation or lambda says more than its type
            Expression first = ((VariableDeclarationFragment) v.fragments().get(0)).getInitializer();
            if (first != null && allocates(first)) {
                value(first);
            } else {
                primitive(type, v);
            }
            return;
        }
        for (Object o : v.fragments()) {
            VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
            if (frag.getExtraDimensions() > 0) {
                unsupported(frag, "a local array", "declare fixed-size arrays in the state class");
            }
            CExpr init = frag.getInitializer() == null ? null : value(frag.getInitializer());
            out.add(new CStmt.Decl(jt.cName(), declareLocal(frag), init));
        }
    }

    private static boolean allocates(Expression e) {
        return switch (e.getNodeType()) {
            case ASTNode.CLASS_INSTANCE_CREATION, ASTNode.ARRAY_CREATION, ASTNode.LAMBDA_EXPRESSION,
                    ASTNode.EXPRESSION_METHOD_REFERENCE, ASTNode.CREATION_REFERENCE -> true;
            default -> false;
        };
    }

    private String declareLocal(VariableDeclarationFragment frag) {
        return declareLocal(frag.getName(), frag.resolveBinding());
    }

    private String declareLocal(SimpleName name, IVariableBinding b) {
        String javaName = name.getIdentifier();
        String cName = CNames.local(javaName);
        if (cName == null) {
            unsupported(name, "the name " + javaName, "use ASCII letters, digits and _ in names");
            cName = "invalid_name";
        }
        if (b != null) {
            locals.put(b.getKey(), cName);
        }
        return cName;
    }

    private JavaType primitive(ITypeBinding type, ASTNode at) {
        if (type == null) {
            diagnostics.error(at.getStartPosition(), at.getLength(), Messages.unresolved("this type"));
            return null;
        }
        JavaType jt = type.isPrimitive() ? JavaType.ofJavaName(type.getName()) : null;
        if (jt == null) {
            if (type.getName().equals("float") || type.getName().equals("double")) {
                unsupported(at, "floating point (" + type.getName() + ")", NO_FPU);
            } else if (type.getQualifiedName().equals(STRING)) {
                unsupported(at, "a String variable",
                        "pass string literals straight to send or Log, or keep bytes in a state array");
            } else {
                unsupported(at, "a local of type " + type.getName(),
                        "locals may be boolean, byte, short, char, int or long");
            }
        }
        return jt;
    }

    // --- expressions ---

    /** An expression statement; an assignment to an array element becomes a bounds-checked if. */
    private CStmt expressionStatement(Expression e) {
        Expression target = null;
        if (e instanceof Assignment a) {
            target = a.getLeftHandSide();
        } else if (e instanceof PostfixExpression p) {
            target = p.getOperand();
        } else if (e instanceof PrefixExpression p && isIncrement(p)) {
            target = p.getOperand();
        }
        while (target instanceof ParenthesizedExpression p) {
            target = p.getExpression();
        }
        if (target instanceof ArrayAccess access) {
            ArrayRef ref = arrayRef(access.getArray());
            if (ref == null) {
                unsupported(access.getArray(), "this array", "index state arrays and array parameters");
                return new CStmt.ExprStmt(ERROR_VALUE);
            }
            if (!pure(access.getIndex())) {
                unsupported(access.getIndex(), "an array index with side effects",
                        "compute the index into a local first");
                return new CStmt.ExprStmt(ERROR_VALUE);
            }
            CExpr index = value(access.getIndex());
            CExpr element = new CExpr.Index(ref.base(), index);
            CExpr store = storeInto(e, element);
            return new CStmt.If(CExpr.call("ESPGEN_IN_RANGE", index, ref.length()),
                    new CStmt.Block(List.of(new CStmt.ExprStmt(store))), null);
        }
        return new CStmt.ExprStmt(sideEffect(e));
    }

    /** The assignment or increment e, applied to the C lvalue target. */
    private CExpr storeInto(Expression e, CExpr target) {
        if (e instanceof Assignment a) {
            return assign(a, target);
        }
        if (e instanceof PostfixExpression p) {
            return new CExpr.Postfix(target, p.getOperator().toString());
        }
        return new CExpr.Prefix(((PrefixExpression) e).getOperator().toString(), target);
    }

    private static boolean isIncrement(PrefixExpression p) {
        return p.getOperator() == PrefixExpression.Operator.INCREMENT
                || p.getOperator() == PrefixExpression.Operator.DECREMENT;
    }

    /** An expression evaluated for its effect: assignments, increments, calls. */
    private CExpr sideEffect(Expression e) {
        if (e instanceof MethodInvocation m) {
            return call(m, true);
        }
        return value(e);
    }

    /** An expression whose value is used. */
    private CExpr value(Expression e) {
        ITypeBinding t = e.resolveTypeBinding();
        if (t != null && (t.getName().equals("float") || t.getName().equals("double"))) {
            return unsupported(e, "floating point", NO_FPU);
        }
        if (e instanceof NumberLiteral || e instanceof CharacterLiteral || e instanceof BooleanLiteral) {
            String literal = e instanceof CharacterLiteral c ? CStrings.charLiteral(c.charValue())
                    : StateReader.constant(e.resolveConstantExpressionValue());
            return literal == null ? unsupported(e, "this literal", NO_FPU) : CExpr.atom(literal);
        }
        if (e instanceof StringLiteral s) {
            return unsupported(s, "a String value",
                    "string literals can be passed to Connection.send, Log and the text helpers only");
        }
        if (e instanceof ParenthesizedExpression p) {
            return value(p.getExpression());
        }
        if (e instanceof SimpleName n) {
            return name(n);
        }
        if (e instanceof QualifiedName q) {
            return qualified(q);
        }
        if (e instanceof FieldAccess f) {
            return member(f.getExpression(), f.getName(), f);
        }
        if (e instanceof InfixExpression i) {
            return infix(i);
        }
        if (e instanceof PrefixExpression p) {
            if (isIncrement(p)) {
                return new CExpr.Prefix(p.getOperator().toString(), lvalue(p.getOperand()));
            }
            return new CExpr.Prefix(p.getOperator().toString(), value(p.getOperand()));
        }
        if (e instanceof PostfixExpression p) {
            return new CExpr.Postfix(lvalue(p.getOperand()), p.getOperator().toString());
        }
        if (e instanceof Assignment a) {
            return assign(a, lvalue(a.getLeftHandSide()));
        }
        if (e instanceof ConditionalExpression c) {
            return new CExpr.Conditional(value(c.getExpression()), value(c.getThenExpression()),
                    value(c.getElseExpression()));
        }
        if (e instanceof CastExpression c) {
            JavaType jt = primitive(c.getType().resolveBinding(), c.getType());
            return jt == null ? ERROR_VALUE : new CExpr.Cast(jt.cName(), value(c.getExpression()));
        }
        if (e instanceof MethodInvocation m) {
            return call(m, false);
        }
        if (e instanceof ArrayAccess a) {
            return arrayRead(a);
        }
        return unsupported(e, describeExpression(e), insteadForExpression(e));
    }

    private CExpr name(SimpleName n) {
        IBinding b = n.resolveBinding();
        if (b instanceof IVariableBinding v) {
            String local = locals.get(v.getKey());
            if (local != null) {
                return CExpr.atom(local);
            }
            if (v.isParameter()) {
                Value p = scope.params().get(n.getIdentifier());
                if (p != null && (p.kind() == Kind.PRIMITIVE || p.kind() == Kind.ERROR)) {
                    return CExpr.atom(p.cName());
                }
                return unsupported(n, "using the parameter " + n.getIdentifier() + " as a value",
                        p != null && p.kind() == Kind.ARRAY ? "index it or pass it to a helper" : "call its methods");
            }
            if (v.isField() && v.getConstantValue() != null) {
                return constant(n, v);
            }
            if (v.isField()) {
                return unsupported(n, "the field " + n.getIdentifier(),
                        "keep per-connection data in the state class; constants must be static final");
            }
        }
        return unsupported(n, "the name " + n.getIdentifier(), null);
    }

    /** A static final constant: a macro when it is the server's, else its value. */
    private CExpr constant(ASTNode at, IVariableBinding v) {
        Object value = v.getConstantValue();
        if (value instanceof String) {
            return unsupported(at, "a String constant used as a value",
                    "pass it straight to Connection.send, Log or a text helper");
        }
        String literal = StateReader.constant(value);
        if (literal == null) {
            return unsupported(at, "floating point", NO_FPU);
        }
        if (isServerField(v)) {
            return CExpr.atom(scope.constants().use(v.getName(), literal));
        }
        return CExpr.atom(literal + " /* " + v.getDeclaringClass().getName() + "." + v.getName() + " */");
    }

    private boolean isServerField(IVariableBinding v) {
        ITypeBinding owner = v.getDeclaringClass();
        return owner != null && owner.isTopLevel() && CNames.snake(owner.getName()).equals(scope.server());
    }

    private CExpr qualified(QualifiedName q) {
        IBinding b = q.resolveBinding();
        if (b instanceof IVariableBinding v && v.isEnumConstant()
                && v.getDeclaringClass().getQualifiedName().equals(CONNECTION_ERROR)) {
            return CExpr.atom(errorCode(v.getName()));
        }
        if (b instanceof IVariableBinding v && v.isField() && v.getConstantValue() != null) {
            return constant(q, v);
        }
        return member(q.getQualifier(), q.getName(), q);
    }

    /** {@code s.field} on a state parameter; {@code array.length}. */
    private CExpr member(Expression qualifier, SimpleName name, ASTNode whole) {
        if (name.getIdentifier().equals("length")) {
            ITypeBinding t = qualifier.resolveTypeBinding();
            if (t != null && t.isArray()) {
                ArrayRef ref = arrayRef(qualifier);
                return ref != null ? ref.length()
                        : unsupported(qualifier, "this array", "use state arrays and array parameters");
            }
        }
        Value state = param(qualifier, Kind.STATE);
        if (state != null) {
            StateField field = scope.stateFields().get(name.getIdentifier());
            if (field == null) {
                return unsupported(name, "the state member " + name.getIdentifier(), null);
            }
            if (field.isArray()) {
                return unsupported(whole, "the array " + name.getIdentifier() + " as a value",
                        "index it, take its length, or pass it to a helper or text function");
            }
            return new CExpr.Member(CExpr.atom(state.cName()), CNames.field(field.javaName()), true);
        }
        if (qualifier instanceof ThisExpression) {
            IBinding b = name.resolveBinding();
            if (b instanceof IVariableBinding v && v.getConstantValue() != null) {
                return constant(name, v);
            }
        }
        return unsupported(whole, "the member access " + whole, null);
    }

    /** The parameter e names, when it is one of that kind. */
    private Value param(Expression e, Kind kind) {
        while (e instanceof ParenthesizedExpression p) {
            e = p.getExpression();
        }
        if (e instanceof SimpleName n && n.resolveBinding() instanceof IVariableBinding v && v.isParameter()) {
            Value p = scope.params().get(n.getIdentifier());
            return p != null && p.kind() == kind ? p : null;
        }
        return null;
    }

    /** An array as C: where it starts, its length (a constant for state arrays), its element type. */
    record ArrayRef(CExpr base, CExpr length, JavaType type) {}

    private ArrayRef arrayRef(Expression e) {
        while (e instanceof ParenthesizedExpression p) {
            e = p.getExpression();
        }
        Value array = param(e, Kind.ARRAY);
        if (array != null) {
            return new ArrayRef(CExpr.atom(array.cName()), CExpr.atom(array.lengthName()), array.type());
        }
        Expression qualifier = null;
        SimpleName name = null;
        if (e instanceof QualifiedName q) {
            qualifier = q.getQualifier();
            name = q.getName();
        } else if (e instanceof FieldAccess f) {
            qualifier = f.getExpression();
            name = f.getName();
        }
        Value state = qualifier == null ? null : param(qualifier, Kind.STATE);
        if (state != null) {
            StateField field = scope.stateFields().get(name.getIdentifier());
            if (field != null && field.isArray()) {
                return new ArrayRef(new CExpr.Member(CExpr.atom(state.cName()), CNames.field(field.javaName()), true),
                        CExpr.atom(Integer.toString(field.arrayLength())), field.type());
            }
        }
        return null;
    }

    /** {@code a[i]}: the element, or 0 when i is out of range (Java would throw). */
    private CExpr arrayRead(ArrayAccess a) {
        ArrayRef ref = arrayRef(a.getArray());
        if (ref == null) {
            return unsupported(a.getArray(), "this array", "index state arrays and array parameters");
        }
        if (!pure(a.getIndex())) {
            return unsupported(a.getIndex(), "an array index with side effects", "compute the index into a local first");
        }
        CExpr index = value(a.getIndex());
        return new CExpr.Conditional(CExpr.call("ESPGEN_IN_RANGE", index, ref.length()),
                new CExpr.Index(ref.base(), index), CExpr.atom("0"));
    }

    /** Whether evaluating e twice is the same as once: no assignment, increment or call with effects. */
    private boolean pure(Expression e) {
        if (e instanceof NumberLiteral || e instanceof CharacterLiteral || e instanceof BooleanLiteral
                || e instanceof Name || e instanceof FieldAccess) {
            return true;
        }
        if (e instanceof ParenthesizedExpression p) {
            return pure(p.getExpression());
        }
        if (e instanceof InfixExpression i) {
            boolean all = pure(i.getLeftOperand()) && pure(i.getRightOperand());
            for (Object o : i.extendedOperands()) {
                all &= pure((Expression) o);
            }
            return all;
        }
        if (e instanceof PrefixExpression p) {
            return !isIncrement(p) && pure(p.getOperand());
        }
        if (e instanceof CastExpression c) {
            return pure(c.getExpression());
        }
        if (e instanceof ConditionalExpression c) {
            return pure(c.getExpression()) && pure(c.getThenExpression()) && pure(c.getElseExpression());
        }
        if (e instanceof ArrayAccess a) {
            return pure(a.getArray()) && pure(a.getIndex());
        }
        if (e instanceof MethodInvocation m) {
            IMethodBinding b = m.resolveMethodBinding();
            String owner = b == null ? "" : b.getDeclaringClass().getErasure().getQualifiedName();
            boolean getter = owner.equals(BYTES) && !b.getName().equals("copyTo")
                    || owner.equals(CONNECTION) && (b.getName().startsWith("remote") || b.getName().equals("queuedBytes"))
                    || owner.equals("java.lang.Math");
            boolean args = true;
            for (Object o : m.arguments()) {
                args &= pure((Expression) o);
            }
            return getter && args;
        }
        return false;
    }

    private static String errorCode(String constant) {
        return switch (constant) {
            case "TIMEOUT" -> "ESPCONN_TIMEOUT";
            case "ABORTED" -> "ESPCONN_ABRT";
            case "RESET" -> "ESPCONN_RST";
            case "CLOSED" -> "ESPCONN_CLSD";
            default -> "ESPCONN_CONN";
        };
    }

    private CExpr infix(InfixExpression i) {
        ITypeBinding t = i.resolveTypeBinding();
        if (t != null && t.getQualifiedName().equals(STRING)) {
            return unsupported(i, "string concatenation", "send the parts one after another, or use a Log format");
        }
        String op = i.getOperator().toString();
        List<Expression> operands = new ArrayList<>();
        operands.add(i.getLeftOperand());
        operands.add(i.getRightOperand());
        for (Object o : i.extendedOperands()) {
            operands.add((Expression) o);
        }
        if (!op.equals("&&") && !op.equals("||")) {
            checkOrder(i, operands);
        }
        // a + b + c is (a + b) + c: each step has its own type, int until a long operand joins (a shift
        // keeps its left operand's type), as in i / j / someLong, where i / j divides as int
        boolean shift = op.equals("<<") || op.equals(">>") || op.equals(">>>");
        boolean isLong = isLong(operands.get(0).resolveTypeBinding());
        CExpr acc = value(operands.get(0));
        for (int k = 1; k < operands.size(); k++) {
            isLong |= !shift && isLong(operands.get(k).resolveTypeBinding());
            acc = binary(acc, op, operands.get(k), isLong, i);
        }
        return acc;
    }

    private CExpr binary(CExpr left, String op, Expression rightExpr, boolean isLong, ASTNode at) {
        CExpr right = value(rightExpr);
        return switch (op) {
            case "/", "%" -> division(left, op, right, rightExpr, isLong);
            case "<<", ">>", ">>>" -> shift(left, op, right, rightExpr, isLong);
            default -> new CExpr.Binary(left, op, right);
        };
    }

    /** Java's division: a defined result for 0 and for MIN / -1, where C has none. */
    private CExpr division(CExpr left, String op, CExpr right, Expression rightExpr, boolean isLong) {
        Object divisor = rightExpr.resolveConstantExpressionValue();
        if (divisor instanceof Number n && n.longValue() != 0 && n.longValue() != -1) {
            return new CExpr.Binary(left, op, right);
        }
        String fn = (isLong ? "espgen_l" : "espgen_i") + (op.equals("/") ? "div" : "rem");
        return CExpr.call(fn, left, right);
    }

    /** Java masks the shift distance and shifts unsigned with >>>; C leaves both undefined or signed. */
    private CExpr shift(CExpr left, String op, CExpr right, Expression rightExpr, boolean isLong) {
        String unsignedType = isLong ? "uint64" : "uint32";
        String signedType = isLong ? "sint64" : "int";
        int mask = isLong ? 63 : 31;
        Object constant = rightExpr.resolveConstantExpressionValue();
        CExpr distance = constant instanceof Number n
                ? CExpr.atom(Long.toString(n.longValue() & mask))
                : new CExpr.Binary(right, "&", CExpr.atom(Integer.toString(mask)));
        return switch (op) {
            case "<<" -> new CExpr.Cast(signedType, new CExpr.Binary(new CExpr.Cast(unsignedType, left), "<<", distance));
            case ">>" -> new CExpr.Binary(left, ">>", distance);
            default -> new CExpr.Cast(signedType, new CExpr.Binary(new CExpr.Cast(unsignedType, left), ">>", distance));
        };
    }

    private static boolean isLong(ITypeBinding t) {
        return t != null && t.getName().equals("long");
    }

    private CExpr lvalue(Expression e) {
        if (e instanceof ParenthesizedExpression p) {
            return lvalue(p.getExpression());
        }
        if (e instanceof SimpleName n && n.resolveBinding() instanceof IVariableBinding v) {
            if (locals.containsKey(v.getKey())) {
                return CExpr.atom(locals.get(v.getKey()));
            }
            Value p = scope.params().get(n.getIdentifier());
            if (v.isParameter() && p != null && p.kind() == Kind.PRIMITIVE) {
                return CExpr.atom(p.cName());
            }
        }
        if (e instanceof QualifiedName || e instanceof FieldAccess) {
            CExpr m = value(e);
            return m instanceof CExpr.Member ? m : unsupported(e, "assigning to " + e, null);
        }
        if (e instanceof ArrayAccess) {
            return unsupported(e, "assigning to an array element inside an expression",
                    "make the assignment a statement of its own");
        }
        return unsupported(e, "assigning to " + e, "assign to locals and state fields");
    }

    private CExpr assign(Assignment a, CExpr target) {
        String op = a.getOperator().toString();
        checkOrder(a);
        if (op.equals("=")) {
            return new CExpr.Assign(target, "=", value(a.getRightHandSide()));
        }
        String binop = op.substring(0, op.length() - 1);
        boolean isLong = isLong(a.getLeftHandSide().resolveTypeBinding());
        if (binop.equals("/") || binop.equals("%")) {
            // int /= long divides as long (Java computes (int) (i / l))
            isLong |= isLong(a.getRightHandSide().resolveTypeBinding());
        }
        if (binop.equals("/") || binop.equals("%") || binop.startsWith("<<") || binop.startsWith(">>")) {
            CExpr right = value(a.getRightHandSide());
            CExpr computed = binop.equals("/") || binop.equals("%")
                    ? division(target, binop, right, a.getRightHandSide(), isLong)
                    : shift(target, binop, right, a.getRightHandSide(), isLong);
            return new CExpr.Assign(target, "=", computed);
        }
        return new CExpr.Assign(target, op, value(a.getRightHandSide()));
    }

    // --- evaluation order ---

    /**
     * What evaluating an expression touches. Java evaluates operands and arguments left to right; C
     * leaves the order of most of them open, so two operands may not both change what the other reads.
     */
    private static final class Touch {
        /** Variables read and written, by binding key (fields by their field's key, arrays as a whole). */
        final Set<String> reads = new HashSet<>();
        final Set<String> writes = new HashSet<>();
        /** Reads or writes state fields, arrays or the connection: what a helper given them may change. */
        boolean shared;
        /** Calls a helper that may change the state, an array or the connection. */
        boolean effects;

        boolean clashes(Touch other) {
            return !Collections.disjoint(writes, other.writes) || !Collections.disjoint(writes, other.reads)
                    || !Collections.disjoint(reads, other.writes) || effects && (other.effects || other.shared)
                    || other.effects && shared;
        }
    }

    /** Reports operands whose side effects C could order differently from Java. */
    private void checkOrder(ASTNode at, List<Expression> operands) {
        List<Touch> touches = new ArrayList<>();
        for (Expression e : operands) {
            touches.add(touch(e));
        }
        for (int i = 0; i < touches.size(); i++) {
            for (int j = i + 1; j < touches.size(); j++) {
                if (touches.get(i).clashes(touches.get(j))) {
                    unorderedEffects(at);
                    return;
                }
            }
        }
    }

    /** x = x++, s.n += next(s), a[i] = f(a): the right-hand side changes what the target is or holds. */
    private void checkOrder(Assignment a) {
        Expression target = a.getLeftHandSide();
        while (target instanceof ParenthesizedExpression p) {
            target = p.getExpression();
        }
        Touch rhs = touch(a.getRightHandSide());
        String key = variableKey(target);
        boolean compound = a.getOperator() != Assignment.Operator.ASSIGN;
        boolean sharedTarget = target instanceof ArrayAccess || key != null && key.startsWith("field:");
        if (key != null && (rhs.writes.contains(key) || compound && sharedTarget && rhs.effects)) {
            unorderedEffects(a);
        } else if (target instanceof ArrayAccess access) {
            checkOrder(a, List.of(access.getIndex(), a.getRightHandSide()));
        }
    }

    private void unorderedEffects(ASTNode at) {
        unsupported(at, "operands with side effects that C may evaluate in another order than Java's left to right",
                "give each side effect a statement of its own, computing values into locals first");
    }

    private Touch touch(Expression e) {
        Touch t = new Touch();
        e.accept(new ASTVisitor() {
            @Override
            public boolean visit(SimpleName n) {
                // an array named whole is passed by reference: its elements are read by the callee, later
                if (n.resolveBinding() instanceof IVariableBinding v && !v.getType().isArray()) {
                    t.reads.add(variableKey(n));
                    t.shared |= v.isField() && v.getConstantValue() == null;
                }
                return false;
            }

            @Override
            public boolean visit(ArrayAccess a) {
                t.reads.add(variableKey(a.getArray()));
                t.shared = true;
                return true;
            }

            @Override
            public boolean visit(Assignment a) {
                write(a.getLeftHandSide());
                return true;
            }

            @Override
            public boolean visit(PrefixExpression p) {
                if (isIncrement(p)) {
                    write(p.getOperand());
                }
                return true;
            }

            @Override
            public boolean visit(PostfixExpression p) {
                write(p.getOperand());
                return true;
            }

            @Override
            public boolean visit(MethodInvocation m) {
                IMethodBinding b = m.resolveMethodBinding();
                if (b == null) {
                    return true;
                }
                String owner = b.getDeclaringClass().getErasure().getQualifiedName();
                String name = b.getName();
                if (scope.helpers().isHelper(b)) {
                    // what a helper changes is not looked into: any state, array or connection it is given
                    for (ITypeBinding p : b.getParameterTypes()) {
                        t.effects |= !p.isPrimitive() && !p.getErasure().getQualifiedName().equals(BYTES);
                    }
                } else if (owner.equals(CONNECTION)) {
                    (name.equals("send") || name.equals("close") ? t.writes : t.reads).add(CONNECTION);
                    t.shared = true;
                } else if (owner.equals(TEXT) && name.startsWith("append") || owner.equals(BYTES)
                        && name.equals("copyTo")) {
                    write((Expression) m.arguments().get(owner.equals(TEXT) ? 0 : 2));
                    t.shared = true;
                }
                return true;
            }

            private void write(Expression target) {
                while (target instanceof ParenthesizedExpression p) {
                    target = p.getExpression();
                }
                String key = variableKey(target);
                if (key != null) {
                    t.writes.add(key);
                    t.shared |= key.startsWith("field:") || target instanceof ArrayAccess;
                }
            }
        });
        return t;
    }

    /** The variable an lvalue names (an array element names its array), or null. */
    private static String variableKey(Expression e) {
        while (e instanceof ParenthesizedExpression p) {
            e = p.getExpression();
        }
        if (e instanceof ArrayAccess a) {
            return variableKey(a.getArray());
        }
        IBinding b = e instanceof QualifiedName q ? q.getName().resolveBinding()
                : e instanceof FieldAccess f ? f.getName().resolveBinding()
                : e instanceof SimpleName n ? n.resolveBinding() : null;
        if (b instanceof IVariableBinding v) {
            return (v.isField() ? "field:" : "local:") + v.getKey();
        }
        return null;
    }

    // --- calls ---

    private CExpr call(MethodInvocation m, boolean asStatement) {
        IMethodBinding mb = m.resolveMethodBinding();
        if (mb == null) {
            diagnostics.error(m.getStartPosition(), m.getLength(), Messages.unresolved("the call " + m.getName()));
            return ERROR_VALUE;
        }
        @SuppressWarnings("unchecked")
        List<Expression> arguments = (List<Expression>) m.arguments();
        checkOrder(m, arguments);
        if (scope.helpers().isHelper(mb)) {
            return helperCall(m, mb, asStatement);
        }
        String owner = mb.getDeclaringClass().getErasure().getQualifiedName();
        String method = mb.getName();
        List<?> args = m.arguments();
        switch (owner) {
            case CONNECTION -> {
                Value conn = receiver(m, Kind.CONNECTION);
                return conn == null ? ERROR_VALUE : connectionCall(m, conn.cName(), method, args);
            }
            case BYTES -> {
                Value bytes = receiver(m, Kind.BYTES);
                return bytes == null ? ERROR_VALUE : bytesCall(m, bytes.cName(), method, args);
            }
            case TEXT -> {
                return textCall(m, method, args);
            }
            case "java.lang.Math" -> {
                return mathCall(m, method, args);
            }
            case LOG -> {
                return asStatement ? log(m, method) : unsupported(m, "using a Log call as a value", null);
            }
            default -> {
                return unsupported(m, "the call " + mb.getDeclaringClass().getName() + "." + method + "()",
                        "handlers may call Connection, Bytes, Text, Log, Math.min/max/abs and the server's own methods");
            }
        }
    }

    private CExpr helperCall(MethodInvocation m, IMethodBinding mb, boolean asStatement) {
        if (!asStatement && mb.getReturnType().getName().equals("void")) {
            return unsupported(m, "using a void method as a value", null);
        }
        String fn = scope.helpers().call(self, mb, m);
        List<CExpr> cargs = new ArrayList<>();
        ITypeBinding[] types = mb.getMethodDeclaration().getParameterTypes();
        for (int i = 0; i < m.arguments().size() && i < types.length; i++) {
            Expression arg = (Expression) m.arguments().get(i);
            String type = types[i].getErasure().getQualifiedName();
            if (type.equals(CONNECTION)) {
                Value c = param(arg, Kind.CONNECTION);
                if (c == null) {
                    return unsupported(arg, "passing this as a Connection", "pass the handler's Connection parameter");
                }
                cargs.add(CExpr.atom("srv"));
                cargs.add(CExpr.atom(c.cName()));
            } else if (type.equals(BYTES)) {
                Value b = param(arg, Kind.BYTES);
                if (b == null) {
                    return unsupported(arg, "passing this as Bytes", "pass the handler's Bytes parameter");
                }
                cargs.add(CExpr.atom(b.cName()));
            } else if (types[i].isArray()) {
                ArrayRef ref = arrayRef(arg);
                if (ref == null) {
                    return unsupported(arg, "passing this array", "pass a state array or an array parameter");
                }
                cargs.add(ref.base());
                cargs.add(ref.length());
            } else if (type.equals(STRING)) {
                return ERROR_VALUE; // the helper's declaration is reported: it cannot take a String
            } else if (!types[i].isPrimitive() && !type.equals(CONNECTION_ERROR)) {
                Value s = param(arg, Kind.STATE);
                if (s == null) {
                    return unsupported(arg, "passing this as the state", "pass the handler's state parameter");
                }
                cargs.add(CExpr.atom(s.cName()));
            } else {
                cargs.add(value(arg));
            }
        }
        return new CExpr.Call(fn, cargs);
    }

    private Value receiver(MethodInvocation m, Kind kind) {
        Value v = m.getExpression() == null ? null : param(m.getExpression(), kind);
        if (v == null) {
            unsupported(m, "calling " + kind.name().charAt(0) + kind.name().substring(1).toLowerCase()
                    + " methods on anything but a parameter", null);
        }
        return v;
    }

    private CExpr connectionCall(MethodInvocation m, String conn, String method, List<?> args) {
        CExpr srv = CExpr.atom("srv");
        CExpr c = CExpr.atom(conn);
        switch (method) {
            case "send" -> {
                if (args.size() == 3) {
                    ArrayRef ref = arrayRef((Expression) args.get(0));
                    if (ref == null) {
                        return unsupported((Expression) args.get(0), "sending this array",
                                "send a state array or an array parameter");
                    }
                    if (ref.type() != JavaType.BYTE) {
                        return unsupported((Expression) args.get(0), "sending a " + ref.type().javaName() + " array",
                                "send a byte array");
                    }
                    return CExpr.call("espgen_send_range", srv, c, ref.base(), ref.length(),
                            value((Expression) args.get(1)), value((Expression) args.get(2)));
                }
                Expression arg = (Expression) args.get(0);
                Value bytes = param(arg, Kind.BYTES);
                if (bytes != null) {
                    return CExpr.call("espgen_send", srv, c, new CExpr.Member(CExpr.atom(bytes.cName()), "data", false),
                            new CExpr.Member(CExpr.atom(bytes.cName()), "len", false));
                }
                if (arg.resolveConstantExpressionValue() instanceof String s
                        && CStrings.length(s) >= Constants.FLASH_MIN) {
                    IBinding b = arg instanceof Name n ? n.resolveBinding() : null;
                    String javaName = b instanceof IVariableBinding v && v.isField() && isServerField(v) ? v.getName()
                            : null;
                    FlashText f = scope.constants().flashText(javaName, s);
                    return CExpr.call("espgen_send_flash", srv, c, CExpr.atom(f.name()), CExpr.atom(f.lengthMacro()));
                }
                CExpr[] text = text(arg);
                return text == null ? ERROR_VALUE : CExpr.call("espgen_send", srv, c, text[0], text[1]);
            }
            case "close" -> {
                return CExpr.call("espgen_close", srv, c);
            }
            case "remoteIp" -> {
                return new CExpr.Cast("int", CExpr.call("espgen_remote_ip", c));
            }
            case "remotePort" -> {
                return new CExpr.Cast("int", new CExpr.Member(c, "remote_port", true));
            }
            case "queuedBytes" -> {
                return new CExpr.Cast("int", new CExpr.Member(new CExpr.Member(c, "txq", true), "queued", false));
            }
            default -> {
                return unsupported(m, "Connection." + method + "()", null);
            }
        }
    }

    private CExpr bytesCall(MethodInvocation m, String bytes, String method, List<?> args) {
        CExpr data = new CExpr.Member(CExpr.atom(bytes), "data", false);
        CExpr len = new CExpr.Cast("int", new CExpr.Member(CExpr.atom(bytes), "len", false));
        switch (method) {
            case "length" -> {
                return len;
            }
            case "get" -> {
                return CExpr.call("espgen_bytes_get", CExpr.atom(bytes), arg(args, 0));
            }
            case "contentEquals", "startsWith" -> {
                CExpr[] text = text((Expression) args.get(0));
                return text == null ? ERROR_VALUE
                        : CExpr.call(method.equals("startsWith") ? "espgen_text_starts_with" : "espgen_text_equals",
                                data, len, CExpr.atom("0"), len, text[0], text[1]);
            }
            case "indexOf" -> {
                return CExpr.call("espgen_text_index_of", data, len, arg(args, 1), len, arg(args, 0));
            }
            case "parseInt" -> {
                return CExpr.call("espgen_text_parse_int", data, len, arg(args, 0), arg(args, 1), arg(args, 2));
            }
            case "copyTo" -> {
                ArrayRef dst = byteArray((Expression) args.get(2));
                return dst == null ? ERROR_VALUE
                        : CExpr.call("espgen_text_copy", data, len, arg(args, 0), arg(args, 1), dst.base(), dst.length(),
                                arg(args, 3));
            }
            default -> {
                return unsupported(m, "Bytes." + method + "()", null);
            }
        }
    }

    private CExpr textCall(MethodInvocation m, String method, List<?> args) {
        ArrayRef a = byteArray((Expression) args.get(0));
        if (a == null) {
            return ERROR_VALUE;
        }
        CExpr bytes = new CExpr.Cast("const uint8 *", a.base());
        switch (method) {
            case "contentEquals", "startsWith" -> {
                CExpr[] text = text((Expression) args.get(3));
                return text == null ? ERROR_VALUE
                        : CExpr.call(method.equals("startsWith") ? "espgen_text_starts_with" : "espgen_text_equals",
                                bytes, a.length(), arg(args, 1), arg(args, 2), text[0], text[1]);
            }
            case "indexOf" -> {
                return CExpr.call("espgen_text_index_of", bytes, a.length(), arg(args, 1), arg(args, 2), arg(args, 3));
            }
            case "parseInt" -> {
                return CExpr.call("espgen_text_parse_int", bytes, a.length(), arg(args, 1), arg(args, 2), arg(args, 3));
            }
            case "append" -> {
                CExpr[] text = text((Expression) args.get(2));
                return text == null ? ERROR_VALUE
                        : CExpr.call("espgen_text_append", a.base(), a.length(), arg(args, 1), text[0], text[1]);
            }
            case "appendInt" -> {
                return CExpr.call("espgen_text_append_int", a.base(), a.length(), arg(args, 1), arg(args, 2));
            }
            case "appendByte" -> {
                return CExpr.call("espgen_text_append_byte", a.base(), a.length(), arg(args, 1), arg(args, 2));
            }
            default -> {
                return unsupported(m, "Text." + method + "()", null);
            }
        }
    }

    private CExpr mathCall(MethodInvocation m, String method, List<?> args) {
        ITypeBinding t = m.resolveTypeBinding();
        String prefix = isLong(t) ? "espgen_l" : t != null && t.getName().equals("int") ? "espgen_i" : null;
        if (prefix == null || !(method.equals("min") || method.equals("max") || method.equals("abs"))) {
            return unsupported(m, "Math." + method + "() on " + (t == null ? "?" : t.getName()),
                    "Math.min, max and abs work on int and long");
        }
        List<CExpr> cargs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            cargs.add(arg(args, i));
        }
        return new CExpr.Call(prefix + method, cargs);
    }

    private CExpr arg(List<?> args, int i) {
        return value((Expression) args.get(i));
    }

    private ArrayRef byteArray(Expression e) {
        ArrayRef ref = arrayRef(e);
        if (ref == null) {
            unsupported(e, "this array", "use a state array or an array parameter");
            return null;
        }
        if (ref.type() != JavaType.BYTE) {
            unsupported(e, "a " + ref.type().javaName() + " array here", "text helpers work on byte arrays");
            return null;
        }
        return ref;
    }

    /** A string constant as C: {text, length}; a server constant as its macro. Null after an error. */
    private CExpr[] text(Expression e) {
        ITypeBinding t = e.resolveTypeBinding();
        Object constant = e.resolveConstantExpressionValue();
        if (constant instanceof String s) {
            IBinding b = e instanceof Name n ? n.resolveBinding() : null;
            if (b instanceof IVariableBinding v && v.isField() && isServerField(v)) {
                String macro = scope.constants().use(v.getName(), CStrings.literal(s));
                return new CExpr[] {CExpr.atom(macro), CExpr.atom("sizeof(" + macro + ") - 1")};
            }
            return new CExpr[] {CExpr.atom(CStrings.literal(s)), CExpr.atom(Integer.toString(CStrings.length(s)))};
        }
        if (e instanceof InfixExpression && t != null && t.getQualifiedName().equals(STRING)) {
            value(e); // reports the concatenation
            return null;
        }
        unsupported(e, "sending a String that is not a constant", "send string literals or static final String constants");
        return null;
    }

    private CExpr log(MethodInvocation m, String level) {
        List<?> args = m.arguments();
        if (args.isEmpty()) {
            return unsupported(m, "Log." + level + "() without a format", null);
        }
        Expression formatArg = (Expression) args.get(0);
        Object format = formatArg.resolveConstantExpressionValue();
        if (!(format instanceof String)) {
            diagnostics.error(formatArg.getStartPosition(), formatArg.getLength(), Messages.formatNotLiteral());
            return ERROR_VALUE;
        }
        LogFormat.Result r = LogFormat.translate((String) format, args.subList(1, args.size()), this::value,
                (node, msg) -> diagnostics.error(node.getStartPosition(), node.getLength(), Messages.formatMismatch(msg)),
                formatArg);
        String prefix = scope.logPrefix() + (level.equals("warn") ? "warning: " : "");
        List<CExpr> cargs = new ArrayList<>();
        cargs.add(CExpr.atom(CStrings.literal(prefix + r.format() + "\n")));
        cargs.addAll(r.args());
        return new CExpr.Call("os_printf", cargs);
    }

    // --- errors ---

    private CExpr unsupported(ASTNode at, String construct, String instead) {
        diagnostics.error(at.getStartPosition(), at.getLength(), Messages.unsupported(construct, instead));
        return ERROR_VALUE;
    }

    private static String describeStatement(Statement s) {
        return switch (s.getNodeType()) {
            case ASTNode.TRY_STATEMENT -> "a try statement";
            case ASTNode.THROW_STATEMENT -> "throw";
            case ASTNode.SYNCHRONIZED_STATEMENT -> "synchronized";
            case ASTNode.LABELED_STATEMENT -> "a labeled statement";
            case ASTNode.TYPE_DECLARATION_STATEMENT -> "a local class";
            case ASTNode.ASSERT_STATEMENT -> "assert";
            case ASTNode.YIELD_STATEMENT -> "yield";
            default -> "this statement (" + ASTNode.nodeClassForType(s.getNodeType()).getSimpleName() + ")";
        };
    }

    private static String insteadForStatement(Statement s) {
        return switch (s.getNodeType()) {
            case ASTNode.TRY_STATEMENT, ASTNode.THROW_STATEMENT ->
                    "the firmware has no exceptions: check values and return early";
            case ASTNode.SYNCHRONIZED_STATEMENT -> "handlers run one at a time; no locking is needed";
            case ASTNode.ASSERT_STATEMENT -> "check the condition with if";
            default -> null;
        };
    }

    private static String describeExpression(Expression e) {
        return switch (e.getNodeType()) {
            case ASTNode.CLASS_INSTANCE_CREATION -> "object creation (new "
                    + e.toString().substring(4).replaceAll("\\(.*", "") + ")";
            case ASTNode.ARRAY_CREATION -> "array creation";
            case ASTNode.LAMBDA_EXPRESSION -> "a lambda";
            case ASTNode.INSTANCEOF_EXPRESSION -> "instanceof";
            case ASTNode.THIS_EXPRESSION -> "this";
            case ASTNode.SUPER_METHOD_INVOCATION, ASTNode.SUPER_FIELD_ACCESS -> "super";
            case ASTNode.NULL_LITERAL -> "null";
            case ASTNode.SWITCH_EXPRESSION -> "a switch expression";
            case ASTNode.TYPE_LITERAL -> "a class literal";
            case ASTNode.EXPRESSION_METHOD_REFERENCE, ASTNode.TYPE_METHOD_REFERENCE, ASTNode.SUPER_METHOD_REFERENCE,
                    ASTNode.CREATION_REFERENCE -> "a method reference";
            default -> "this expression (" + ASTNode.nodeClassForType(e.getNodeType()).getSimpleName() + ")";
        };
    }

    private static String insteadForExpression(Expression e) {
        return switch (e.getNodeType()) {
            case ASTNode.CLASS_INSTANCE_CREATION, ASTNode.ARRAY_CREATION ->
                    "the firmware has no heap for handlers: keep data in the state class";
            case ASTNode.LAMBDA_EXPRESSION, ASTNode.EXPRESSION_METHOD_REFERENCE, ASTNode.TYPE_METHOD_REFERENCE,
                    ASTNode.SUPER_METHOD_REFERENCE, ASTNode.CREATION_REFERENCE -> "write a method of the server class";
            case ASTNode.NULL_LITERAL -> "there are no references in handler code";
            case ASTNode.SWITCH_EXPRESSION -> "use a switch statement that assigns a local";
            default -> null;
        };
    }
}
