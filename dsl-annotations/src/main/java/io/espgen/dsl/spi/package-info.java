/**
 * Hooks for implementations of the DSL that run handlers on the JVM (such as the JVM reference server of
 * {@code espgen-jvm-reference}); not for handler bodies.
 */
package io.espgen.dsl.spi;
