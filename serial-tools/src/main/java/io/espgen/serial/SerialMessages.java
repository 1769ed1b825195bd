package io.espgen.serial;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every message of the serial tools, in one place. Failures are one line that says what happened and what to do;
 * callers add their own prefix.
 */
public final class SerialMessages {
    static final String PORT_HINT = "set esp.serialPort (-Desp.serialPort=/dev/ttyUSB0)";

    private SerialMessages() {
    }

    // ports

    public static String noPort() {
        return "no serial port found (looked for /dev/ttyUSB*, /dev/ttyACM*, /dev/cu.usb*, COM*); connect the board "
                + "with a data cable, or " + PORT_HINT;
    }

    public static String manyPorts(List<String> ports) {
        return ports.size() + " serial ports found (" + String.join(", ", ports) + "); choose one: " + PORT_HINT;
    }

    public static String portMissing(String port, List<String> present) {
        return "serial port " + port + " does not exist; " + (present.isEmpty()
                ? "no board is connected (no /dev/ttyUSB* or /dev/ttyACM*)"
                : "connected: " + String.join(", ", present));
    }

    public static String permissionDenied(String port, String group) {
        String g = group == null || group.equals("root") ? "dialout" : group;
        return "permission denied on " + port + ": add yourself to the group " + g + " (sudo usermod -aG " + g
                + " $USER) and log in again";
    }

    public static String portBusy(String port) {
        return "serial port " + port + " is in use by another program (a serial monitor, esp:monitor, screen?); "
                + "close it and retry";
    }

    public static String openFailed(String port, int errno) {
        return "cannot open serial port " + port + " (error " + errno + ")";
    }

    public static String portGone(String port) {
        return "serial port " + port + " went away (board unplugged?)";
    }

    public static String baudRefused(String port, int baud) {
        return "serial port " + port + " refuses " + baud + " baud; choose another rate";
    }

    // the ROM bootloader

    public static String connected(String port, int baud) {
        return "connected to the ESP8266 ROM bootloader on " + port + " at " + baud + " baud";
    }

    public static String noSyncAt(int baud) {
        return "no answer at " + baud + " baud";
    }

    public static String noControlLines(String port) {
        return port + " has no DTR/RTS lines to reset the chip: hold GPIO0 low (the FLASH button) while you reset "
                + "it, then it waits in its bootloader";
    }

    public static String noAnswer(String port, List<Integer> bauds, boolean resetTried) {
        String rates = bauds.stream().map(String::valueOf).collect(Collectors.joining(" or "));
        return "no answer from the chip on " + port + " at " + rates + " baud; "
                + (resetTried ? "the automatic reset did not reach the bootloader: hold GPIO0 low (the FLASH button) "
                        + "while you reset the board, and check that the cable carries data"
                        : "put the chip in its bootloader (hold GPIO0 low while you reset it), check the cable and "
                                + "the power, then retry");
    }

    public static String noAnswerTo(String port, String command, int timeoutMillis) {
        return "no answer from the chip on " + port + " to " + command + " within " + timeoutMillis + " ms";
    }

    public static String romError(String command, int error, String text) {
        return String.format(Locale.ROOT, "the ROM bootloader failed %s: error 0x%02x, %s", command, error, text);
    }

    public static String beginFailed(String image, long offset, String why) {
        return String.format(Locale.ROOT, "erasing flash for %s at 0x%05x failed: %s", image, offset, why);
    }

    public static String blockFailed(String image, long address, int seq, int blocks, int attempts, String why) {
        return String.format(Locale.ROOT, "writing %s failed at 0x%05x (block %d of %d, %d attempts): %s; the flash "
                + "is incomplete: run the goal again", image, address, seq + 1, blocks, attempts, why);
    }

    public static String blockRetry(int seq, String why) {
        return "block " + seq + ": " + why + "; retrying";
    }
}
