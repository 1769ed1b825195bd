package io.espgen.dsl.host;

import io.espgen.dsl.spi.HostLauncher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A server's firmware built for this machine with the host emulation of the SDK and running on 127.0.0.1, for a
 * JUnit test: what a generated {@code <Server>Firmware.startOnHost()} returns. The building and running is done by
 * artifact {@code espgen-host-runner}, which a project adds with test scope; this type only names what a test
 * may ask, so the generated companion compiles without it.
 *
 * <pre>{@code
 * try (HostFirmware fw = EchoServerFirmware.startOnHost()) {
 *     try (Socket s = new Socket("127.0.0.1", fw.port())) { ... }
 *     fw.awaitLog("bye, echoed 5 bytes");
 * }   // stops it; an AddressSanitizer or UndefinedBehaviorSanitizer report fails the test here
 * }</pre>
 */
public interface HostFirmware extends AutoCloseable {

    /**
     * System property choosing the SDK the firmware is built for when a test does not name one ({@code nonos} when
     * unset): {@code mvn test -Despgen.target=rtos} runs the same tests on the FreeRTOS target. The word is the one
     * the Maven plugin's {@code esp.target} takes.
     */
    String TARGET_PROPERTY = "espgen.target";

    /** How long {@link #awaitLog(String)} waits: generous, as the firmware runs under the sanitizers. */
    Duration LOG_TIMEOUT = Duration.ofSeconds(30);

    /** The port on 127.0.0.1 the server listens on. */
    int port();

    /**
     * Waits until a line of the firmware's output contains text, and returns that line; waits up to
     * {@link #LOG_TIMEOUT}.
     *
     * @throws AssertionError when no such line came in time, or the firmware exited first; its message holds the
     *         output so far
     */
    default String awaitLog(String text) {
        return awaitLog(text, LOG_TIMEOUT);
    }

    /** As {@link #awaitLog(String)}, waiting up to timeout. */
    String awaitLog(String text, Duration timeout);

    /** The lines the firmware has printed so far (its {@code Log} and {@code os_printf} lines, the emulation's). */
    List<String> log();

    /**
     * The firmware's heap now: asked of the running emulation, which prints it; once the firmware has stopped, what
     * it printed as it exited (then {@link Heap#liveAllocations()} are leaks).
     */
    Heap heap();

    /**
     * The firmware's GPIO pins, as the host emulation keeps them: a test reads them and drives the inputs, and each
     * call returns once the emulation has answered (see {@link Pins}).
     */
    Pins pins();

    /**
     * Stops the firmware (SIGTERM, then SIGKILL after a while) and checks that it exited cleanly.
     *
     * @throws AssertionError when it exited with a failure status (a sanitizer's report, a misuse of the SDK the
     *         emulation caught, a crash), with its output
     */
    @Override
    void close();

    /**
     * The SDK heap as the emulation accounts it: the chip's free heap at start-up is its budget.
     *
     * @param freeBytes what os_malloc could still hand out
     * @param peakBytes the most the firmware held at once so far
     * @param liveAllocations blocks allocated and not freed
     * @param liveBytes their bytes
     */
    record Heap(long freeBytes, long peakBytes, long liveAllocations, long liveBytes) {
    }

    /**
     * The emulated pins, reached through the emulation's control socket ({@code ESPGEN_HOST_GPIO}). Every call waits
     * for the emulation's answer, so what it caused is done when it returns:
     *
     * <pre>{@code
     * fw.pins().set(0, false);                 // a falling edge on GPIO 0: its @OnInterrupt handler has run
     * assertTrue(fw.pins().get(2));            // GPIO 2 reads high
     * fw.pins().awaitLevel(2, false);          // returns once GPIO 2 is low (a timer blinks it, say)
     * }</pre>
     *
     * <p>The numbers are the chip's GPIO numbers, 0 to 16. A call the emulation refuses (driving an output, say) or
     * a wait that times out throws an {@link AssertionError} saying so.
     */
    interface Pins {

        /** The pin's level, true for high: an output reads back what it drives, an undriven input with a pull-up is
         * high, else low. */
        boolean get(int gpio);

        /**
         * Drives input gpio high (true) or low, and returns once the interrupt handlers the edge raised have run
         * (what they post, an {@code @AfterInterrupt} handler, runs after, from the firmware's loop).
         */
        void set(int gpio, boolean high);

        /** Waits until the pin reads the level (true: high), up to {@link #LOG_TIMEOUT}. */
        default void awaitLevel(int gpio, boolean high) {
            awaitLevel(gpio, high, LOG_TIMEOUT);
        }

        /** As {@link #awaitLevel(int, boolean)}, waiting up to timeout. */
        void awaitLevel(int gpio, boolean high, Duration timeout);
    }

    /**
     * The SDK the firmware's C is built for on the host: the generated C is the same, the layer below it differs
     * (the README's "Where the two targets differ").
     */
    enum Target {
        /** Espressif's NONOS SDK 3.x: espconn, on the host emulation of the SDK. */
        NONOS("nonos"),
        /** ESP8266_RTOS_SDK 3.x: the firmware's task and its {@code select()} loop, on the host's sockets. */
        RTOS("rtos");

        private final String value;

        Target(String value) {
            this.value = value;
        }

        /** The word {@value HostFirmware#TARGET_PROPERTY} and the plugin's {@code esp.target} take. */
        public String value() {
            return value;
        }

        /** The target a word names ({@code nonos}, {@code rtos}); empty for any other word. */
        public static Optional<Target> of(String value) {
            for (Target t : values()) {
                if (t.value.equals(value.strip())) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** The firmware could not be built or did not start; the message is one line that says what to do. */
    final class StartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Builds the firmware that server's class path holds (written there by the espgen processor) and starts it,
     * serving firmwarePort on hostPort (0: any free port) and every other port of the firmware on a free port.
     * The generated companion's {@code startOnHost} calls this.
     *
     * @throws StartException when it cannot, saying why and what to do
     */
    static HostFirmware start(Class<?> server, int firmwarePort, int hostPort) {
        return launcher(server).start(server, firmwarePort, hostPort);
    }

    /**
     * As {@link #start(Class, int, int)}, built for target whatever {@value #TARGET_PROPERTY} says. The generated
     * companion's {@code startOnHost(Target)} calls this.
     */
    static HostFirmware start(Class<?> server, int firmwarePort, int hostPort, Target target) {
        return launcher(server).start(server, firmwarePort, hostPort, Objects.requireNonNull(target));
    }

    private static HostLauncher launcher(Class<?> server) {
        for (HostLauncher launcher : ServiceLoader.load(HostLauncher.class, server.getClassLoader())) {
            return launcher;
        }
        throw new StartException("espgen: startOnHost needs the host runner on the test class path: add the "
                + "dependency io.espgen:espgen-host-runner with <scope>test</scope>", null);
    }
}
