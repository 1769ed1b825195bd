package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One line for each way the firmware fails to start on the host, from the lines each stack really prints. */
class StartFailureTest {

    @Test
    void aTakenPortOnTheEmulationNamesTheAddressAndAMapping() {
        String stderr = "espgen-host: wifi_set_opmode_current(2): no radio on the host; serving on 127.0.0.1\n"
                + "espgen-host: fatal: cannot listen on 127.0.0.1:7777 for firmware port 7777: Address already in use\n";
        assertThat(StartFailure.message(stderr, 1, 30)).isEqualTo("espgen: 127.0.0.1:7777 (firmware port 7777) is in "
                + "use by another program; stop it, or serve the firmware's port elsewhere: -Desp.port=7777=8080 (or "
                + "-Desp.anyPort for free ports)");
    }

    @Test
    void aTakenPortOnTheSdkStackToo() {
        String stderr = "espgen-host: cannot listen on 127.0.0.1:8080 (firmware port 80): Address already in use\n";
        assertThat(StartFailure.message(stderr, 1, 30)).startsWith("espgen: 127.0.0.1:8080 (firmware port 80) is in "
                + "use by another program").contains("-Desp.port=80=8081");
    }

    @Test
    void aPrivilegedPortSaysSoAndMapsItElsewhere() {
        String stderr = "espgen-host: fatal: cannot listen on 127.0.0.1:80 for firmware port 80: Permission denied\n";
        assertThat(StartFailure.message(stderr, 1, 30)).isEqualTo("espgen: cannot listen on 127.0.0.1:80 (firmware "
                + "port 80): ports below 1024 need privileges; serve it on another port: -Desp.port=80=8080 (or "
                + "-Desp.anyPort for free ports)");
    }

    @Test
    void anotherListenFailureKeepsItsReason() {
        String stderr = "espgen-host: fatal: cannot listen on 127.0.0.1:7777 for firmware port 7777: Cannot assign "
                + "requested address\n";
        assertThat(StartFailure.message(stderr, 1, 30)).isEqualTo("espgen: cannot listen on 127.0.0.1:7777 for "
                + "firmware port 7777 (Cannot assign requested address); serve it elsewhere: -Desp.port=7777=8080 (or "
                + "-Desp.anyPort for free ports)");
    }

    @Test
    void otherwiseTheExitOrTheTimeoutWithoutAnyPattern() {
        assertThat(StartFailure.message("espgen-host: SDK misuse: ...\n", 134, 30))
                .isEqualTo("espgen: the firmware exited (exit 134) on the host before it was ready; its messages are "
                        + "above");
        assertThat(StartFailure.message("", null, 30)).isEqualTo("espgen: the firmware was not ready on the host after "
                + "30 s; its messages are above (a slow machine? raise esp.startTimeout)");
    }
}
