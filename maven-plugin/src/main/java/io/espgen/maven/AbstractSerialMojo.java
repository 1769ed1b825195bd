package io.espgen.maven;

import io.espgen.serial.SerialException;
import io.espgen.serial.SerialPorts;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that talk to a board over its serial port: which port. */
public abstract class AbstractSerialMojo extends AbstractCrossMojo {

    /**
     * The serial port of the board ({@code /dev/ttyUSB0}, {@code COM3}). When unset, the one USB serial port
     * connected ({@code /dev/ttyUSB*}, {@code /dev/ttyACM*}); with none or several, the goal says so.
     */
    @Parameter(property = "esp.serialPort")
    protected String serialPort;

    /** The configured port, else the only one connected. */
    protected final String port() throws SerialException {
        if (serialPort != null && !serialPort.isBlank()) {
            return serialPort.trim();
        }
        String port = SerialPorts.detect();
        getLog().info(Messages.portDetected(port));
        return port;
    }
}
