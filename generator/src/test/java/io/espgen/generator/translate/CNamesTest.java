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
}
