package io.espgen.maven;

import io.espgen.maven.toolchain.Toolchain;
import io.espgen.maven.toolchain.ToolchainLocator;
import io.espgen.serial.Monitor;
import io.espgen.serial.SerialException;
import io.espgen.serial.SerialLink;
import io.espgen.serial.SerialPorts;
import io.espgen.serial.crash.Addr2Line;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A serial monitor: prints what the board writes until Ctrl-C. The ROM's boot lines come at 74880 baud, the
 * firmware's at {@code esp.monitorBaud}. An exception dump ({@code Fatal exception 28(LoadProhibitedCause):} or
 * {@code Exception (28):} with its stack) is decoded: the cause by name, each code address as function and
 * file:line with {@code xtensa-lx106-elf-addr2line} against {@code target/espgen/<name>.elf}, and the Java handler
 * the generated function came from. Builds nothing: {@code mvn esp:firmware esp:flash esp:monitor} chains.
 */
@Mojo(name = "monitor", threadSafe = true)
public class MonitorMojo extends AbstractSerialMojo {

    /**
     * The firmware's serial rate, after the ROM's boot lines. espgen's firmware leaves the UART as the ROM set it,
     * 74880 baud with the usual 26 MHz crystal; set this when your firmware changes it ({@code uart_div_modify}).
     */
    @Parameter(property = "esp.monitorBaud", defaultValue = "74880")
    protected int monitorBaud;

    @Override
    protected String goal() {
        return "monitor";
    }

    @Override
    protected void run() throws EspException, IOException, InterruptedException {
        Addr2Line addr2line = addr2line();
        try (SerialLink link = SerialPorts.open(port(), Monitor.BOOT_BAUD)) {
            getLog().info(Messages.monitoring(link.name(), Monitor.BOOT_BAUD, monitorBaud));
            Monitor monitor = new Monitor(link, monitorBaud, addr2line, System.out::println,
                    line -> getLog().error(line));
            monitor.run();
        } catch (SerialException e) {
            throw new EspException(Messages.PREFIX + e.getMessage());
        } catch (IOException e) {
            // the port failed under the monitor (unplugged): one line, no stack trace
            throw new EspException(Messages.PREFIX + e.getMessage());
        }
    }

    /** The decoder's view of the firmware, or null (with a warning saying why) when there is no ELF or no tool. */
    private Addr2Line addr2line() {
        Path elf = elfFile();
        if (!Files.isRegularFile(elf)) {
            getLog().warn(Messages.noElfToDecode(elf));
            return null;
        }
        try {
            Toolchain toolchain = locate(ToolchainLocator.ADDR2LINE);
            return new Addr2Line(toolchain.tool(ToolchainLocator.ADDR2LINE), elf);
        } catch (EspException e) {
            getLog().warn(e.getMessage());
            return null;
        }
    }
}
