package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The FreeRTOS target's Wi-Fi (c-runtime, rtos/espgen_rtos_wifi.c: esp_wifi and esp_event) on the host layer's radio,
 * held to WifiTest's lines for NONOS: the same policy, the same log, the same handlers. The radio's events come from
 * another thread (as from esp_event's task) and reach the handlers on the firmware's task.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class RtosWifiTest {

    private static final List<String> CREDENTIALS =
            List.of("-DESPGEN_WIFI_SSID=\"homenet\"", "-DESPGEN_WIFI_PASSWORD=\"hunter2-xyz\"");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aStationJoinsAndRejoinsAfterALostNetworkWithBackOff() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.buildRtos("wifi", true, CREDENTIALS),
                Map.of("ESPGEN_HOST_WIFI_LOSE_AFTER_MS", "30"));
        try {
            RtFirmware.awaitCount(fw, "^espgen: wifi: joining \"homenet\"$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: got address 127\\.0\\.0\\.1$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: disconnected \\(reason 200\\), retrying in 1000 ms$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: got address 127\\.0\\.0\\.1$", 2, WAIT);
            RtFirmware.awaitCount(fw, "^StationServer: network up #2, 0 clients$", 1, WAIT);
            assertThat(RtFirmware.count(fw, "^StationServer: network up #1, 0 clients$")).isEqualTo(1);
            assertThat(RtFirmware.count(fw, "^StationServer: warning: network down after 1 ups$")).isEqualTo(1);
            RtFirmware.awaitStderrCount(fw, "wifi: tcpip_adapter_set_hostname\\(\"rt-wifi\"\\)", 1);
            assertThat(fw.stdout() + fw.stderr()).as("the password is never printed").doesNotContain("hunter2");
            int opened = RtFirmware.count(fw, "opening the fallback access point");
            assertThat(opened).isLessThanOrEqualTo(1);
            RtFirmware.awaitCount(fw, "^espgen: wifi: fallback access point closed$", opened, WAIT);
            assertThat(fw.stdout().indexOf("got address")).isLessThan(fw.stdout().indexOf("wifi: disconnected"));
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void aStationWithoutANetworkOpensItsFallbackAccessPointAndKeepsTrying() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.buildRtos("wifi", true, CREDENTIALS),
                Map.of("ESPGEN_HOST_WIFI_NO_NETWORK", "1"));
        try {
            RtFirmware.awaitCount(fw, "^espgen: wifi: disconnected \\(reason 201\\), retrying in 1000 ms$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: no address after 1 s, opening the fallback access point$", 1,
                    WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: access point \"station-server\" open on channel 6$", 1, WAIT);
            RtFirmware.awaitStderrCount(fw, "wifi: access point \"station-server\", channel 6, open, up to 2 stations",
                    1);
            RtFirmware.awaitCount(fw, "^espgen: wifi: disconnected \\(reason 201\\), retrying in 2000 ms$", 1, WAIT);
            assertThat(RtFirmware.count(fw, "network (up|down)")).as("never up, so never down").isZero();
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void withoutCredentialsTheFirmwareIsItsAccessPointAtOnce() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.buildRtos("wifi", true));
        try {
            RtFirmware.awaitCount(fw, "^espgen: wifi: the build named no network$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: access point \"station-server\" open on channel 6$", 1, WAIT);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
