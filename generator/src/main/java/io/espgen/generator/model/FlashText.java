package io.espgen.generator.model;

/**
 * A string constant placed in flash: a 4-aligned char array padded to whole words, so it can be read
 * with the aligned 32-bit loads flash allows.
 *
 * @param name the array's C name
 * @param lengthMacro the macro holding its length in bytes (without the padding)
 * @param length that length
 * @param size the array's size: length + 1, rounded up to a multiple of 4
 * @param literal the C string literal
 * @param javaName the Java constant it comes from, or null for a literal
 */
public record FlashText(String name, String lengthMacro, int length, int size, String literal, String javaName) {}
