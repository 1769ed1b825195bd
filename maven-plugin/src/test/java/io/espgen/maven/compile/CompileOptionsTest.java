package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import org.junit.jupiter.api.Test;

class CompileOptionsTest {
    @Test
    void defaults() throws Exception {
        CompileOptions o = CompileOptions.of(4, null);
        assertThat(o.extraFlags()).isEmpty();
    }

    @Test
    void cflagsSplitOnWhiteSpace() throws Exception {
        assertThat(CompileOptions.of(4, "  -DA=1\t-Wno-error=unused-function\n -O2 ").extraFlags())
                .containsExactly("-DA=1", "-Wno-error=unused-function", "-O2");
        assertThat(CompileOptions.of(4, "   ").extraFlags()).isEmpty();
    }

    @Test
    void flashSizeMapRange() throws Exception {
        assertThat(CompileOptions.of(0, null).flashSizeMap()).isZero();
        assertThat(CompileOptions.of(9, null).flashSizeMap()).isEqualTo(9);
        assertThatThrownBy(() -> CompileOptions.of(10, null))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.flashSizeMap=10 is not a flash size map of the SDK; use 0 to 9"
                        + " (4 = 4 MB with 512 KB + 512 KB, the default)");
        assertThatThrownBy(() -> CompileOptions.of(-1, null)).isInstanceOf(EspException.class);
    }

    @Test
    void logLevels() throws Exception {
        assertThat(CompileOptions.of(4, null).logLevel()).isEqualTo(3);
        assertThat(CompileOptions.of(4, null, "debug").logLevel()).isEqualTo(4);
        assertThat(CompileOptions.of(4, null, "NONE").logLevel()).isZero();
        assertThatThrownBy(() -> CompileOptions.of(4, null, "verbose"))
                .hasMessage("espgen: esp.logLevel=verbose is not allowed; use one of NONE, ERROR, WARN, INFO, DEBUG"
                        + " (default INFO)");
        assertThat(new CompileCommand(java.nio.file.Path.of("gcc"), CompileOptions.of(4, null, "WARN"),
                java.nio.file.Path.of("t"), java.util.List.of()).flags()).contains("-DESPGEN_LOG_LEVEL=2");
        assertThat(new CompileCommand(java.nio.file.Path.of("gcc"), CompileOptions.of(4, null),
                java.nio.file.Path.of("t"), java.util.List.of()).flags()).noneMatch(f -> f.contains("LOG_LEVEL"));
    }
}
