package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.ClassInstanceCreation;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.Statement;

/** Reports the statements and expressions handler code has no translation for, each by its name. */
final class Unsupported {

    private Unsupported() {}

    static void statement(BodyContext ctx, Statement s) {
        Construct c = switch (s.getNodeType()) {
            case ASTNode.TRY_STATEMENT -> Construct.TRY;
            case ASTNode.THROW_STATEMENT -> Construct.THROW;
            case ASTNode.SYNCHRONIZED_STATEMENT -> Construct.SYNCHRONIZED;
            case ASTNode.LABELED_STATEMENT -> Construct.LABELED_STATEMENT;
            case ASTNode.TYPE_DECLARATION_STATEMENT -> Construct.LOCAL_CLASS;
            case ASTNode.ASSERT_STATEMENT -> Construct.ASSERT;
            case ASTNode.YIELD_STATEMENT -> Construct.YIELD;
            default -> null;
        };
        if (c != null) {
            ctx.unsupported(s, c);
        } else {
            ctx.error(s, Messages.otherStatement(nodeName(s)));
        }
    }

    static void expression(BodyContext ctx, Expression e) {
        if (e instanceof ClassInstanceCreation n) {
            ctx.error(e, Messages.objectCreation(n.getType().toString()));
            return;
        }
        Construct c = switch (e.getNodeType()) {
            case ASTNode.ARRAY_CREATION -> Construct.ARRAY_CREATION;
            case ASTNode.LAMBDA_EXPRESSION -> Construct.LAMBDA;
            case ASTNode.INSTANCEOF_EXPRESSION -> Construct.INSTANCEOF;
            case ASTNode.THIS_EXPRESSION -> Construct.THIS;
            case ASTNode.SUPER_METHOD_INVOCATION, ASTNode.SUPER_FIELD_ACCESS -> Construct.SUPER;
            case ASTNode.NULL_LITERAL -> Construct.NULL;
            case ASTNode.SWITCH_EXPRESSION -> Construct.SWITCH_EXPRESSION;
            case ASTNode.TYPE_LITERAL -> Construct.CLASS_LITERAL;
            case ASTNode.EXPRESSION_METHOD_REFERENCE, ASTNode.TYPE_METHOD_REFERENCE, ASTNode.SUPER_METHOD_REFERENCE,
                    ASTNode.CREATION_REFERENCE -> Construct.METHOD_REFERENCE;
            default -> null;
        };
        if (c != null) {
            ctx.unsupported(e, c);
        } else {
            ctx.error(e, Messages.otherExpression(nodeName(e)));
        }
    }

    /** Whether an initializer allocates: its error says more than the declaration's type would. */
    static boolean allocates(Expression e) {
        return switch (e.getNodeType()) {
            case ASTNode.CLASS_INSTANCE_CREATION, ASTNode.ARRAY_CREATION, ASTNode.LAMBDA_EXPRESSION,
                    ASTNode.EXPRESSION_METHOD_REFERENCE, ASTNode.CREATION_REFERENCE -> true;
            default -> false;
        };
    }

    private static String nodeName(ASTNode n) {
        return ASTNode.nodeClassForType(n.getNodeType()).getSimpleName();
    }
}
