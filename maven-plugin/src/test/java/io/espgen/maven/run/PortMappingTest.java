package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortMappingTest {
    @Test
    void parses() throws Exception {
        assertThat(PortMapping.parse("7777=8080")).isEqualTo(new PortMapping(7777, 8080));
        assertThat(PortMapping.parse(" 7777 = 0 ")).isEqualTo(new PortMapping(7777, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7777", "=8080", "7777=", "0=8080", "7777=65536", "a=1", "7777=80=80", "-1=2",
        "123456=1"})
    void rejects(String value) {
        assertThatThrownBy(() -> PortMapping.parse(value))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.port=" + value.strip() + " is not a port mapping; write FIRMWARE=HOST, for"
                        + " example 7777=8080 (HOST 0 = any free port), several separated by commas");
    }

    @Test
    void noMappingsMeansTheFirmwaresOwnPorts() throws Exception {
        assertThat(PortMapping.arguments(null, false)).isEmpty();
        assertThat(PortMapping.arguments(List.of(), false)).isEmpty();
    }

    @Test
    void arguments() throws Exception {
        assertThat(PortMapping.arguments(List.of("7777=8080", "23=0,80=8081"), true)).containsExactly(
                "--any-port", "--port", "7777=8080", "--port", "23=0", "--port", "80=8081");
    }
}
