package io.espgen.generator.model;

import java.util.List;

/**
 * The pins a server declares, and the C names of what serves their interrupts.
 *
 * @param declared the pins, in declaration order; empty when the server declares none
 * @param isr the GPIO interrupt's handler (ETS_GPIO_INTR_ATTACH), which runs the @OnInterrupt handlers
 * @param task the task the interrupt posts to, which runs the @AfterInterrupt handlers
 * @param queue the task's event queue
 */
public record Pins(List<PinDecl> declared, String isr, String task, String queue) {

    public Pins {
        declared = List.copyOf(declared);
    }

    /** The pin of that GPIO number, or null. */
    public PinDecl byGpio(int gpio) {
        return declared.stream().filter(p -> p.gpio() == gpio).findFirst().orElse(null);
    }
}
