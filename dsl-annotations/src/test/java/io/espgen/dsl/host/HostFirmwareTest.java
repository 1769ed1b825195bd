package io.espgen.dsl.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** This module's tests have no host runner on their class path, as a project that forgot the dependency. */
class HostFirmwareTest {

    @Test
    void withoutTheHostRunnerStartingSaysWhichDependencyToAdd() {
        assertThatThrownBy(() -> HostFirmware.start(HostFirmwareTest.class, 7777, 0))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessage("espgen: startOnHost needs the host runner on the test class path: add the dependency"
                        + " io.espgen:espgen-host-runner with <scope>test</scope>");
        assertThatThrownBy(() -> HostFirmware.start(HostFirmwareTest.class, 7777, 0, HostFirmware.Target.RTOS))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessageContaining("io.espgen:espgen-host-runner");
    }

    @Test
    void aTargetIsNamedByThePluginsWord() {
        assertThat(HostFirmware.Target.of("nonos")).contains(HostFirmware.Target.NONOS);
        assertThat(HostFirmware.Target.of(" rtos ")).contains(HostFirmware.Target.RTOS);
        assertThat(HostFirmware.Target.of("RTOS")).isEmpty();
        assertThat(HostFirmware.Target.of("freertos")).isEmpty();
        assertThat(HostFirmware.Target.RTOS.value()).isEqualTo("rtos");
    }
}
