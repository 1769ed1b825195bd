package io.espgen.dsl;

import java.nio.charset.StandardCharsets;

/**
 * Text helpers on the byte arrays of a per-connection state class: compare, search, parse, and build
 * output in a fixed-size buffer. They are the firmware's own C routines; these Java bodies are the
 * reference they are tested against, so the firmware and the JVM give the same bytes.
 *
 * <p>Every method has a defined result for every argument: ranges are clamped to the array, appends
 * stop at the end of the buffer (truncating), and nothing throws.
 */
public final class Text {

    private Text() {}

    /** Whether {@code a[from, to)} is exactly the UTF-8 bytes of {@code text}. */
    public static boolean contentEquals(byte[] a, int from, int to, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        int f = clamp(from, a.length);
        int e = clamp(to, a.length);
        if (e - f != t.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (a[f + i] != t[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a[from, to)} starts with the UTF-8 bytes of {@code prefix}. */
    public static boolean startsWith(byte[] a, int from, int to, String prefix) {
        byte[] t = prefix.getBytes(StandardCharsets.UTF_8);
        int f = clamp(from, a.length);
        int e = clamp(to, a.length);
        if (e - f < t.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (a[f + i] != t[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first index in {@code [from, to)} whose byte equals {@code (byte) value}, or -1. */
    public static int indexOf(byte[] a, int from, int to, int value) {
        int e = clamp(to, a.length);
        for (int i = clamp(from, a.length); i < e; i++) {
            if (a[i] == (byte) value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The decimal integer in {@code a[from, to)}: an optional sign, then one or more digits, nothing
     * else; {@code failure} when the range is empty, holds anything else, or overflows an int.
     */
    public static int parseInt(byte[] a, int from, int to, int failure) {
        return parse(a, clamp(from, a.length), clamp(to, a.length), failure);
    }

    /**
     * Appends the UTF-8 bytes of {@code text} to {@code dst}, whose first {@code length} bytes are in use,
     * as far as they fit. Returns the new length.
     */
    public static int append(byte[] dst, int length, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        int n = clamp(length, dst.length);
        for (int i = 0; i < t.length && n < dst.length; i++) {
            dst[n++] = t[i];
        }
        return n;
    }

    /** Appends {@code value} in decimal, as far as it fits. Returns the new length. */
    public static int appendInt(byte[] dst, int length, int value) {
        return append(dst, length, Integer.toString(value));
    }

    /** Appends one byte if it fits. Returns the new length. */
    public static int appendByte(byte[] dst, int length, int value) {
        int n = clamp(length, dst.length);
        if (n < dst.length) {
            dst[n++] = (byte) value;
        }
        return n;
    }

    static int clamp(int index, int length) {
        return index < 0 ? 0 : Math.min(index, length);
    }

    /** The parser behind both parseInt methods; from and to are already clamped. */
    static int parse(byte[] a, int from, int to, int failure) {
        int i = from;
        boolean negative = false;
        if (i < to && (a[i] == '-' || a[i] == '+')) {
            negative = a[i] == '-';
            i++;
        }
        if (i >= to) {
            return failure;
        }
        long value = 0;
        for (; i < to; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) {
                return failure;
            }
            value = value * 10 + d;
            if (value > 2147483648L) {
                return failure;
            }
        }
        if (negative) {
            value = -value;
        }
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? failure : (int) value;
    }
}
