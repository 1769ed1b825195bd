package io.espgen.maven.run;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code esp.port} value, {@code FIRMWARE=HOST}: serve the firmware's port FIRMWARE on host port HOST
 * (0 = any free port). It becomes the host emulation's {@code --port FIRMWARE=HOST}.
 */
public record PortMapping(int firmwarePort, int hostPort) {

    public static PortMapping parse(String value) throws EspException {
        String v = value == null ? "" : value.strip();
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) {
            throw new EspException(Messages.badPortMapping(v));
        }
        int fw = port(v, v.substring(0, eq).strip(), 1);
        int host = port(v, v.substring(eq + 1).strip(), 0);
        return new PortMapping(fw, host);
    }

    private static int port(String whole, String digits, int min) throws EspException {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            throw new EspException(Messages.badPortMapping(whole));
        }
        int p = Integer.parseInt(digits);
        if (p < min || p > 65535) {
            throw new EspException(Messages.badPortMapping(whole));
        }
        return p;
    }

    /**
     * The emulation's arguments for the given {@code esp.port} values (Maven has already split a
     * comma-separated property; a value may still hold several, separated by commas).
     */
    public static List<String> arguments(List<String> values, boolean anyPort) throws EspException {
        List<String> args = new ArrayList<>();
        if (anyPort) {
            args.add("--any-port");
        }
        if (values == null) {
            return args;
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                PortMapping m = parse(part);
                args.add("--port");
                args.add(m.firmwarePort() + "=" + m.hostPort());
            }
        }
        return args;
    }
}
