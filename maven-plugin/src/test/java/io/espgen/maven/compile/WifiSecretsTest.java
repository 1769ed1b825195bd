package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WifiSecretsTest {
    @TempDir
    Path tmp;

    private Path file(String text) throws Exception {
        Path f = tmp.resolve("secrets.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void propertyBeforeEnvironmentBeforeFile() throws Exception {
        Path f = file("wifi.ssid=from-file\nwifi.password=file-pass\nwifi.apPassword=file-ap-pass\n");
        Map<String, String> env = Map.of("ESP_WIFI_SSID", "from-env", "ESP_WIFI_AP_PASSWORD", "env-ap-pass");
        WifiSecrets s = WifiSecrets.resolve("from-property", null, null, env, f);
        assertThat(s.ssid()).isEqualTo("from-property");
        assertThat(s.password()).isEqualTo("file-pass");
        assertThat(s.apPassword()).isEqualTo("env-ap-pass");
        assertThat(WifiSecrets.resolve(null, null, null, env, f).ssid()).isEqualTo("from-env");
        assertThat(WifiSecrets.resolve("", null, null, Map.of(), f).ssid()).isEqualTo("from-file");
    }

    @Test
    void nothingGivenIsNoNetwork() throws Exception {
        WifiSecrets s = WifiSecrets.resolve(null, null, null, Map.of(), tmp.resolve("absent.properties"));
        assertThat(s.ssid()).isNull();
        assertThat(s.header("echo-server")).contains("#define ESPGEN_PROJECT_NAME \"echo-server\"")
                .doesNotContain("ESPGEN_WIFI_SSID").doesNotContain("ESPGEN_WIFI_PASSWORD");
    }

    @Test
    void limitsOfTheSdksStructs() throws Exception {
        assertThat(WifiSecrets.resolve("s".repeat(32), "p".repeat(64), null, Map.of(), null).password()).hasSize(64);
        assertThatThrownBy(() -> WifiSecrets.resolve("é".repeat(17), null, null, Map.of(), null))
                .hasMessage("espgen: esp.wifi.ssid is 34 bytes long in UTF-8; it must be 1 to 32 (struct station_config)");
        assertThatThrownBy(() -> WifiSecrets.resolve("net", "p".repeat(65), null, Map.of(), null))
                .hasMessageContaining("esp.wifi.password is 65 bytes long")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ppp"));
        assertThatThrownBy(() -> WifiSecrets.resolve("net", null, "short", Map.of(), null))
                .hasMessage("espgen: esp.wifi.apPassword is 5 bytes long in UTF-8; it must be 8 to 64 (WPA2)");
    }

    @Test
    void passwordNeedsSsid() {
        assertThatThrownBy(() -> WifiSecrets.resolve(null, "secret", null, Map.of(), null))
                .hasMessageStartingWith("espgen: a Wi-Fi password is given")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret\""));
    }

    @Test
    void anUnreadableSecretsFileSaysWhich() throws Exception {
        Path f = file("wifi.ssid=\\u12");
        assertThatThrownBy(() -> WifiSecrets.resolve(null, null, null, Map.of(), f))
                .hasMessageContaining("cannot read the secrets file " + f);
    }

    @Test
    void theHeaderIsTheOwnersAndRewrittenOnlyWhenItChanges() throws Exception {
        WifiSecrets s = new WifiSecrets("net", "hunter2-xyz", null);
        Path h = s.write(tmp.resolve("secrets"), "a-project-name-longer-than-thirty-two-bytes");
        assertThat(Files.readString(h)).contains("#define ESPGEN_WIFI_PASSWORD \"hunter2-xyz\"")
                .contains("#define ESPGEN_PROJECT_NAME \"a-project-name-longer-than-thirt\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h))).isEqualTo("rw-------");
        Files.setLastModifiedTime(h, FileTime.fromMillis(1000));
        s.write(tmp.resolve("secrets"), "a-project-name-longer-than-thirty-two-bytes");
        assertThat(Files.getLastModifiedTime(h).toMillis()).isEqualTo(1000);
        new WifiSecrets("net", "other-pass", null).write(tmp.resolve("secrets"), "p");
        assertThat(Files.getLastModifiedTime(h).toMillis()).isNotEqualTo(1000);
    }

    @Test
    void toStringNeverShowsTheCredentials() {
        assertThat(new WifiSecrets("my-net", "hunter2", "ap-secret").toString())
                .doesNotContain("my-net").doesNotContain("hunter2").doesNotContain("ap-secret").contains("password=set");
    }
}
