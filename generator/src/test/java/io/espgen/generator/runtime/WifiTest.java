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
 * The runtime's Wi-Fi (c-runtime, espgen_wifi.c) on the emulation's simulated radio (host_wifi.c): joining, the
 * back-off after a lost network, the fallback access point, an access point of its own, a static address. The
 * credentials come in as the plugin's espgen_secrets.h would give them (the same macros, as -D flags here).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class WifiTest {

    private static final List<String> CREDENTIALS =
            List.of("-DESPGEN_WIFI_SSID=\"homenet\"", "-DESPGEN_WIFI_PASSWORD=\"hunter2-xyz\"");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aStationJoinsAndRejoinsAfterALostNetworkWithBackOff() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("wifi", true, List.of(), CREDENTIALS),
                Map.of("ESPGEN_HOST_WIFI_LOSE_AFTER_MS", "30"));
        try {
            RtFirmware.awaitCount(fw, "^espgen: wifi: joining \"homenet\"$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: got address 127\\.0\\.0\\.1$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: disconnected \\(reason 200\\), retrying in 1000 ms$", 1, WAIT);
            // the runtime, not the SDK, reconnects (wifi_station_set_reconnect_policy(false)), after its back-off
            RtFirmware.awaitCount(fw, "^espgen: wifi: got address 127\\.0\\.0\\.1$", 2, WAIT);
            // @OnWifiUp on each address, @OnWifiDown once, for the loss (not for each failed retry)
            RtFirmware.awaitCount(fw, "^StationServer: network up #2, 0 clients$", 1, WAIT);
            assertThat(RtFirmware.count(fw, "^StationServer: network up #1, 0 clients$")).isEqualTo(1);
            assertThat(RtFirmware.count(fw, "^StationServer: warning: network down after 1 ups$")).isEqualTo(1);
            RtFirmware.awaitStderrCount(fw, "wifi_station_set_hostname\\(\"rt-wifi\"\\)", 1);
            assertThat(fw.stdout() + fw.stderr()).as("the password is never printed").doesNotContain("hunter2");
            // the loss armed the 1 s fallback beside the 1 s retry: an access point opened meanwhile closes with the
            // address, and none opened before the first address
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
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("wifi", true, List.of(), CREDENTIALS),
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
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("wifi", true));
        try {
            RtFirmware.awaitCount(fw, "^espgen: wifi: the build named no network$", 1, WAIT);
            RtFirmware.awaitCount(fw, "^espgen: wifi: access point \"station-server\" open on channel 6$", 1, WAIT);
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void anAccessPointFirmwareUsesTheBuildsNameAndPassword() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("wifiap", true, List.of(),
                List.of("-DESPGEN_WIFI_SSID=\"my-ap\"", "-DESPGEN_WIFI_PASSWORD=\"ap-secret-1\"")));
        try {
            RtFirmware.awaitCount(fw, "^espgen: wifi: access point \"my-ap\" open on channel 11$", 1, WAIT);
            RtFirmware.awaitStderrCount(fw, "wifi: access point \"my-ap\", channel 11, WPA2, up to 4 stations", 1);
            assertThat(fw.stdout() + fw.stderr()).doesNotContain("ap-secret-1");
        } finally {
            RtFirmware.stopClean(fw);
        }
    }

    @Test
    void aStaticAddressStopsTheDhcpClientFirst() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("wifistatic", true, List.of(), CREDENTIALS));
        try {
            RtFirmware.awaitCount(fw, "^espgen: wifi: got address 192\\.168\\.1\\.50$", 1, WAIT);
            assertThat(fw.stderr()).doesNotContain("refused while the DHCP client runs");
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
