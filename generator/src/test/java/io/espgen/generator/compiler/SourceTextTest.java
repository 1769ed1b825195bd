package io.espgen.generator.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines and columns as javac and ECJ count them, whatever the line ends. */
class SourceTextTest {

    @Test
    void linesEndWithLfCrLfOrCr() {
        SourceText text = new SourceText("A.java", "ab\ncd\r\nef\rgh");
        assertThat(new int[] {text.line(0), text.column(0)}).containsExactly(1, 1);
        assertThat(new int[] {text.line(4), text.column(4)}).containsExactly(2, 2);
        assertThat(new int[] {text.line(7), text.column(7)}).containsExactly(3, 1);
        assertThat(new int[] {text.line(10), text.column(10)}).containsExactly(4, 1);
        assertThat(new int[] {text.line(12), text.column(12)}).containsExactly(4, 3);
    }

    @Test
    void aTabIsOneColumn() {
        assertThat(new SourceText("A.java", "\t\tx").column(2)).isEqualTo(3);
    }
}
