package io.espgen.maven.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SizeParserTest {
    /** Verbatim from xtensa-lx106-elf-size -A -d (binutils 2.40) on runtime/espgen_counter.c of the stand-in tree. */
    static final String SAMPLE = """
            obj/runtime/espgen_counter.o  :
            section                       size   addr
            .irom0.literal                   0      0
            .text                            0      0
            .data                            0      0
            .bss                             0      0
            .rodata.str1.1                   7      0
            .irom0.text                     64      0
            .rodata.espgen_counter_name      8      0
            .bss.espgen_counter_log         64      0
            .data.espgen_counter_value       4      0
            .comment                        39      0
            .xtensa.info                    56      0
            .xt.lit                          8      0
            .xt.prop                        60      0
            Total                          310


            """;

    @Test
    void readsEverySectionLine() {
        List<SizeParser.Section> s = SizeParser.parse(SAMPLE);
        assertThat(s).hasSize(13);
        assertThat(s.get(0)).isEqualTo(new SizeParser.Section(".irom0.literal", 0));
        assertThat(s).contains(new SizeParser.Section(".bss.espgen_counter_log", 64),
                new SizeParser.Section(".xt.prop", 60));
    }

    @Test
    void sumsPerRegion() {
        ObjectSize o = ObjectSize.of("runtime/espgen_counter.c", SizeParser.parse(SAMPLE));
        assertThat(o).isEqualTo(new ObjectSize("runtime/espgen_counter.c", 0, 7 + 8 + 64 + 4, 64, "espgen_counter_log", 64));
    }

    @Test
    void rejectsOtherOutput() {
        assertThatThrownBy(() -> SizeParser.parse("   text    data     bss     dec     hex filename\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizeParser.parse("section size addr\n.text x 0\nTotal 0\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
