package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import org.junit.jupiter.api.Test;

class CompileOptionsTest {
    @Test
    void defaults() throws Exception {
        CompileOptions o = CompileOptions.of(4, null, null, null);
        assertThat(o.extraFlags()).isEmpty();
        assertThat(o.wifiSsid()).isNull();
        assertThat(o.wifiPassword()).isNull();
    }

    @Test
    void cflagsSplitOnWhiteSpace() throws Exception {
        assertThat(CompileOptions.of(4, "  -DA=1\t-Wno-error=unused-function\n -O2 ", null, null).extraFlags())
                .containsExactly("-DA=1", "-Wno-error=unused-function", "-O2");
        assertThat(CompileOptions.of(4, "   ", null, null).extraFlags()).isEmpty();
    }

    @Test
    void flashSizeMapRange() throws Exception {
        assertThat(CompileOptions.of(0, null, null, null).flashSizeMap()).isZero();
        assertThat(CompileOptions.of(9, null, null, null).flashSizeMap()).isEqualTo(9);
        assertThatThrownBy(() -> CompileOptions.of(10, null, null, null))
                .isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.flashSizeMap=10 is not a flash size map of the SDK; use 0 to 9"
                        + " (4 = 4 MB with 512 KB + 512 KB, the default)");
        assertThatThrownBy(() -> CompileOptions.of(-1, null, null, null)).isInstanceOf(EspException.class);
    }

    @Test
    void wifiLimitsOfStationConfig() throws Exception {
        assertThat(CompileOptions.of(4, null, "s".repeat(32), "p".repeat(64)).wifiPassword()).hasSize(64);
        assertThatThrownBy(() -> CompileOptions.of(4, null, "é".repeat(17), null))
                .hasMessage("espgen: esp.wifi.ssid is 34 bytes long in UTF-8; struct station_config holds at most 32");
        assertThatThrownBy(() -> CompileOptions.of(4, null, "net", "p".repeat(65)))
                .hasMessage("espgen: esp.wifi.password is 65 bytes long in UTF-8; struct station_config holds at"
                        + " most 64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ppp"));
    }

    @Test
    void passwordNeedsSsid() {
        assertThatThrownBy(() -> CompileOptions.of(4, null, "", "secret"))
                .hasMessage("espgen: esp.wifi.password is set but esp.wifi.ssid is not; set both, or neither");
    }

    @Test
    void emptyPasswordIsAnOpenNetwork() throws Exception {
        CompileOptions o = CompileOptions.of(4, null, "cafe", "");
        assertThat(o.wifiPassword()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheCredentials() throws Exception {
        assertThat(CompileOptions.of(4, null, "my-net", "hunter2").toString())
                .doesNotContain("my-net").doesNotContain("hunter2").contains("wifiPassword=set");
    }
}
