package io.espgen.dsl.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmBytesTest {

    @Test
    void getIsZeroOutsideTheData() {
        JvmBytes b = JvmBytes.of(new byte[] {1, -2, 3});
        assertThat(b.length()).isEqualTo(3);
        assertThat(b.get(1)).isEqualTo((byte) -2);
        assertThat(b.get(-1)).isZero();
        assertThat(b.get(3)).isZero();
        assertThat(b.get(Integer.MIN_VALUE)).isZero();
    }

    @Test
    void comparesWithUtf8Text() {
        JvmBytes b = JvmBytes.of("\u00e9t\u00e9");
        assertThat(b.length()).isEqualTo(5);
        assertThat(b.contentEquals("\u00e9t\u00e9")).isTrue();
        assertThat(b.contentEquals("\u00e9t")).isFalse();
        assertThat(b.startsWith("\u00e9t")).isTrue();
        assertThat(b.startsWith("")).isTrue();
        assertThat(JvmBytes.of("").contentEquals("")).isTrue();
        assertThat(JvmBytes.of("ab").startsWith("abc")).isFalse();
    }

    @Test
    void indexOfClampsItsStartAndComparesAsByte() {
        JvmBytes b = JvmBytes.of(new byte[] {'a', (byte) 0xFF, 'a'});
        assertThat(b.indexOf('a', -5)).isZero();
        assertThat(b.indexOf('a', 1)).isEqualTo(2);
        assertThat(b.indexOf('a', 3)).isEqualTo(-1);
        assertThat(b.indexOf(0xFF, 0)).isEqualTo(1);
        assertThat(b.indexOf(-1, 0)).isEqualTo(1);
        assertThat(b.indexOf(0x1FF, 0)).isEqualTo(1);
    }

    @Test
    void parseIntAcceptsOnlyASignAndDigitsThatFit() {
        JvmBytes b = JvmBytes.of("x-2147483648y2147483648 +7 - 12a");
        assertThat(b.parseInt(1, 12, 99)).isEqualTo(Integer.MIN_VALUE);
        assertThat(b.parseInt(2, 12, 99)).isEqualTo(99); // 2147483648 does not fit
        assertThat(b.parseInt(13, 23, 99)).isEqualTo(99);
        assertThat(b.parseInt(13, 22, 99)).isEqualTo(214748364);
        assertThat(b.parseInt(24, 26, 99)).isEqualTo(7);
        assertThat(b.parseInt(27, 28, 99)).isEqualTo(99); // a sign alone
        assertThat(b.parseInt(29, 32, 99)).isEqualTo(99); // trailing letter
        assertThat(b.parseInt(29, 31, 99)).isEqualTo(12);
        assertThat(b.parseInt(5, 5, 99)).isEqualTo(99); // empty
        assertThat(b.parseInt(31, 1000, 99)).isEqualTo(99); // clamped to "a"
        assertThat(JvmBytes.of("42").parseInt(-3, 1000, 99)).isEqualTo(42);
        assertThat(JvmBytes.of("42").parseInt(2, 0, 99)).isEqualTo(99);
    }

    @Test
    void copyToClampsBothSides() {
        JvmBytes b = JvmBytes.of("hello");
        byte[] dst = new byte[4];
        assertThat(b.copyTo(-2, 100, dst, 1)).isEqualTo(3);
        assertThat(new String(dst, 1, 3)).isEqualTo("hel");
        assertThat(b.copyTo(0, 5, dst, 4)).isZero();
        assertThat(b.copyTo(0, 5, dst, -1)).isZero();
        assertThat(b.copyTo(3, 2, dst, 0)).isZero();
        assertThat(b.copyTo(3, 5, dst, 0)).isEqualTo(2);
        assertThat(new String(dst, 0, 2)).isEqualTo("lo");
    }

    @Test
    void iteratesOverTheBytes() {
        List<Byte> seen = new ArrayList<>();
        for (byte x : JvmBytes.of(new byte[] {5, -1})) {
            seen.add(x);
        }
        assertThat(seen).containsExactly((byte) 5, (byte) -1);
    }
}
