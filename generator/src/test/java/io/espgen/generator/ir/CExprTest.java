package io.espgen.generator.ir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CExprTest {

    private static CExpr a = CExpr.name("a");
    private static CExpr b = CExpr.name("b");
    private static CExpr c = CExpr.name("c");

    private static CExpr bin(CExpr l, String op, CExpr r) {
        return new CExpr.Binary(l, op, r);
    }

    @Test
    void parenthesesFollowPrecedence() {
        assertThat(bin(bin(a, "+", b), "*", c).render()).isEqualTo("(a + b) * c");
        assertThat(bin(a, "+", bin(b, "*", c)).render()).isEqualTo("a + b * c");
        assertThat(bin(a, "-", bin(b, "-", c)).render()).as("left associative").isEqualTo("a - (b - c)");
        assertThat(bin(bin(a, "-", b), "-", c).render()).isEqualTo("a - b - c");
    }

    @Test
    void mixesGccWarnsAboutAreParenthesised() {
        assertThat(bin(bin(a, "&&", b), "||", c).render()).isEqualTo("(a && b) || c");
        assertThat(bin(bin(a, "==", b), "&", c).render()).isEqualTo("(a == b) & c");
        assertThat(bin(bin(a, "+", b), "<<", c).render()).isEqualTo("(a + b) << c");
        assertThat(bin(bin(a, ">=", b), "&&", bin(b, "<=", c)).render()).isEqualTo("a >= b && b <= c");
        assertThat(bin(bin(a, ">=", b), "==", c).render()).as("Java's a >= b == c").isEqualTo("(a >= b) == c");
        assertThat(bin(bin(a, "==", b), "!=", c).render()).isEqualTo("(a == b) != c");
        assertThat(bin(bin(a, "==", b), "==", c).render()).isEqualTo("(a == b) == c");
        assertThat(bin(a, "!=", bin(b, "<", c)).render()).isEqualTo("a != (b < c)");
    }

    @Test
    void unaryMinusNeverBecomesDecrement() {
        assertThat(new CExpr.Prefix("-", new CExpr.Prefix("-", a)).render()).isEqualTo("- -a");
        assertThat(new CExpr.Prefix("-", CExpr.literal("-1")).render()).isEqualTo("- -1");
    }

    @Test
    void castsAndAssignments() {
        assertThat(CExpr.cast("int", bin(a, "+", b)).render()).isEqualTo("(int)(a + b)");
        assertThat(new CExpr.Assign(a, "=", new CExpr.Conditional(b, c, a)).render()).isEqualTo("a = b ? c : a");
        assertThat(new CExpr.Member(new CExpr.Member(a, "q", true), "n", false).render()).isEqualTo("a->q.n");
    }
}
