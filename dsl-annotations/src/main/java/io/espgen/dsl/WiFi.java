package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the firmware joins a network, on one {@link TcpServer} class of the firmware (at most one). Without it
 * the firmware is a {@link Mode#STATION} with every default below.
 *
 * <p>The network's name and password are not here: they are secrets, and the sources are reviewed and
 * committed. The Maven plugin takes them at build time, from the properties {@code esp.wifi.ssid},
 * {@code esp.wifi.password} and {@code esp.wifi.apPassword}, else the environment variables
 * {@code ESP_WIFI_SSID}, {@code ESP_WIFI_PASSWORD} and {@code ESP_WIFI_AP_PASSWORD}, else a secrets file
 * ({@code esp.secrets}, by default {@code secrets.properties} next to the pom, keys {@code wifi.ssid},
 * {@code wifi.password}, {@code wifi.apPassword}; keep it out of version control), and writes them into a
 * header of their own outside the generated sources. A build without them succeeds with one warning, and
 * that firmware comes up as an access point named after the project, so the board stays reachable.
 *
 * <pre>{@code
 * @WiFi(hostname = "thermostat", fallbackApAfterSeconds = 120)
 * @TcpServer(port = 80)
 * public class Thermostat { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WiFi {

    /** What the radio does. */
    enum Mode {
        /** Joins the network named by the build's credentials, and falls back to an access point. */
        STATION,
        /** Opens an access point of its own: the build's {@code esp.wifi.ssid} (or the project's name). */
        ACCESS_POINT
    }

    Mode mode() default Mode.STATION;

    /** The station's DHCP host name, 1 to 32 letters, digits and hyphens; empty keeps the SDK's (ESP_xxxxxx). */
    String hostname() default "";

    /** A static IPv4 address for the station, dotted ({@code "192.168.1.50"}); empty = DHCP. */
    String staticIp() default "";

    /** With {@link #staticIp()}: the netmask. */
    String netmask() default "255.255.255.0";

    /** With {@link #staticIp()}: the gateway; empty = the network's .1. */
    String gateway() default "";

    /**
     * Seconds a station may go without an IP address before the firmware also opens its fallback access
     * point (it keeps trying the network, and closes the access point once it has an address), 1 to
     * {@value Limits#MAX_WIFI_FALLBACK_SECONDS}; 0 = never.
     */
    int fallbackApAfterSeconds() default 60;

    /** The access point's channel, 1 to 13. */
    int apChannel() default 1;

    /** How many stations the access point admits, 1 to {@value Limits#MAX_AP_STATIONS} (the SDK's limit). */
    int apMaxStations() default 4;
}
