package io.espgen.generator.translate;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.ParamKind;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.ir.CExpr;
import io.espgen.generator.translate.ir.CStmt;
import io.espgen.generator.translate.ir.CText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.core.dom.ASTNode;
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
import org.eclipse.jdt.core.dom.VariableDeclarationExpression;
import org.eclipse.jdt.core.dom.VariableDeclarationFragment;
import org.eclipse.jdt.core.dom.VariableDeclarationStatement;
import org.eclipse.jdt.core.dom.WhileStatement;

/**
 * Translates one handler body from the JDT AST into the C IR. A whitelist: every construct not handled
 * here is reported where it stands, with what to write instead, and translation goes on so that one
 * compile reports every violation.
 */
public final class BodyTranslator {

    private static final String CONNECTION = "io.espgen.dsl.Connection";
    private static final String BYTES = "io.espgen.dsl.Bytes";
    private static final String LOG = "io.espgen.dsl.Log";
    private static final String CONNECTION_ERROR = "io.espgen.dsl.ConnectionError";
    private static final CExpr ERROR_VALUE = CExpr.atom("0");

    private final HandlerScope scope;
    private final Diagnostics diagnostics;
    /** Locals by binding key: Java's scoping already rules out clashes between live locals. */
    private final Map<String, String> locals = new HashMap<>();

