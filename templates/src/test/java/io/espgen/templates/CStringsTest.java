package io.espgen.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CStringsTest {

    @Test
    void escapesWhatCWouldMisread() {
        assertThat(CStrings.literal("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(CStrings.literal("\r\n\t")).isEqualTo("\"\\r\\n\\t\"");
        assertThat(CStrings.literal("what??!")).as("no trigraphs").isEqualTo("\"what\\?\\?!\"");
    }

    @Test
    void writesOtherBytesAsThreeDigitOctalSoAFollowingDigitStaysADigit() {
        assertThat(CStrings.literal("\u00001")).isEqualTo("\"\\0001\"");
        assertThat(CStrings.literal("\u007f")).isEqualTo("\"\\177\"");
    }

    @Test
    void encodesNonAsciiAsUtf8Bytes() {
        assertThat(CStrings.literal("\u00e9")).isEqualTo("\"\\303\\251\"");
        assertThat(CStrings.length("\u00e9t\u00e9")).isEqualTo(5);
    }

    @Test
    void emptyString() {
        assertThat(CStrings.literal("")).isEqualTo("\"\"");
    }

    @Test
    void charLiterals() {
        assertThat(CStrings.charLiteral('a')).isEqualTo("'a'");
        assertThat(CStrings.charLiteral('\n')).isEqualTo("'\\n'");
        assertThat(CStrings.charLiteral('\'')).isEqualTo("'\\''");
        assertThat(CStrings.charLiteral('\\')).isEqualTo("'\\\\'");
        assertThat(CStrings.charLiteral('\u00e9')).isEqualTo("233");
    }
}
