package io.espgen.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Finds and opens serial ports, turning the operating system's refusals into messages that say what to do. */
public final class SerialPorts {
    /** errno values jSerialComm reports from open(2) on Linux and macOS. */
    static final int ENOENT = 2;
    static final int EACCES = 13;
    static final int EBUSY = 16;

    /**
     * The ports a board shows up as: USB serial adapters (CH340, CP210x, FTDI: ttyUSB; CDC ACM: ttyACM) on Linux,
     * their call-out devices on macOS, COM ports on Windows. Built-in UARTs (ttyS*) and pseudo-terminals are never
     * picked on their own: most PCs list ttyS0 to ttyS31 whether or not anything is wired.
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "/dev/tty(USB|ACM)\\d+|/dev/cu\\..*(usb|USB|SLAB|wch).*|COM\\d+");

    private SerialPorts() {
    }

    static boolean isCandidate(String path) {
        return CANDIDATE.matcher(path).matches();
    }

    /** The ports that look like a board, by name. */
    public static List<String> candidates() {
        List<String> found = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            String path = p.getSystemPortPath();
            if (isCandidate(path) || isCandidate(p.getSystemPortName())) {
                found.add(path);
            }
        }
        found.sort(null);
        return found;
    }

    /** The one port that looks like a board; an error when there is none, or more than one. */
    public static String detect() throws SerialException {
        return choose(candidates());
    }

    static String choose(List<String> candidates) throws SerialException {
        if (candidates.isEmpty()) {
            throw new SerialException(SerialMessages.noPort());
        }
        if (candidates.size() > 1) {
            throw new SerialException(SerialMessages.manyPorts(candidates));
        }
        return candidates.get(0);
    }

    /** Opens the port at 8N1 with the given rate. */
    public static SerialLink open(String path, int baud) throws SerialException {
        Path device = Path.of(path);
        boolean unixPath = path.startsWith("/");
        if (unixPath && !Files.exists(device)) {
            throw new SerialException(SerialMessages.portMissing(path, candidates()));
        }
        if (unixPath && (!Files.isReadable(device) || !Files.isWritable(device))) {
            throw new SerialException(SerialMessages.permissionDenied(path, group(device)));
        }
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new SerialException(openFailure(path, port.getLastErrorCode(), unixPath ? group(device) : null));
        }
        return new JSerialCommLink(port, baud);
    }

    /** The message for a failed open(2), by errno. */
    static String openFailure(String path, int errno, String group) {
        switch (errno) {
            case ENOENT:
                return SerialMessages.portMissing(path, List.of());
            case EACCES:
                return SerialMessages.permissionDenied(path, group);
            case EBUSY:
                return SerialMessages.portBusy(path);
            default:
                return SerialMessages.openFailed(path, errno);
        }
    }

    private static String group(Path device) {
        try {
            return Files.readAttributes(device, PosixFileAttributes.class).group().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    static String hex(long v) {
        return String.format(Locale.ROOT, "0x%05x", v);
    }
}
