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
}
