package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.DslTypes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.core.dom.Assignment;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.InfixExpression;

/**
 * Java's arithmetic in C, where the two differ: the type each step of a chain computes in, division by
 * zero and MIN / -1 (defined in Java, undefined in C), shift distances masked, {@code >>>} unsigned.
 * Wrapping overflow itself comes from {@code -fwrapv}.
 */
final class JavaArithmetic {

    private final BodyContext ctx;
    private final Expressions exprs;

    JavaArithmetic(BodyContext ctx, Expressions exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
    }

    CExpr infix(InfixExpression i) {
        ITypeBinding t = i.resolveTypeBinding();
        if (t != null && t.getQualifiedName().equals(DslTypes.STRING)) {
            return ctx.unsupported(i, Construct.STRING_CONCATENATION);
        }
        String op = i.getOperator().toString();
        List<Expression> operands = new ArrayList<>();
        operands.add(i.getLeftOperand());
        operands.add(i.getRightOperand());
        for (Object o : i.extendedOperands()) {
            operands.add((Expression) o);
        }
        if (!op.equals("&&") && !op.equals("||")) {
            exprs.order().check(i, operands);
        }
        // a + b + c is (a + b) + c: each step has its own type, int until a long operand joins (a shift
        // keeps its left operand's type), as in i / j / someLong, where i / j divides as int
        boolean shift = op.equals("<<") || op.equals(">>") || op.equals(">>>");
        boolean isLong = BodyContext.isLong(operands.get(0).resolveTypeBinding());
        CExpr acc = exprs.value(operands.get(0));
        for (int k = 1; k < operands.size(); k++) {
            Expression right = operands.get(k);
            isLong |= !shift && BodyContext.isLong(right.resolveTypeBinding());
            acc = binary(acc, op, exprs.value(right), right, isLong);
        }
        return acc;
    }

    /** An assignment to target, compound ones computed as Java does. */
    CExpr assign(Assignment a, CExpr target) {
        String op = a.getOperator().toString();
        exprs.order().check(a);
        if (op.equals("=")) {
            return new CExpr.Assign(target, "=", exprs.value(a.getRightHandSide()));
        }
        String binop = op.substring(0, op.length() - 1);
        boolean isLong = BodyContext.isLong(a.getLeftHandSide().resolveTypeBinding());
        boolean division = binop.equals("/") || binop.equals("%");
        if (division) {
            // int /= long divides as long (Java computes (int) (i / l))
            isLong |= BodyContext.isLong(a.getRightHandSide().resolveTypeBinding());
        }
        if (division || binop.startsWith("<<") || binop.startsWith(">>")) {
            CExpr right = exprs.value(a.getRightHandSide());
            return new CExpr.Assign(target, "=", binary(target, binop, right, a.getRightHandSide(), isLong));
        }
        return new CExpr.Assign(target, op, exprs.value(a.getRightHandSide()));
    }

    private static CExpr binary(CExpr left, String op, CExpr right, Expression rightExpr, boolean isLong) {
        return switch (op) {
            case "/", "%" -> division(left, op, right, rightExpr, isLong);
            case "<<", ">>", ">>>" -> shift(left, op, right, rightExpr, isLong);
            default -> new CExpr.Binary(left, op, right);
        };
    }

    /** Java's division: a defined result for 0 and for MIN / -1, where C has none. */
    private static CExpr division(CExpr left, String op, CExpr right, Expression rightExpr, boolean isLong) {
        Object divisor = rightExpr.resolveConstantExpressionValue();
        if (divisor instanceof Number n && n.longValue() != 0 && n.longValue() != -1) {
            return new CExpr.Binary(left, op, right);
        }
        String fn = (isLong ? "espgen_l" : "espgen_i") + (op.equals("/") ? "div" : "rem");
        return CExpr.call(fn, left, right);
    }

    /** Java masks the shift distance and shifts unsigned with >>>; C leaves both undefined or signed. */
    private static CExpr shift(CExpr left, String op, CExpr right, Expression rightExpr, boolean isLong) {
        String unsignedType = isLong ? "uint64" : "uint32";
        String signedType = isLong ? "sint64" : "int";
        int mask = isLong ? 63 : 31;
        Object constant = rightExpr.resolveConstantExpressionValue();
        CExpr distance = constant instanceof Number n
                ? CExpr.literal(Long.toString(n.longValue() & mask))
                : new CExpr.Binary(right, "&", CExpr.literal(Integer.toString(mask)));
        return switch (op) {
            case "<<" -> CExpr.cast(signedType, new CExpr.Binary(CExpr.cast(unsignedType, left), "<<", distance));
            case ">>" -> new CExpr.Binary(left, ">>", distance);
            default -> CExpr.cast(signedType, new CExpr.Binary(CExpr.cast(unsignedType, left), ">>", distance));
        };
    }
}
