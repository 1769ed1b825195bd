package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.ir.CStmt;
import io.espgen.generator.ir.CType;
import io.espgen.generator.ir.pass.Fallthrough;
import io.espgen.generator.ir.pass.UnusedLocals;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.translate.Scope;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.ArrayAccess;
import org.eclipse.jdt.core.dom.Assignment;
import org.eclipse.jdt.core.dom.Block;
import org.eclipse.jdt.core.dom.BreakStatement;
import org.eclipse.jdt.core.dom.ContinueStatement;
import org.eclipse.jdt.core.dom.DoStatement;
import org.eclipse.jdt.core.dom.EmptyStatement;
import org.eclipse.jdt.core.dom.EnhancedForStatement;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.ExpressionStatement;
import org.eclipse.jdt.core.dom.ForStatement;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IfStatement;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.PostfixExpression;
import org.eclipse.jdt.core.dom.PrefixExpression;
import org.eclipse.jdt.core.dom.QualifiedName;
import org.eclipse.jdt.core.dom.ReturnStatement;
import org.eclipse.jdt.core.dom.SimpleName;
import org.eclipse.jdt.core.dom.Statement;
import org.eclipse.jdt.core.dom.SwitchCase;
import org.eclipse.jdt.core.dom.SwitchStatement;
import org.eclipse.jdt.core.dom.VariableDeclarationExpression;
import org.eclipse.jdt.core.dom.VariableDeclarationFragment;
import org.eclipse.jdt.core.dom.VariableDeclarationStatement;
import org.eclipse.jdt.core.dom.WhileStatement;
import org.eclipse.jdt.core.dom.YieldStatement;

/**
 * Translates one method body (a handler's or a helper's) from the JDT AST into the C IR: the
 * statements here, expressions in {@link Expressions}, DSL calls in {@link Calls}. A whitelist: every
 * construct not handled is reported where it stands, with what to write instead, and translation goes on
 * so that one compile reports every violation. The IR passes run last.
 */
public final class BodyTranslator {

    private final BodyContext ctx;
    private final Expressions exprs;

    /**
     * @param self the helper being translated (its binding key), or null for a handler
     * @param returns the type a return statement returns, or null in a void method
     */
    public BodyTranslator(Scope scope, Diagnostics diagnostics, String self, JavaType returns) {
        this.ctx = new BodyContext(scope, diagnostics, self, returns);
        this.exprs = new Expressions(ctx);
    }

