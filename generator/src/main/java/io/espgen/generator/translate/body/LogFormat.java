package io.espgen.generator.translate.body;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.ir.CExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.jdt.core.dom.ASTNode;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.StringLiteral;

/**
 * Checks a Log format against its arguments at compile time and turns it into an os_printf format. The
 * conversions mean the same in Java's String.format and in the SDK's printf, so the JVM and the chip
 * print the same line: %d and %x take an int (byte, short, int), %c a char, %s a string constant (folded
 * into the format), %% a percent sign.
 */
final class LogFormat {

    private LogFormat() {}

    record Result(String format, List<CExpr> args) {}

    static Result translate(String format, List<?> args, Function<Expression, CExpr> value,
            BiConsumer<ASTNode, String> error, Expression formatNode) {
        StringBuilder out = new StringBuilder();
        List<CExpr> cargs = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (i + 1 >= format.length()) {
                error.accept(formatNode, Messages.formatLonePercent());
                break;
            }
            char conv = format.charAt(++i);
            if (conv == '%') {
                out.append("%%");
                continue;
            }
            if ("dxcs".indexOf(conv) < 0) {
                error.accept(formatNode, Messages.formatConversion(conv));
                continue;
            }
            if (next >= args.size()) {
                error.accept(formatNode, Messages.formatMissingArgument(conv));
                continue;
            }
            Expression arg = (Expression) args.get(next++);
            ITypeBinding t = arg.resolveTypeBinding();
            String type = t == null ? "?" : t.getName();
            switch (conv) {
                case 'd', 'x' -> {
                    if (!type.equals("int") && !type.equals("short") && !type.equals("byte")) {
                        error.accept(arg, Messages.formatArgument(conv, type));
                        continue;
                    }
                    out.append('%').append(conv);
                    CExpr v = value.apply(arg);
                    // Java prints a byte or short in hexadecimal at its own width: %x of (byte) -1 is "ff"
                    if (conv == 'x' && (type.equals("byte") || type.equals("short"))) {
                        v = CExpr.cast("int", CExpr.cast(type.equals("byte") ? "uint8" : "uint16", v));
                    }
                    cargs.add(v);
                }
                case 'c' -> {
                    if (!type.equals("char")) {
                        error.accept(arg, Messages.formatArgument('c', type));
                        continue;
                    }
                    out.append("%c");
                    cargs.add(CExpr.cast("int", value.apply(arg)));
                }
                default -> {
                    Object constant = arg.resolveConstantExpressionValue();
                    if (!(arg instanceof StringLiteral) && !(constant instanceof String)) {
                        error.accept(arg, Messages.formatString());
                        continue;
                    }
                    String s = arg instanceof StringLiteral sl ? sl.getLiteralValue() : (String) constant;
                    out.append(s.replace("%", "%%"));
                }
            }
        }
        if (next < args.size()) {
            error.accept((Expression) args.get(next), Messages.formatExtraArguments());
        }
        return new Result(out.toString(), cargs);
    }
}
