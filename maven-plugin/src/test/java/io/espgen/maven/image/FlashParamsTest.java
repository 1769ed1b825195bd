package io.espgen.maven.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EspException;
import org.junit.jupiter.api.Test;

class FlashParamsTest {
    @Test
    void defaults() throws Exception {
        FlashParams p = FlashParams.of("qio", "4M", "40m");
        assertThat(p).isEqualTo(FlashParams.DEFAULT);
        assertThat(p.sizeFreqByte()).isEqualTo(0x40);
    }

    @Test
    void everyValueAndItsCode() throws Exception {
        assertThat(FlashParams.of("qout", "512K", "26m").sizeFreqByte()).isEqualTo(0x01);
        assertThat(FlashParams.of("dio", "256K", "20m").sizeFreqByte()).isEqualTo(0x12);
        assertThat(FlashParams.of("dout", "1M", "80m").sizeFreqByte()).isEqualTo(0x2F);
        assertThat(FlashParams.of("qio", "2M", "40m").sizeFreqByte()).isEqualTo(0x30);
        assertThat(FlashParams.of("qio", "2M-c1", "40m").sizeFreqByte()).isEqualTo(0x50);
        assertThat(FlashParams.of("qio", "4M-c1", "40m").sizeFreqByte()).isEqualTo(0x60);
        assertThat(FlashParams.of("qio", "8M", "40m").sizeFreqByte()).isEqualTo(0x80);
        assertThat(FlashParams.of("qio", "16M", "40m").sizeFreqByte()).isEqualTo(0x90);
        assertThat(FlashParams.of("qio", "16M", "40m").size().bytes()).isEqualTo(16L << 20);
        assertThat(FlashParams.of("QOUT", "4MB", " 80M ").mode().code()).isEqualTo(1);
        assertThat(FlashParams.of("dio", "4m-C1", "40m").size().sizeMap()).isEqualTo(6);
        assertThat(FlashParams.of("dout", "4M", "40m").mode().code()).isEqualTo(3);
    }

    @Test
    void badValuesAreOneLineNamingTheParameter() {
        assertThatThrownBy(() -> FlashParams.of("fast", "4M", "40m")).isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.flashMode=fast is not allowed; use one of qio, qout, dio, dout (default qio)");
        assertThatThrownBy(() -> FlashParams.of("qio", "3M", "40m")).hasMessage("espgen: esp.flashSize=3M is not "
                + "allowed; use one of 512K, 256K, 1M, 2M, 4M, 2M-c1, 4M-c1, 8M, 16M (default 4M)");
        assertThatThrownBy(() -> FlashParams.of("qio", "4M", "160m")).hasMessage(
                "espgen: esp.flashFreq=160m is not allowed; use one of 40m, 26m, 20m, 80m (default 40m)");
        assertThatThrownBy(() -> FlashParams.of(null, "4M", "40m")).hasMessageContaining("esp.flashMode=");
    }
}
