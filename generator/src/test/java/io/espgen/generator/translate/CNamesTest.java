package io.espgen.generator.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CNamesTest {

    @Test
    void snakeCase() {
        assertThat(CNames.snake("EchoServer")).isEqualTo("echo_server");
        assertThat(CNames.snake("HTTPServer")).isEqualTo("http_server");
        assertThat(CNames.snake("bytesEchoed")).isEqualTo("bytes_echoed");
        assertThat(CNames.snake("parseV2Header")).isEqualTo("parse_v2_header");
        assertThat(CNames.macro("EchoServer")).isEqualTo("ECHO_SERVER");
    }

    @Test
    void localsKeepTheirJavaNamesUnlessCReservesThem() {
        assertThat(CNames.local("count")).isEqualTo("count");
        assertThat(CNames.local("register")).isEqualTo("register_");
        assertThat(CNames.local("srv")).isEqualTo("srv_");
        assertThat(CNames.local("espgen_x")).isEqualTo("espgen_x_");
        assertThat(CNames.local("caf\u00e9")).isNull();
        assertThat(CNames.local("a$b")).isNull();
    }

    @Test
    void mistakableNamesGetAnUnderscoreOneToOne() {
        assertThat(CNames.local("typeof")).isEqualTo("typeof_");
        assertThat(CNames.local("errno")).isEqualTo("errno_");
        assertThat(CNames.local("NULL")).isEqualTo("NULL_");
        assertThat(CNames.local("PORT")).isEqualTo("PORT_");
        assertThat(CNames.local("os_printf")).isEqualTo("os_printf_");
        assertThat(CNames.local("conn")).isEqualTo("conn");
        assertThat(CNames.local("conn_")).isEqualTo("conn__");
        assertThat(CNames.local("buf_len")).isEqualTo("buf_len_");
        assertThat(CNames.local("b_index")).isEqualTo("b_index_");
        assertThat(CNames.local("chat_lines", "chat")).isEqualTo("chat_lines_");
        assertThat(CNames.local("chatty", "chat")).isEqualTo("chatty");
        java.util.List<String> names = java.util.List.of("auto", "auto_", "auto__", "x", "x_", "register", "n_len",
                "n_len_", "srv", "srv_", "A", "A_");
        assertThat(names.stream().map(CNames::local).distinct()).hasSameSizeAs(names);
    }

    @Test
    void membersAreNeverKeywordsAndServersNeverTheSdks() {
        assertThat(CNames.field("AUTO")).isEqualTo("auto_");
        assertThat(CNames.field("bytesEchoed")).isEqualTo("bytes_echoed");
        assertThat(CNames.reservedServer("espconn")).isTrue();
        assertThat(CNames.reservedServer("os")).isTrue();
        assertThat(CNames.reservedServer("echo_server")).isFalse();
    }
}
