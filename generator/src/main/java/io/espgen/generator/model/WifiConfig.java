package io.espgen.generator.model;

import io.espgen.dsl.WiFi;
import java.util.List;

/**
 * The firmware's {@code @WiFi} declaration, checked: what the generated {@code user_main.c} hands the
 * runtime's {@code espgen_wifi_start}. The credentials are not here: the build supplies them.
 *
 * @param declared false: the firmware has no {@code @WiFi}, and these are its defaults
 * @param hostname empty: the SDK's own
 * @param staticIp empty: DHCP; else four octets, as are netmask and gateway
 * @param fallbackApSeconds 0: never
 */
public record WifiConfig(
        boolean declared,
        boolean accessPoint,
        String hostname,
        List<Integer> staticIp,
        List<Integer> netmask,
        List<Integer> gateway,
        int fallbackApSeconds,
        int apChannel,
        int apMaxStations) {

    public WifiConfig {
        staticIp = List.copyOf(staticIp);
        netmask = List.copyOf(netmask);
        gateway = List.copyOf(gateway);
    }

    /** A firmware without {@code @WiFi}: the annotation's defaults (a DHCP station, its access point as fallback). */
    public static WifiConfig defaults() {
        try {
            return new WifiConfig(false, false, "", List.of(), List.of(), List.of(),
                    (Integer) WiFi.class.getMethod("fallbackApAfterSeconds").getDefaultValue(),
                    (Integer) WiFi.class.getMethod("apChannel").getDefaultValue(),
                    (Integer) WiFi.class.getMethod("apMaxStations").getDefaultValue());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean dhcp() {
        return staticIp.isEmpty();
    }
}
