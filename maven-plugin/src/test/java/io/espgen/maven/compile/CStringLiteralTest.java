package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CStringLiteralTest {
    @Test
    void plainText() {
        assertThat(CStringLiteral.quote("home-net 2")).isEqualTo("\"home-net 2\"");
    }

    @Test
    void quotesBackslashesAndControlCharacters() {
        assertThat(CStringLiteral.quote("a\"b\\c\nd\re\tf")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\"");
        assertThat(CStringLiteral.quote("\u0001\u007f")).isEqualTo("\"\\001\\177\"");
    }

    @Test
    void questionMarksCannotFormTrigraphs() {
        assertThat(CStringLiteral.quote("??=")).isEqualTo("\"\\?\\?=\"");
    }

    @Test
    void nonAsciiAsUtf8OctalBytes() {
        assertThat(CStringLiteral.quote("Café")).isEqualTo("\"Caf\\303\\251\"");
    }

    @Test
    void empty() {
        assertThat(CStringLiteral.quote("")).isEqualTo("\"\"");
    }
}
