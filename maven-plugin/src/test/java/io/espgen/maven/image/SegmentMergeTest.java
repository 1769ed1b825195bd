package io.espgen.maven.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging, on made-up segments: only a segment that starts where the previous (padded) one ends, in one memory. */
class SegmentMergeTest {
    private static FirmwareImage.Segment seg(long addr, int length, String name) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (addr + i);
        }
        return new FirmwareImage.Segment(addr, data, List.of(name));
    }

    @Test
    void adjacentSegmentsInOneMemoryMerge() {
        List<FirmwareImage.Segment> merged = FirmwareImage.merge(List.of(seg(0x3FFE8000L, 8, ".data"),
                seg(0x3FFE8008L, 4, ".rodata"), seg(0x3FFE800CL, 4, ".rodata2")));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).addr()).isEqualTo(0x3FFE8000L);
        assertThat(merged.get(0).length()).isEqualTo(16);
        assertThat(merged.get(0).sections()).containsExactly(".data", ".rodata", ".rodata2");
        assertThat(merged.get(0).data()[8]).isEqualTo((byte) 0x08);
    }

    @Test
    void aGapOrAnotherMemoryKeepsThemApart() {
        assertThat(FirmwareImage.merge(List.of(seg(0x3FFE8000L, 8, ".data"), seg(0x3FFE8010L, 4, ".rodata"))))
                .hasSize(2);
        // 0x40000000 is past the end of DRAM: adjacent, but not the same memory
        assertThat(FirmwareImage.merge(List.of(seg(0x3FFFFFFCL, 4, ".a"), seg(0x40000000L, 4, ".b")))).hasSize(2);
        // order counts: a segment is only merged into the one before it
        assertThat(FirmwareImage.merge(List.of(seg(0x3FFE8008L, 4, ".b"), seg(0x3FFE8000L, 8, ".a")))).hasSize(2);
    }

    @Test
    void iromWindow() {
        assertThat(FirmwareImage.isIrom(0x40200000L)).isTrue();
        assertThat(FirmwareImage.isIrom(0x40210000L)).isTrue();
        assertThat(FirmwareImage.isIrom(0x402FFFFFL)).isTrue();
        assertThat(FirmwareImage.isIrom(0x40300000L)).isFalse();
        assertThat(FirmwareImage.isIrom(0x40100000L)).isFalse();
    }

    @Test
    void fileNames() {
        assertThat(ImageWriter.fileName("echo", 0)).isEqualTo("echo-0x00000.bin");
        assertThat(ImageWriter.fileName("echo", 0x10000)).isEqualTo("echo-0x10000.bin");
        assertThat(ImageWriter.fileName("echo", 0x100000)).isEqualTo("echo-0x100000.bin");
    }
}
