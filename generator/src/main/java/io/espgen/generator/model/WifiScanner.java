package io.espgen.generator.model;

import io.espgen.dsl.Limits;
import io.espgen.dsl.WiFi;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Reads and checks a {@code @WiFi} annotation; every error goes on the value at fault. */
public final class WifiScanner {

    /** What the scan found: the configuration when there was no problem. */
    public record WifiSite(TypeElement type, AnnotationMirror annotation, WifiConfig config, List<Problem> problems) {

        public WifiSite {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final TypeElement type;
    private final AnnotationMirror ann;
    private final List<Problem> problems = new ArrayList<>();

    private WifiScanner(TypeElement type, AnnotationMirror ann) {
        this.type = type;
        this.ann = ann;
    }

    /** Whether the class carries {@code @WiFi}. */
    public static boolean declaredOn(TypeElement type) {
        return Annotations.find(type, DslTypes.WIFI) != null;
    }

    /** Scans the {@code @WiFi} of a class that has one. */
    public static WifiSite scan(TypeElement type) {
        AnnotationMirror ann = Annotations.find(type, DslTypes.WIFI);
        return new WifiScanner(type, ann).scan();
    }

    private WifiSite scan() {
        if (Annotations.find(type, DslTypes.TCP_SERVER) == null) {
            problems.add(new Problem(Messages.wifiNotOnServer(), type, ann, null));
        }
        String mode = ((VariableElement) Annotations.value(ann, "mode").getValue()).getSimpleName().toString();
        String hostname = string("hostname");
        if (!hostname.isEmpty() && !validHostname(hostname)) {
            error(Messages.wifiHostname(hostname), "hostname");
        }
        List<Integer> ip = address("staticIp", true);
        List<Integer> netmask = address("netmask", false);
        List<Integer> gateway = address("gateway", true);
        if (ip.isEmpty()) {
            for (String dependent : List.of("netmask", "gateway")) {
                if (Annotations.explicitValue(ann, dependent) != null) {
                    error(Messages.wifiNeedsStaticIp(dependent), dependent);
                }
            }
        } else if (gateway.isEmpty()) {
            gateway = List.of(ip.get(0), ip.get(1), ip.get(2), 1);
        }
        if (mode.equals(WiFi.Mode.ACCESS_POINT.name())) {
            for (String stationOnly : List.of("hostname", "staticIp", "netmask", "gateway", "fallbackApAfterSeconds")) {
                if (Annotations.explicitValue(ann, stationOnly) != null) {
                    error(Messages.wifiStationOnly(stationOnly), stationOnly);
                }
            }
        }
        int fallback = intValue("fallbackApAfterSeconds", 0, Limits.MAX_WIFI_FALLBACK_SECONDS, " seconds (0 = never)");
        int channel = intValue("apChannel", 1, 13, "");
        int stations = intValue("apMaxStations", 1, Limits.MAX_AP_STATIONS, " (the SDK's limit)");
        WifiConfig config = new WifiConfig(true, mode.equals(WiFi.Mode.ACCESS_POINT.name()), hostname, ip,
                ip.isEmpty() ? List.of() : netmask, gateway, fallback, channel, stations);
        return new WifiSite(type, ann, config, problems);
    }

    private String string(String name) {
        return (String) Annotations.value(ann, name).getValue();
    }

    /** A dotted IPv4 address, or empty when the value is empty (and may be). */
    private List<Integer> address(String name, boolean mayBeEmpty) {
        String text = string(name);
        if (text.isEmpty() && mayBeEmpty) {
            return List.of();
        }
        String[] parts = text.split("\\.", -1);
        List<Integer> octets = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                break;
            }
            octets.add(Integer.parseInt(p));
        }
        if (parts.length != 4 || octets.size() != 4) {
            error(Messages.wifiAddress(name, text), name);
            return List.of();
        }
        return octets;
    }

    private int intValue(String name, int min, int max, String unit) {
        int v = ((Number) Annotations.value(ann, name).getValue()).intValue();
        if (v < min || v > max) {
            error(Messages.wifiOutOfRange(name, v, min, max, unit), name);
        }
        return v;
    }

    /** RFC 1123 labels as the SDK's DHCP client sends them: letters, digits, inner hyphens, at most 32. */
    private static boolean validHostname(String name) {
        return name.length() <= Limits.MAX_HOSTNAME_LENGTH && name.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");
    }

    private void error(String message, String member) {
        AnnotationValue value = Annotations.explicitValue(ann, member);
        problems.add(new Problem(message, type, ann, value));
    }
}
