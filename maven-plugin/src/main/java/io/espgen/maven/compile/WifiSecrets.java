package io.espgen.maven.compile;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import io.espgen.templates.CStrings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * The firmware's Wi-Fi credentials, taken at build time and kept out of everything that is reviewed or
 * logged: they go into {@value #HEADER} in a directory of their own (never the generated sources), which
 * {@code user_main.c} includes by name. Each value comes from the first of: the Maven property
 * ({@code esp.wifi.ssid}, {@code esp.wifi.password}, {@code esp.wifi.apPassword}), the environment variable
 * ({@code ESP_WIFI_SSID}, {@code ESP_WIFI_PASSWORD}, {@code ESP_WIFI_AP_PASSWORD}), the secrets file
 * ({@code wifi.ssid}, {@code wifi.password}, {@code wifi.apPassword}), as ESPHome's {@code !secret} and
 * PlatformIO's {@code ${sysenv.X}} do.
 *
 * @param ssid null: none given (a station firmware opens its access point instead)
 * @param password null or empty: an open network
 * @param apPassword null or empty: an open fallback access point; else 8 to 64 bytes (WPA2)
 */
public record WifiSecrets(String ssid, String password, String apPassword) {

    public static final String HEADER = "espgen_secrets.h";
    /** {@code struct station_config}: {@code uint8 ssid[32]; uint8 password[64];}. */
    public static final int MAX_SSID_BYTES = 32;
    public static final int MAX_PASSWORD_BYTES = 64;
    /** WPA2's shortest passphrase: the SDK refuses a shorter access point password. */
    public static final int MIN_AP_PASSWORD_BYTES = 8;
    /** The access point's name, {@code softap_config.ssid}. */
    public static final int MAX_AP_NAME_BYTES = 32;

    /** What the build was given for one value, before precedence. */
    public record Sources(String property, String environment, String file) {
        String pick() {
            for (String v : Arrays.asList(property, environment, file)) {
                if (v != null && !v.isEmpty()) {
                    return v;
                }
            }
            return null;
        }
    }

    /**
     * Resolves and checks the credentials.
     *
     * @param secretsFile may be null or missing (then it gives nothing)
     */
    public static WifiSecrets resolve(String ssidProperty, String passwordProperty, String apPasswordProperty,
            Map<String, String> env, Path secretsFile) throws EspException {
        Properties file = new Properties();
        if (secretsFile != null && Files.isRegularFile(secretsFile)) {
            try (Reader r = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new EspException(Messages.secretsUnreadable(secretsFile.toString(), String.valueOf(e.getMessage())));
            }
        }
        String ssid = new Sources(ssidProperty, env.get("ESP_WIFI_SSID"), file.getProperty("wifi.ssid")).pick();
        String password = new Sources(passwordProperty, env.get("ESP_WIFI_PASSWORD"),
                file.getProperty("wifi.password")).pick();
        String apPassword = new Sources(apPasswordProperty, env.get("ESP_WIFI_AP_PASSWORD"),
                file.getProperty("wifi.apPassword")).pick();
        if (ssid == null && password != null) {
            throw new EspException(Messages.passwordWithoutSsid());
        }
        check("esp.wifi.ssid", ssid, 1, MAX_SSID_BYTES);
        check("esp.wifi.password", password, 1, MAX_PASSWORD_BYTES);
        check("esp.wifi.apPassword", apPassword, MIN_AP_PASSWORD_BYTES, MAX_PASSWORD_BYTES);
        return new WifiSecrets(ssid, password, apPassword);
    }

    private static void check(String name, String value, int min, int max) throws EspException {
        if (value != null && (utf8Length(value) < min || utf8Length(value) > max)) {
            throw new EspException(Messages.wifiValueLength(name, utf8Length(value), min, max));
        }
    }

    /**
     * The header's text. The project's name becomes the access point's, cut to what the SDK takes (at a whole
     * character).
     */
    public String header(String projectName) {
        StringBuilder h = new StringBuilder();
        h.append("/* espgen_secrets.h - the build's Wi-Fi credentials, written by the espgen Maven plugin.\n")
                .append(" * Never commit or share this file; it is rewritten by every build. */\n")
                .append("#ifndef ESPGEN_SECRETS_H\n#define ESPGEN_SECRETS_H\n");
        h.append("#define ESPGEN_PROJECT_NAME ").append(CStrings.literal(truncate(projectName, MAX_AP_NAME_BYTES)))
                .append('\n');
        define(h, "ESPGEN_WIFI_SSID", ssid);
        define(h, "ESPGEN_WIFI_PASSWORD", password);
        define(h, "ESPGEN_WIFI_AP_PASSWORD", apPassword);
        return h.append("#endif\n").toString();
    }

    /**
     * Writes the header into dir (created, readable by its owner only where the file system allows), leaving an
     * unchanged file untouched so that nothing recompiles for it. Returns its path.
     */
    public Path write(Path dir, String projectName) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(HEADER);
        byte[] text = header(projectName).getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), text)) {
            return file;
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, text);
        return file;
    }

    private static void define(StringBuilder h, String macro, String value) {
        if (value != null) {
            h.append("#define ").append(macro).append(' ').append(CStrings.literal(value)).append('\n');
        }
    }

    private static String truncate(String s, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Never shows the values. */
    @Override
    public String toString() {
        return "WifiSecrets[ssid=" + (ssid == null ? "unset" : "set") + ", password="
                + (password == null ? "unset" : "set") + ", apPassword=" + (apPassword == null ? "unset" : "set") + "]";
    }
}
