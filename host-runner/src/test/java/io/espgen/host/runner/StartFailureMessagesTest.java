package io.espgen.host.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostStartException.ListenFailure;
import org.junit.jupiter.api.Test;

/**
 * The lines for start failures a test here cannot cause for real: this user may bind any port (root in CI), and
 * a firmware that never gets ready is stopped by the emulation's watchdog first. The stderr lines are the
 * emulation's (host_espconn_listen.c: espconn_accept's bind failure).
 */
class StartFailureMessagesTest {

    @Test
    void aPortBelow1024WithoutPrivilegeSaysSo() {
        ListenFailure l = ListenFailure.in("espgen-host: cannot listen on 127.0.0.1:80 for firmware port 80: "
                + "Permission denied\n").orElseThrow();
        assertThat(l.permissionDenied()).isTrue();
        assertThat(l.addressInUse()).isFalse();
        assertThat(HostRunner.startFailure(l, null, "", java.time.Duration.ofSeconds(60))).isEqualTo(
                "espgen: cannot listen on 127.0.0.1:80 (firmware port 80): ports below 1024 need privileges; use"
                        + " startOnHost() for a free port, or a port of 1024 and above");
    }

    @Test
    void aFirmwareNeverReadySaysHowToWaitLonger() {
        assertThat(HostRunner.startFailure(null, null, "", java.time.Duration.ofSeconds(60))).isEqualTo(
                "espgen: the firmware was not ready after 60 s (user_init did not return?); on a slow machine raise"
                        + " -Despgen.host.startTimeout=SECONDS");
    }
}