    public BodyTranslator(HandlerScope scope, Diagnostics diagnostics) {
        this.scope = scope;
        this.diagnostics = diagnostics;
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
            if (s instanceof CStmt.Decl d && CText.count(text, d.name()) == 1) {
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
        return s;
    }

    // --- statements ---

    private CStmt.Block block(Statement s) {
        if (s instanceof Block b) {
            List<CStmt> out = new ArrayList<>();
            for (Object o : b.statements()) {
                statement((Statement) o, out);
            }
            return new CStmt.Block(out);
        }
        List<CStmt> out = new ArrayList<>();
        statement(s, out);
        return new CStmt.Block(out);
    }

    private void statement(Statement s, List<CStmt> out) {
        if (s instanceof Block b) {
            out.add(block(b));
        } else if (s instanceof EmptyStatement) {
            return;
        } else if (s instanceof VariableDeclarationStatement v) {
            declarations(v, out);
        } else if (s instanceof ExpressionStatement e) {
            out.add(new CStmt.ExprStmt(statementExpression(e.getExpression())));
        } else if (s instanceof IfStatement i) {
            out.add(ifStatement(i));
        } else if (s instanceof WhileStatement w) {
            out.add(new CStmt.While(condition(w.getExpression()), block(w.getBody())));
        } else if (s instanceof DoStatement d) {
            out.add(new CStmt.DoWhile(block(d.getBody()), condition(d.getExpression())));
        } else if (s instanceof ForStatement f) {
            out.add(forStatement(f));
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
            if (r.getExpression() != null) {
                unsupported(r.getExpression(), "returning a value from a handler", null);
            }
            out.add(new CStmt.Return(null));
        } else {
            unsupported(s, describeStatement(s), insteadForStatement(s));
        }
    }

    private CStmt ifStatement(IfStatement i) {
        CStmt orElse = null;
        if (i.getElseStatement() instanceof IfStatement elseIf) {
            orElse = ifStatement(elseIf);
        } else if (i.getElseStatement() != null) {
            orElse = block(i.getElseStatement());
        }
        return new CStmt.If(condition(i.getExpression()), block(i.getThenStatement()), orElse);
    }

    private CStmt forStatement(ForStatement f) {
        String init = "";
        List<?> inits = f.initializers();
        if (inits.size() == 1 && inits.get(0) instanceof VariableDeclarationExpression vde) {
            init = declarationText(vde.getType().resolveBinding(), vde.fragments(), vde);
        } else {
            List<String> parts = new ArrayList<>();
            for (Object o : inits) {
                parts.add(statementExpression((Expression) o).render());
            }
            init = String.join(", ", parts);
        }
        CExpr cond = f.getExpression() == null ? null : condition(f.getExpression());
        List<CExpr> updates = new ArrayList<>();
        for (Object o : f.updaters()) {
            updates.add(statementExpression((Expression) o));
        }
        return new CStmt.For(init, cond, updates, block(f.getBody()));
    }

    private String declarationText(ITypeBinding type, List<?> fragments, ASTNode at) {
        JavaType jt = primitive(type, at);
        List<String> parts = new ArrayList<>();
        for (Object o : fragments) {
            VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
            String name = declareLocal(frag);
            String text = name;
            if (frag.getInitializer() != null) {
                text += " = " + value(frag.getInitializer()).render();
            }
            parts.add(text);
        }
        return (jt == null ? "int" : jt.cName()) + " " + String.join(", ", parts);
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
        String javaName = frag.getName().getIdentifier();
        String cName = CNames.local(javaName);
        if (cName == null) {
            unsupported(frag.getName(), "the name " + javaName, "use ASCII letters, digits and _ in names");
            cName = "invalid_name";
        }
        IVariableBinding b = frag.resolveBinding();
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
                unsupported(at, "floating point (" + type.getName() + ")",
                        "the ESP8266 has no FPU; use int, in fixed point if needed");
            } else if (type.getQualifiedName().equals("java.lang.String")) {
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

    /** An expression used as a statement: assignments, increments, calls. */
    private CExpr statementExpression(Expression e) {
        if (e instanceof Assignment a) {
            return assignment(a);
        }
        if (e instanceof PostfixExpression p) {
            return increment(p.getOperand(), p.getOperator().toString(), true);
        }
        if (e instanceof PrefixExpression p && (p.getOperator() == PrefixExpression.Operator.INCREMENT
                || p.getOperator() == PrefixExpression.Operator.DECREMENT)) {
            return increment(p.getOperand(), p.getOperator().toString(), false);
        }
        if (e instanceof MethodInvocation m) {
            return call(m, true);
        }
        return value(e);
    }

    private CExpr condition(Expression e) {
        return value(e);
    }

    /** An expression whose value is used. */
    private CExpr value(Expression e) {
        ITypeBinding t = e.resolveTypeBinding();
        if (t != null && (t.getName().equals("float") || t.getName().equals("double"))) {
            return unsupported(e, "floating point", "the ESP8266 has no FPU; use int, in fixed point if needed");
        }
        if (e instanceof NumberLiteral n) {
            return constant(n);
        }
        if (e instanceof CharacterLiteral c) {
            return CExpr.atom(CStrings.charLiteral(c.charValue()));
        }
        if (e instanceof BooleanLiteral b) {
            return CExpr.atom(b.booleanValue() ? "true" : "false");
        }
        if (e instanceof StringLiteral s) {
            return unsupported(s, "a String value", "string literals can be passed to Connection.send and Log only");
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
            return prefix(p);
        }
        if (e instanceof PostfixExpression p) {
            return increment(p.getOperand(), p.getOperator().toString(), true);
        }
        if (e instanceof Assignment a) {
            return assignment(a);
        }
        if (e instanceof ConditionalExpression c) {
            return new CExpr.Conditional(condition(c.getExpression()), value(c.getThenExpression()),
                    value(c.getElseExpression()));
        }
        if (e instanceof CastExpression c) {
            return cast(c);
        }
        if (e instanceof MethodInvocation m) {
            return call(m, false);
        }
        if (e instanceof ArrayAccess a) {
            return unsupported(a, "array element access",
                    "not yet translated; it arrives with the full handler subset");
        }
        return unsupported(e, describeExpression(e), insteadForExpression(e));
    }

    private CExpr constant(Expression e) {
        String literal = StateReader.constant(e.resolveConstantExpressionValue());
        if (literal == null) {
            return unsupported(e, "this literal", "the ESP8266 has no FPU; use int, in fixed point if needed");
        }
        return CExpr.atom(literal);
    }

    private CExpr name(SimpleName n) {
        IBinding b = n.resolveBinding();
        if (b instanceof IVariableBinding v) {
            String local = locals.get(v.getKey());
            if (local != null) {
                return CExpr.atom(local);
            }
            if (v.isParameter()) {
                ParamKind kind = scope.params().get(n.getIdentifier());
                if (kind == ParamKind.ERROR) {
                    return CExpr.atom(scope.cParams().get(n.getIdentifier()));
                }
                return unsupported(n, "using the " + kind.description() + " parameter " + n.getIdentifier()
                        + " as a value", "call its methods");
            }
            if (v.isField() && v.getConstantValue() != null) {
                return constantField(n, v);
            }
            if (v.isField()) {
                return unsupported(n, "the field " + n.getIdentifier(),
                        "keep per-connection data in the state class; constants must be static final");
            }
        }
        return unsupported(n, "the name " + n.getIdentifier(), null);
    }

    private CExpr constantField(ASTNode at, IVariableBinding v) {
        Object value = v.getConstantValue();
        if (value instanceof String) {
            return unsupported(at, "a String constant used as a value",
                    "pass it straight to Connection.send or Log");
        }
        String literal = StateReader.constant(value);
        if (literal == null) {
            return unsupported(at, "floating point", "the ESP8266 has no FPU; use int, in fixed point if needed");
        }
        return CExpr.atom(literal + " /* " + v.getName() + " */");
    }

    private CExpr qualified(QualifiedName q) {
        IBinding b = q.resolveBinding();
        if (b instanceof IVariableBinding v && v.isEnumConstant()
                && v.getDeclaringClass().getQualifiedName().equals(CONNECTION_ERROR)) {
            return CExpr.atom(errorCode(v.getName()));
        }
        if (b instanceof IVariableBinding v && v.isField() && v.getConstantValue() != null) {
            return constantField(q, v);
        }
        return member(q.getQualifier(), q.getName(), q);
    }

    /** {@code s.field} on the state parameter; {@code s.buf.length} on a state array. */
    private CExpr member(Expression qualifier, SimpleName name, ASTNode whole) {
        if (qualifier instanceof SimpleName base && scope.params().get(base.getIdentifier()) == ParamKind.STATE) {
            StateField field = scope.stateFields().get(name.getIdentifier());
            if (field == null) {
                return unsupported(name, "the state member " + name.getIdentifier(), null);
            }
            return new CExpr.Member(CExpr.atom(scope.cParams().get(base.getIdentifier())),
                    CNames.field(field.javaName()), true);
        }
        if (name.getIdentifier().equals("length") && qualifier instanceof Name arrayName) {
            ITypeBinding t = arrayName.resolveTypeBinding();
            if (t != null && t.isArray() && arrayName instanceof QualifiedName qa
                    && qa.getQualifier() instanceof SimpleName base
                    && scope.params().get(base.getIdentifier()) == ParamKind.STATE) {
                StateField field = scope.stateFields().get(qa.getName().getIdentifier());
                if (field != null) {
                    return CExpr.atom(field.arrayLength() + " /* " + field.javaName() + ".length */");
                }
            }
        }
        return unsupported(whole, "the member access " + whole, null);
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
        if (t != null && t.getQualifiedName().equals("java.lang.String")) {
            return unsupported(i, "string concatenation",
                    "send the parts one after another, or use a Log format");
        }
        String op = i.getOperator().toString();
        List<Expression> operands = new ArrayList<>();
        operands.add(i.getLeftOperand());
        operands.add(i.getRightOperand());
        for (Object o : i.extendedOperands()) {
            operands.add((Expression) o);
        }
        CExpr acc = value(operands.get(0));
        for (int k = 1; k < operands.size(); k++) {
            acc = binary(acc, op, operands.get(k), i);
        }
        return acc;
    }

    private CExpr binary(CExpr left, String op, Expression rightExpr, ASTNode at) {
        CExpr right = value(rightExpr);
        boolean isLong = isLong(at instanceof Expression e ? e.resolveTypeBinding() : null);
        return switch (op) {
            case "/", "%" -> division(left, op, right, rightExpr, isLong, at);
            case "<<", ">>", ">>>" -> shift(left, op, right, rightExpr, isLong);
            default -> new CExpr.Binary(left, op, right);
        };
    }

    private CExpr division(CExpr left, String op, CExpr right, Expression rightExpr, boolean isLong, ASTNode at) {
        Object divisor = rightExpr == null ? null : rightExpr.resolveConstantExpressionValue();
        if (divisor instanceof Number n && n.longValue() != 0 && n.longValue() != -1) {
            return new CExpr.Binary(left, op, right);
        }
        if (isLong) {
            return unsupported(at, "long division by a value that may be 0 or -1",
                    "divide ints, or by a constant other than 0 and -1");
        }
        return CExpr.call(op.equals("/") ? "espgen_idiv" : "espgen_irem", left, right);
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
            case "<<" -> new CExpr.Cast(signedType,
                    new CExpr.Binary(new CExpr.Cast(unsignedType, left), "<<", distance));
            case ">>" -> new CExpr.Binary(left, ">>", distance);
            default -> new CExpr.Cast(signedType, new CExpr.Binary(new CExpr.Cast(unsignedType, left), ">>", distance));
        };
    }

    private static boolean isLong(ITypeBinding t) {
        return t != null && t.getName().equals("long");
    }

    private CExpr prefix(PrefixExpression p) {
        String op = p.getOperator().toString();
        if (op.equals("++") || op.equals("--")) {
            return increment(p.getOperand(), op, false);
        }
        return new CExpr.Prefix(op, value(p.getOperand()));
    }

    private CExpr increment(Expression operand, String op, boolean postfix) {
        CExpr target = lvalue(operand);
        return postfix ? new CExpr.Postfix(target, op) : new CExpr.Prefix(op, target);
    }

    private CExpr lvalue(Expression e) {
        if (e instanceof ParenthesizedExpression p) {
            return lvalue(p.getExpression());
        }
        if (e instanceof SimpleName n && n.resolveBinding() instanceof IVariableBinding v
                && locals.containsKey(v.getKey())) {
            return CExpr.atom(locals.get(v.getKey()));
        }
        if (e instanceof QualifiedName || e instanceof FieldAccess) {
            CExpr m = value(e);
            if (m instanceof CExpr.Member) {
                return m;
            }
            return unsupported(e, "assigning to " + e, null);
        }
        return unsupported(e, "assigning to " + e, "assign to locals and state fields");
    }

    private CExpr assignment(Assignment a) {
        CExpr target = lvalue(a.getLeftHandSide());
        String op = a.getOperator().toString();
        if (op.equals("=")) {
            return new CExpr.Assign(target, "=", value(a.getRightHandSide()));
        }
        String binop = op.substring(0, op.length() - 1);
        boolean isLong = isLong(a.getLeftHandSide().resolveTypeBinding());
        if (binop.equals("/") || binop.equals("%") || binop.startsWith("<<") || binop.startsWith(">>")) {
            CExpr computed = binaryOn(target, binop, a.getRightHandSide(), isLong, a);
            return new CExpr.Assign(target, "=", computed);
        }
        return new CExpr.Assign(target, op, value(a.getRightHandSide()));
    }

    private CExpr binaryOn(CExpr left, String op, Expression rightExpr, boolean isLong, ASTNode at) {
        CExpr right = value(rightExpr);
        return switch (op) {
            case "/", "%" -> division(left, op, right, rightExpr, isLong, at);
            default -> shift(left, op, right, rightExpr, isLong);
        };
    }

    private CExpr cast(CastExpression c) {
        ITypeBinding t = c.getType().resolveBinding();
        JavaType jt = primitive(t, c.getType());
        if (jt == null) {
            return ERROR_VALUE;
        }
        return new CExpr.Cast(jt.cName(), value(c.getExpression()));
    }

    // --- calls ---

    private CExpr call(MethodInvocation m, boolean asStatement) {
        IMethodBinding mb = m.resolveMethodBinding();
        if (mb == null) {
            diagnostics.error(m.getStartPosition(), m.getLength(), Messages.unresolved("the call " + m.getName()));
            return ERROR_VALUE;
        }
        String owner = mb.getDeclaringClass().getErasure().getQualifiedName();
        String method = mb.getName();
        List<?> args = m.arguments();
        switch (owner) {
            case CONNECTION -> {
                String conn = receiverParam(m, ParamKind.CONNECTION);
                if (conn == null) {
                    return ERROR_VALUE;
                }
                return connectionCall(m, conn, method, args);
            }
            case BYTES -> {
                String bytes = receiverParam(m, ParamKind.BYTES);
                if (bytes == null) {
                    return ERROR_VALUE;
                }
                return switch (method) {
                    case "length" -> new CExpr.Cast("int", new CExpr.Member(CExpr.atom(bytes), "len", false));
                    case "get" -> CExpr.call("espgen_bytes_get", CExpr.atom(bytes), value((Expression) args.get(0)));
                    default -> unsupported(m, "Bytes." + method + "()", null);
                };
            }
            case LOG -> {
                if (!asStatement) {
                    return unsupported(m, "using a Log call as a value", null);
                }
                return log(m, method);
            }
            default -> {
                return unsupported(m, "the call " + mb.getDeclaringClass().getName() + "." + method + "()",
                        "handlers may call Connection, Bytes and Log methods");
            }
        }
    }

    private String receiverParam(MethodInvocation m, ParamKind kind) {
        if (m.getExpression() instanceof SimpleName n && scope.params().get(n.getIdentifier()) == kind) {
            return scope.cParams().get(n.getIdentifier());
        }
        unsupported(m, "calling " + kind.description() + " methods on anything but the handler's parameter", null);
        return null;
    }

    private CExpr connectionCall(MethodInvocation m, String conn, String method, List<?> args) {
        CExpr srv = CExpr.atom("srv");
        CExpr c = CExpr.atom(conn);
        switch (method) {
            case "send" -> {
                if (args.size() == 1) {
                    Expression arg = (Expression) args.get(0);
                    String literal = stringConstant(arg);
                    if (literal != null) {
                        return CExpr.call("espgen_send", srv, c, CExpr.atom(CStrings.literal(literal)),
                                CExpr.atom(Integer.toString(CStrings.length(literal))));
                    }
                    ITypeBinding argType = arg.resolveTypeBinding();
                    if (argType != null && argType.getQualifiedName().equals("java.lang.String")) {
                        if (arg instanceof InfixExpression) {
                            return value(arg); // reports the concatenation
                        }
                        return unsupported(arg, "sending a String that is not a constant",
                                "send string literals or static final String constants");
                    }
                    if (arg instanceof SimpleName n && scope.params().get(n.getIdentifier()) == ParamKind.BYTES) {
                        String bytes = scope.cParams().get(n.getIdentifier());
                        return CExpr.call("espgen_send", srv, c, new CExpr.Member(CExpr.atom(bytes), "data", false),
                                new CExpr.Member(CExpr.atom(bytes), "len", false));
                    }
                    return unsupported(arg, "sending this value",
                            "send a string literal or constant, or the received Bytes");
                }
                return unsupported(m, "send(byte[], int, int)",
                        "not yet translated; it arrives with arrays in the full handler subset");
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
                return new CExpr.Cast("int",
                        new CExpr.Member(new CExpr.Member(c, "txq", true), "queued", false));
            }
            default -> {
                return unsupported(m, "Connection." + method + "()", null);
            }
        }
    }

    private static String stringConstant(Expression e) {
        if (e instanceof StringLiteral s) {
            return s.getLiteralValue();
        }
        ITypeBinding t = e.resolveTypeBinding();
        if (t != null && t.getQualifiedName().equals("java.lang.String")
                && e.resolveConstantExpressionValue() instanceof String s) {
            return s;
        }
        return null;
    }

    private CExpr log(MethodInvocation m, String level) {
        List<?> args = m.arguments();
        if (args.isEmpty()) {
            return unsupported(m, "Log." + level + "() without a format", null);
        }
        String format = stringConstant((Expression) args.get(0));
        if (format == null) {
            diagnostics.error(((Expression) args.get(0)).getStartPosition(), ((Expression) args.get(0)).getLength(),
                    Messages.formatNotLiteral());
            return ERROR_VALUE;
        }
        LogFormat.Result r = LogFormat.translate(format, args.subList(1, args.size()), this::value,
                (node, msg) -> diagnostics.error(node.getStartPosition(), node.getLength(),
                        Messages.formatMismatch(msg)),
                (Expression) args.get(0));
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
            case ASTNode.SWITCH_STATEMENT -> "a switch statement";
            case ASTNode.TRY_STATEMENT -> "a try statement";
            case ASTNode.THROW_STATEMENT -> "throw";
            case ASTNode.SYNCHRONIZED_STATEMENT -> "synchronized";
            case ASTNode.LABELED_STATEMENT -> "a labeled statement";
            case ASTNode.TYPE_DECLARATION_STATEMENT -> "a local class";
            case ASTNode.ENHANCED_FOR_STATEMENT -> "a for-each loop";
            case ASTNode.ASSERT_STATEMENT -> "assert";
            case ASTNode.YIELD_STATEMENT -> "yield";
            default -> "this statement (" + ASTNode.nodeClassForType(s.getNodeType()).getSimpleName() + ")";
        };
    }