    public List<CStmt> translate(Block body) {
        return UnusedLocals.castToVoid(block(body).stmts());
    }

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
        if (ctx.scope.lineFile() != null && !(s instanceof Block)) {
            out.add(new CStmt.Line(ctx.scope.line(s.getStartPosition()), ctx.scope.lineFile()));
        }
        if (s instanceof Block b) {
            out.add(block(b));
        } else if (s instanceof EmptyStatement) {
            return;
        } else if (s instanceof VariableDeclarationStatement v) {
            declarations(v, out);
        } else if (s instanceof ExpressionStatement e) {
            warnIfSendResultIgnored(e.getExpression());
            out.add(expressionStatement(e.getExpression()));
        } else if (s instanceof YieldStatement y && y.isImplicit() && y.getParent() instanceof SwitchStatement) {
            // JDT's form of a switch statement's rule "case 1 -> n++;": the expression, as a statement
            out.add(expressionStatement(y.getExpression()));
        } else if (s instanceof IfStatement i) {
            out.add(ifStatement(i));
        } else if (s instanceof WhileStatement w) {
            ctx.error(w, Messages.unboundedLoop("a while loop"));
            out.add(new CStmt.While(exprs.value(w.getExpression()), block(w.getBody())));
        } else if (s instanceof DoStatement d) {
            ctx.error(d, Messages.unboundedLoop("a do-while loop"));
            out.add(new CStmt.DoWhile(block(d.getBody()), exprs.value(d.getExpression())));
        } else if (s instanceof ForStatement f) {
            LoopBounds.check(ctx, f);
            out.add(forStatement(f));
        } else if (s instanceof EnhancedForStatement f) {
            out.add(forEach(f));
        } else if (s instanceof SwitchStatement w) {
            out.add(switchStatement(w));
        } else if (s instanceof BreakStatement b) {
            if (b.getLabel() != null) {
                ctx.unsupported(b, Construct.LABELED_BREAK);
            }
            out.add(new CStmt.Break());
        } else if (s instanceof ContinueStatement c) {
            if (c.getLabel() != null) {
                ctx.unsupported(c, Construct.LABELED_CONTINUE);
            }
            out.add(new CStmt.Continue());
        } else if (s instanceof ReturnStatement r) {
            out.add(returnStatement(r));
        } else {
            Unsupported.statement(ctx, s);
        }
    }

    /** Under QueueFullPolicy.REFUSE, a send whose result nobody looks at may drop its bytes unnoticed. */
    private void warnIfSendResultIgnored(Expression e) {
        if (ctx.scope.refusesWhenFull() && e instanceof MethodInvocation m && m.resolveMethodBinding() != null
                && m.resolveMethodBinding().getName().startsWith("send")
                && m.resolveMethodBinding().getDeclaringClass().getErasure().getQualifiedName()
                        .equals(DslTypes.CONNECTION)) {
            ctx.warning(m, Messages.sendResultIgnored());
        }
    }

    private CStmt returnStatement(ReturnStatement r) {
        if (r.getExpression() == null) {
            return new CStmt.Return(null);
        }
        if (ctx.returns == null) {
            ctx.unsupported(r.getExpression(), Construct.RETURN_FROM_HANDLER);
            return new CStmt.Return(null);
        }
        return new CStmt.Return(exprs.value(r.getExpression()));
    }

    private CStmt ifStatement(IfStatement i) {
        CStmt orElse = null;
        if (i.getElseStatement() instanceof IfStatement elseIf) {
            orElse = ifStatement(elseIf);
        } else if (i.getElseStatement() != null) {
            orElse = block(i.getElseStatement());
        }
        return new CStmt.If(exprs.value(i.getExpression()), block(i.getThenStatement()), orElse);
    }

    private CStmt forStatement(ForStatement f) {
        List<CStmt> init = new ArrayList<>();
        List<?> inits = f.initializers();
        if (inits.size() == 1 && inits.get(0) instanceof VariableDeclarationExpression vde) {
            JavaType jt = ctx.primitive(vde.getType().resolveBinding(), vde.getType());
            CType type = CType.of(jt == null ? "int" : jt.cName());
            for (Object o : vde.fragments()) {
                VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
                String name = ctx.declareLocal(frag.getName(), frag.resolveBinding());
                init.add(new CStmt.Decl(type, name,
                        frag.getInitializer() == null ? null : exprs.value(frag.getInitializer())));
            }
        } else {
            for (Object o : inits) {
                init.add(new CStmt.ExprStmt(exprs.sideEffect((Expression) o)));
            }
        }
        CExpr cond = f.getExpression() == null ? null : exprs.value(f.getExpression());
        List<CExpr> updates = new ArrayList<>();
        for (Object o : f.updaters()) {
            updates.add(exprs.sideEffect((Expression) o));
        }
        return new CStmt.For(init, cond, updates, block(f.getBody()));
    }

    /** {@code for (byte b : data)} and {@code for (int x : s.values)}: an index loop over the bytes or array. */
    private CStmt forEach(EnhancedForStatement f) {
        Value owner = exprs.connectionsOf(f.getExpression());
        if (owner != null) {
            // for (struct espgen_conn *o = espgen_conn_next(srv, NULL); o != NULL; o = espgen_conn_next(srv, o))
            String var = ctx.declareReference(f.getParameter().getName(), f.getParameter().resolveBinding(),
                    Kind.CONNECTION);
            CExpr o = CExpr.name(var);
            return new CStmt.For(
                    List.of(new CStmt.Decl(CType.struct("espgen_conn").pointer(), var,
                            CExpr.call("espgen_conn_next", CExpr.name("srv"), CExpr.name("NULL")))),
                    new CExpr.Binary(o, "!=", CExpr.name("NULL")),
                    List.of(new CExpr.Assign(o, "=", CExpr.call("espgen_conn_next", CExpr.name("srv"), o))),
                    block(f.getBody()));
        }
        JavaType jt = ctx.primitive(f.getParameter().getType().resolveBinding(), f.getParameter().getType());
        String var = ctx.declareLocal(f.getParameter().getName(), f.getParameter().resolveBinding());
        CExpr index = CExpr.name(var + "_index");
        CExpr length;
        CExpr element;
        Value bytes = ctx.param(f.getExpression(), Kind.BYTES);
        ArrayRef array = bytes == null ? exprs.anyArray(f.getExpression()) : null;
        if (bytes != null) {
            length = CExpr.cast("int", new CExpr.Member(CExpr.name(bytes.cName()), "len", false));
            element = CExpr.cast("sint8",
                    new CExpr.Index(new CExpr.Member(CExpr.name(bytes.cName()), "data", false), index));
        } else if (array != null) {
            length = array.length();
            element = array.table() != null ? Expressions.flashRead(array, index) : new CExpr.Index(array.base(), index);
        } else {
            ctx.unsupported(f.getExpression(), Construct.FOR_EACH_SOURCE);
            return new CStmt.Block(List.of());
        }
        List<CStmt> body = new ArrayList<>();
        body.add(new CStmt.Decl(CType.of(jt == null ? "int" : jt.cName()), var, element));
        body.addAll(block(f.getBody()).stmts());
        return new CStmt.For(List.of(new CStmt.Decl(CType.INT, var + "_index", CExpr.literal("0"))),
                new CExpr.Binary(index, "<", length), List.of(new CExpr.Postfix(index, "++")), new CStmt.Block(body));
    }

    private CStmt switchStatement(SwitchStatement w) {
        ITypeBinding t = w.getExpression().resolveTypeBinding();
        boolean isError = t != null && t.getQualifiedName().equals(DslTypes.CONNECTION_ERROR);
        if (t != null && t.getQualifiedName().equals(DslTypes.STRING)) {
            ctx.unsupported(w.getExpression(), Construct.SWITCH_ON_STRING);
            return new CStmt.Block(List.of());
        }
        if (t != null && !isError && !(t.isPrimitive() && JavaType.ofJavaName(t.getName()) != null
                && !t.getName().equals("boolean") && !t.getName().equals("long"))) {
            ctx.error(w.getExpression(), Messages.switchOn(t.getName()));
            return new CStmt.Block(List.of());
        }
        CExpr selector = exprs.value(w.getExpression());
        List<CStmt.Case> cases = new ArrayList<>();
        List<CExpr> labels = null;
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
                isDefault |= sc.isDefault();
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
        return Fallthrough.mark(new CStmt.Switch(selector, cases));
    }

    private CExpr caseLabel(Expression e, boolean isError) {
        if (isError && e instanceof SimpleName n) {
            return CExpr.name(ConnectionErrors.cName(n.getIdentifier()));
        }
        if (isError && e instanceof QualifiedName q) {
            return CExpr.name(ConnectionErrors.cName(q.getName().getIdentifier()));
        }
        if (e.resolveConstantExpressionValue() == null) {
            return ctx.unsupported(e, Construct.CASE_LABEL);
        }
        return exprs.value(e);
    }

    private void declarations(VariableDeclarationStatement v, List<CStmt> out) {
        ITypeBinding type = v.getType().resolveBinding();
        JavaType jt = type != null && type.isPrimitive() ? JavaType.ofJavaName(type.getName()) : null;
        if (type != null && jt == null && references(v, type, out)) {
            return;
        }
        if (jt == null) {
            // one error per declaration: an allocation or lambda says more than its type
            Expression first = ((VariableDeclarationFragment) v.fragments().get(0)).getInitializer();
            if (first != null && (Unsupported.allocates(first) || Calls.jdkInstead(first) != null)) {
                exprs.value(first);
            } else {
                ctx.primitive(type, v);
            }
            return;
        }
        for (Object o : v.fragments()) {
            VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
            if (frag.getExtraDimensions() > 0) {
                ctx.unsupported(frag, Construct.LOCAL_ARRAY);
            }
            CExpr init = frag.getInitializer() == null ? null : exprs.value(frag.getInitializer());
            out.add(new CStmt.Decl(CType.of(jt.cName()), ctx.declareLocal(frag.getName(), frag.resolveBinding()),
                    init));
        }
    }

    /**
     * {@code Connection other = c.connectionById(id);} and {@code Session t = other.state();}: locals that
     * hold a connection (a pointer to its entry) or its state. False when the type is neither.
     */
    private boolean references(VariableDeclarationStatement v, ITypeBinding type, List<CStmt> out) {
        String qualified = type.getErasure().getQualifiedName();
        boolean connection = qualified.equals(DslTypes.CONNECTION);
        boolean state = qualified.equals(ctx.scope.wide().stateQualified());
        if (!connection && !state) {
            return false;
        }
        for (Object o : v.fragments()) {
            VariableDeclarationFragment frag = (VariableDeclarationFragment) o;
            Expression init = frag.getInitializer();
            CExpr value = init == null ? null : connection ? exprs.connection(init) : exprs.stateOf(init);
            if (value == null) {
                ctx.error(init == null ? frag : init, connection ? Messages.connectionLocal() : Messages.stateLocal());
                continue;
            }
            CType t = connection ? CType.struct("espgen_conn").pointer() : CType.struct(ctx.scope.wide().stateStruct())
                    .pointer();
            String name = ctx.declareReference(frag.getName(), frag.resolveBinding(),
                    connection ? Kind.CONNECTION : Kind.STATE);
            out.add(new CStmt.Decl(t, name, value));
        }
        return true;
    }

    /** An expression statement; an assignment to an array element becomes a bounds-checked if. */
    private CStmt expressionStatement(Expression e) {
        Expression target = null;
        if (e instanceof Assignment a) {
            target = a.getLeftHandSide();
        } else if (e instanceof PostfixExpression p) {
            target = p.getOperand();
        } else if (e instanceof PrefixExpression p && Expressions.isIncrement(p)) {
            target = p.getOperand();
        }
        if (BodyContext.strip(target) instanceof ArrayAccess access) {
            Expressions.Element el = exprs.element(access);
            if (el == null) {
                return new CStmt.ExprStmt(BodyContext.ERROR_VALUE);
            }
            if (el.array().table() != null) {
                return new CStmt.ExprStmt(ctx.error(access, Messages.tableWrite(el.array().table().javaName())));
            }
            CExpr store = exprs.storeInto(e, el.lvalue());
            return new CStmt.If(el.inRange(), new CStmt.Block(List.of(new CStmt.ExprStmt(store))), null);
        }
        return new CStmt.ExprStmt(exprs.sideEffect(e));
    }
}
