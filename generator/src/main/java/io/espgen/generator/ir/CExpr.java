package io.espgen.generator.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A C expression that renders itself with the parentheses C's precedence needs, plus those gcc's
 * -Wparentheses asks for (mixed logical, bitwise and shift operators), so output is -Wall clean.
 */
public sealed interface CExpr {

    /** C precedence: higher binds tighter. */
    int precedence();

    String render();

    int PRIMARY = 16;
    int POSTFIX = 15;
    int UNARY = 14;
    int ASSIGN = 2;
    int COMMA = 1;

    /** An identifier: a local, a parameter, a function, a global or a macro. */
    record Name(String id) implements CExpr {
        public Name {
            if (!id.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a C identifier: " + id);
            }
        }

        public int precedence() {
            return PRIMARY;
        }

        public String render() {
            return id;
        }
    }

    /**
     * A constant as C writes it ({@code 42}, {@code 7LL}, {@code 'a'}, {@code "text"}, {@code true}, or a
     * parenthesised minimum such as {@code (-2147483647 - 1)}), with an optional comment after it naming
     * the Java constant it came from.
     */
    record Literal(String text, String comment) implements CExpr {
        public Literal(String text) {
            this(text, null);
        }

        public int precedence() {
            return PRIMARY;
        }

        public String render() {
            return comment == null ? text : text + " /* " + comment + " */";
        }
    }

    record Call(String function, List<CExpr> args) implements CExpr {
        public Call {
            args = List.copyOf(args);
        }

        public int precedence() {
            return POSTFIX;
        }

        public String render() {
            return function + "(" + args.stream().map(CExpr::render).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** {@code base->member} or {@code base.member}. */
    record Member(CExpr base, String member, boolean arrow) implements CExpr {
        public int precedence() {
            return POSTFIX;
        }

        public String render() {
            return wrap(base, POSTFIX, false) + (arrow ? "->" : ".") + member;
        }
    }

    record Index(CExpr base, CExpr index) implements CExpr {
        public int precedence() {
            return POSTFIX;
        }

        public String render() {
            return wrap(base, POSTFIX, false) + "[" + index.render() + "]";
        }
    }

    record Postfix(CExpr operand, String op) implements CExpr {
        public int precedence() {
            return POSTFIX;
        }

        public String render() {
            return wrap(operand, POSTFIX, false) + op;
        }
    }

    record Prefix(String op, CExpr operand) implements CExpr {
        public int precedence() {
            return UNARY;
        }

        public String render() {
            String inner = wrap(operand, UNARY, false);
            // "- -x" and "--x" differ; keep them apart
            boolean clash = (op.equals("-") || op.equals("+")) && inner.startsWith(op);
            return op + (clash ? " " : "") + inner;
        }
    }

    record Cast(CType type, CExpr operand) implements CExpr {
        public int precedence() {
            return UNARY;
        }

        public String render() {
            return "(" + type.render() + ")" + wrap(operand, UNARY, false);
        }
    }

    /** A brace-enclosed initializer, {@code { a, b }}: only as a declaration's init. */
    record InitList(List<CExpr> items) implements CExpr {
        public InitList {
            items = List.copyOf(items);
        }

        public int precedence() {
            return PRIMARY;
        }

        public String render() {
            return "{ " + items.stream().map(CExpr::render).collect(Collectors.joining(", ")) + " }";
        }
    }

    /** {@code sizeof(operand)}. */
    record SizeOf(CExpr operand) implements CExpr {
        public int precedence() {
            return UNARY;
        }

        public String render() {
            return "sizeof(" + operand.render() + ")";
        }
    }

    record Binary(CExpr left, String op, CExpr right) implements CExpr {
        public int precedence() {
            return binaryPrecedence(op);
        }

        public String render() {
            int p = precedence();
            return operand(left, p, false) + " " + op + " " + operand(right, p, true);
        }

        private String operand(CExpr e, int p, boolean rightSide) {
            if (e instanceof Binary b && (!b.op.equals(op) || isEquality(op)) && confusing(op, b.op)) {
                return "(" + e.render() + ")";
            }
            return wrap(e, p, rightSide);
        }

        /**
         * Whether a child operator inside a parent reads ambiguously even where precedence makes it
         * right: the mixes gcc's -Wparentheses warns about (&& in ||, arithmetic or comparison in a
         * bitwise operator, arithmetic in a shift, a comparison in == or !=, as in Java's
         * {@code a < b == c}), plus two different bitwise operators.
         */
        private static boolean confusing(String parent, String child) {
            return switch (parent) {
                case "||" -> child.equals("&&");
                case "&", "|", "^" -> true;
                case "<<", ">>" -> child.equals("+") || child.equals("-") || isBitwise(child);
                case "==", "!=" -> isEquality(child) || binaryPrecedence(child) == binaryPrecedence("<");
                default -> false;
            };
        }

        private static boolean isEquality(String op) {
            return op.equals("==") || op.equals("!=");
        }

        private static boolean isBitwise(String op) {
            return op.equals("&") || op.equals("|") || op.equals("^") || op.equals("<<") || op.equals(">>");
        }
    }

    record Conditional(CExpr cond, CExpr then, CExpr orElse) implements CExpr {
        public int precedence() {
            return 3;
        }

        public String render() {
            return wrap(cond, 4, false) + " ? " + wrap(then, 3, false) + " : " + wrap(orElse, 3, false);
        }
    }

    record Assign(CExpr target, String op, CExpr value) implements CExpr {
        public int precedence() {
            return ASSIGN;
        }

        public String render() {
            return wrap(target, UNARY, false) + " " + op + " " + wrap(value, ASSIGN, false);
        }
    }

    static CExpr name(String id) {
        return new Name(id);
    }

    static CExpr literal(String text) {
        return new Literal(text);
    }

    static CExpr cast(String type, CExpr operand) {
        return new Cast(CType.of(type), operand);
    }

    static CExpr call(String function, CExpr... args) {
        return new Call(function, List.of(args));
    }

    static int binaryPrecedence(String op) {
        return switch (op) {
            case "*", "/", "%" -> 13;
            case "+", "-" -> 12;
            case "<<", ">>" -> 11;
            case "<", "<=", ">", ">=" -> 10;
            case "==", "!=" -> 9;
            case "&" -> 8;
            case "^" -> 7;
            case "|" -> 6;
            case "&&" -> 5;
            case "||" -> 4;
            default -> throw new IllegalArgumentException("not a C binary operator: " + op);
        };
    }

    /** Renders e as an operand of an operator of precedence p (left-associative). */
    private static String wrap(CExpr e, int p, boolean rightSide) {
        int q = e.precedence();
        boolean parens = q < p || (rightSide && q == p);
        return parens ? "(" + e.render() + ")" : e.render();
    }
}
