package io.espgen.dsl;

/** The change of an input pin's level that raises its interrupt ({@code gpio.h: GPIO_INT_TYPE}). */
public enum Edge {
    /** Low to high ({@code GPIO_PIN_INTR_POSEDGE}). */
    RISING,
    /** High to low ({@code GPIO_PIN_INTR_NEGEDGE}), a button to ground on a pulled-up input. */
    FALLING,
    /** Either ({@code GPIO_PIN_INTR_ANYEDGE}). */
    ANY
}