    private static String insteadForStatement(Statement s) {
        return switch (s.getNodeType()) {
            case ASTNode.SWITCH_STATEMENT -> "use if/else if (switch arrives with the full handler subset)";
            case ASTNode.TRY_STATEMENT, ASTNode.THROW_STATEMENT ->
                    "the firmware has no exceptions: check values and return early";
            case ASTNode.SYNCHRONIZED_STATEMENT -> "handlers run one at a time; no locking is needed";
            case ASTNode.ENHANCED_FOR_STATEMENT -> "use an indexed for loop";
            default -> null;
        };
    }

    private static String describeExpression(Expression e) {
        return switch (e.getNodeType()) {
            case ASTNode.CLASS_INSTANCE_CREATION -> "object creation (new " + e.toString().substring(4)
                    .replaceAll("\\(.*", "") + ")";
            case ASTNode.ARRAY_CREATION -> "array creation";
            case ASTNode.LAMBDA_EXPRESSION -> "a lambda";
            case ASTNode.INSTANCEOF_EXPRESSION -> "instanceof";
            case ASTNode.THIS_EXPRESSION -> "this";
            case ASTNode.SUPER_METHOD_INVOCATION, ASTNode.SUPER_FIELD_ACCESS -> "super";
            case ASTNode.NULL_LITERAL -> "null";
            case ASTNode.SWITCH_EXPRESSION -> "a switch expression";
            case ASTNode.TYPE_LITERAL -> "a class literal";
            default -> {
                if (e.getNodeType() == ASTNode.EXPRESSION_METHOD_REFERENCE
                        || e.getNodeType() == ASTNode.TYPE_METHOD_REFERENCE
                        || e.getNodeType() == ASTNode.SUPER_METHOD_REFERENCE
                        || e.getNodeType() == ASTNode.CREATION_REFERENCE) {
                    yield "a method reference";
                }
                yield "this expression (" + ASTNode.nodeClassForType(e.getNodeType()).getSimpleName() + ")";
            }
        };
    }

    private static String insteadForExpression(Expression e) {
        return switch (e.getNodeType()) {
            case ASTNode.CLASS_INSTANCE_CREATION, ASTNode.ARRAY_CREATION ->
                    "the firmware has no heap for handlers: keep data in the state class";
            case ASTNode.LAMBDA_EXPRESSION -> "write a handler method";
            case ASTNode.NULL_LITERAL -> "there are no references in handler code";
            default -> null;
        };
    }
}
