package io.espgen.host.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.dsl.host.HostFirmware;
import io.espgen.dsl.host.HostFirmware.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code fw.pins()}: Counter's pins driven and read through the emulation's control socket (host_gpio.c), on the
 * NONOS emulation and, unchanged, on the FreeRTOS target's host build ({@code startOnHost(Target.RTOS)}).
 */
class PinsTest {

    @ParameterizedTest
    @EnumSource(Target.class)
    void aPressRunsTheInterruptBeforeSetReturnsAndOutputsReadBack(Target target) {
        try (HostFirmware fw = CounterFirmware.startOnHost(target)) {
            HostFirmware.Pins pins = fw.pins();
            assertThat(pins.get(0)).as("the pull-up holds the button high").isTrue();
            assertThat(pins.get(4)).as("an output starts low").isFalse();
            pins.set(0, false);
            assertThat(pins.get(4)).as("the interrupt has toggled the lamp when set returned").isTrue();
            pins.set(0, true);
            assertThat(pins.get(4)).as("a rising edge raises nothing").isTrue();
            pins.awaitLevel(4, true); // already there: answered at once
            pins.set(0, false);
            assertThat(pins.get(4)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void awaitLevelReturnsOnceATimerHasChangedThePin(Target target) {
        try (HostFirmware fw = CounterFirmware.startOnHost(target)) {
            HostFirmware.Pins pins = fw.pins();
            boolean start = pins.get(5);
            pins.awaitLevel(5, !start);
            pins.awaitLevel(5, start);
            pins.awaitLevel(5, !start);
        }
    }

    @Test
    void drivingAnOutputAndAWaitThatTimesOutFailWithTheEmulationsWords() {
        try (HostFirmware fw = CounterFirmware.startOnHost()) {
            HostFirmware.Pins pins = fw.pins();
            assertThatThrownBy(() -> pins.set(4, true)).isInstanceOf(AssertionError.class)
                    .hasMessage("espgen: the emulated pins refused \"set 4 1\": error: the pin is an output");
            // nothing drives the lamp between presses: a wait for it to go high cannot end
            assertThatThrownBy(() -> pins.awaitLevel(4, true, Duration.ofMillis(200))).isInstanceOf(AssertionError.class)
                    .hasMessage("espgen: the emulated pins did not answer \"wait 4 1\" within 200 ms");
            // the timed-out wait dropped its connection; the next call connects again
            pins.set(0, false);
            assertThat(pins.get(4)).isTrue();
        }
    }
}
