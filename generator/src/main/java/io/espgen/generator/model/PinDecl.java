package io.espgen.generator.model;

/**
 * A pin the server declares: {@code static final Pin LED = Pin.output(2)}.
 *
 * @param javaName the field's name
 * @param gpio the GPIO number, 0 to 5, 12 to 16 (the flash's 6 to 11 are refused)
 * @param mode how it is set up when the server starts
 * @param macro the C macro of its GPIO number
 * @param line the Java line of the declaration
 */
public record PinDecl(String javaName, int gpio, Mode mode, String macro, int line) {

    public enum Mode {
        INPUT("Pin.input"), INPUT_PULL_UP("Pin.inputPullUp"), OUTPUT("Pin.output");

        private final String factory;

        Mode(String factory) {
            this.factory = factory;
        }

        /** The Java call that declares it ({@code Pin.output}). */
        public String factory() {
            return factory;
        }
    }

    public boolean isOutput() {
        return mode == Mode.OUTPUT;
    }
}
