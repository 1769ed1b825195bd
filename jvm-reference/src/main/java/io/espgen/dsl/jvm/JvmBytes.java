package io.espgen.dsl.jvm;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Text;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@link Bytes} on the JVM: received data as the firmware's handlers see it, with the same clamped
 * results. Handy on its own to unit-test an {@code @OnReceive} handler: {@code JvmBytes.of("GET 5\n")}.
 */
public final class JvmBytes implements Bytes {

    private final byte[] data;

    private JvmBytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data[offset, offset + length)}. */
    public static JvmBytes of(byte[] data, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        return new JvmBytes(copy);
    }

    /** A copy of {@code data}. */
    public static JvmBytes of(byte[] data) {
        return of(data, 0, data.length);
    }

    /** The UTF-8 bytes of {@code text}. */
    public static JvmBytes of(String text) {
        return new JvmBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    @Override
    public int length() {
        return data.length;
    }

    @Override
    public byte get(int index) {
        return index >= 0 && index < data.length ? data[index] : 0;
    }

    @Override
    public boolean contentEquals(String text) {
        return Text.contentEquals(data, 0, data.length, text);
    }

    @Override
    public boolean startsWith(String prefix) {
        return Text.startsWith(data, 0, data.length, prefix);
    }

    @Override
    public int indexOf(int value, int from) {
        return Text.indexOf(data, from, data.length, value);
    }

    @Override
    public int parseInt(int from, int to, int failure) {
        return Text.parseInt(data, from, to, failure);
    }

    @Override
    public int copyTo(int from, int to, byte[] dst, int dstOffset) {
        int f = clamp(from, data.length);
        int e = clamp(to, data.length);
        if (dstOffset < 0 || dstOffset >= dst.length || e <= f) {
            return 0;
        }
        int count = Math.min(e - f, dst.length - dstOffset);
        System.arraycopy(data, f, dst, dstOffset, count);
        return count;
    }

    @Override
    public Iterator<Byte> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < data.length;
            }

            @Override
            public Byte next() {
                if (next >= data.length) {
                    throw new NoSuchElementException();
                }
                return data[next++];
            }
        };
    }

    @Override
    public String toString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static int clamp(int index, int length) {
        return index < 0 ? 0 : Math.min(index, length);
    }
}
