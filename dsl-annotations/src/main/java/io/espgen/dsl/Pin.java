package io.espgen.dsl;

/**
 * A GPIO pin of the chip, declared once as a {@code static final} field of the server, and read, written or
 * toggled from any handler, the interrupt handlers included:
 *
 * <pre>{@code
 * static final Pin LED = Pin.output(2);               // the on-board LED of most modules, low = on
 * static final Pin BUTTON = Pin.inputPullUp(0);       // the FLASH button, to ground
 *
 * @OnReceive void command(Connection c, Bytes data) { LED.toggle(); }
 * }</pre>
 *
 * <p>The number is the chip's GPIO number (0 to {@value Limits#MAX_GPIO}), a constant. GPIO 6 to 11 hold the
 * SPI flash the firmware runs from and are refused; GPIO 16 sits in the RTC domain: an input or an output,
 * without an interrupt or a pull-up. When the server starts, each pin gets its pin-mux function, its pull-up,
 * and its direction; an output starts low.
 *
 * <p>On the JVM reference a pin is a level the test reads and sets ({@code JvmServer.pin}, {@code
 * JvmServer.setInput}); an input set by a test raises its interrupt handlers as the chip would.
 */
public final class Pin {

    private final int gpio;
    private final boolean output;
    private final boolean pullUp;
    private volatile boolean level;

    private Pin(int gpio, boolean output, boolean pullUp) {
        this.gpio = gpio;
        this.output = output;
        this.pullUp = pullUp;
        this.level = pullUp;
    }

    /** An input, floating unless the board pulls it. */
    public static Pin input(int gpio) {
        return new Pin(gpio, false, false);
    }

    /** An input with the chip's pull-up ({@code PIN_PULLUP_EN}): high until something pulls it low. */
    public static Pin inputPullUp(int gpio) {
        return new Pin(gpio, false, true);
    }

    /** An output, low at start. */
    public static Pin output(int gpio) {
        return new Pin(gpio, true, false);
    }

    /** The pin's level: true is high. An output reads back the level it drives. */
    public boolean read() {
        return level;
    }

    /** Drives an output high (true) or low. */
    public void write(boolean high) {
        level = high;
    }

    /** Drives an output to the other level. */
    public void toggle() {
        level = !level;
    }

    /** The GPIO number. */
    public int gpio() {
        return gpio;
    }

    /** Whether it was declared an output. */
    public boolean isOutput() {
        return output;
    }

    /** Whether it was declared an input with the pull-up. */
    public boolean hasPullUp() {
        return pullUp;
    }
}
