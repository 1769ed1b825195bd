package io.espgen.maven;

import io.espgen.maven.flash.FlashImages;
import io.espgen.serial.FlashImage;
import io.espgen.serial.Flasher;
import io.espgen.serial.ProgressBar;
import io.espgen.serial.Progress;
import io.espgen.serial.SerialException;
import io.espgen.serial.SerialLink;
import io.espgen.serial.SerialPorts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the flash images of {@code esp:firmware} ({@code target/espgen/<name>-0x00000.bin} and
 * {@code <name>-0x10000.bin}) to a board through the ESP8266's ROM bootloader, from Java: no esptool, no Python.
 * The board is reset into its bootloader through DTR and RTS, as NodeMCU-style boards are wired, and back into the
 * new firmware at the end. Builds nothing: {@code mvn esp:firmware esp:flash esp:monitor} builds, flashes and
 * watches.
 */
@Mojo(name = "flash", threadSafe = true)
public class FlashMojo extends AbstractSerialMojo {
    /** The ROM bootloader answers at any rate it can detect; this one when the first fails. */
    static final int FALLBACK_BAUD = 115200;

    /** The rate to write at; when the chip does not answer at it, 115200 is tried. */
    @Parameter(property = "esp.flashBaud", defaultValue = "460800")
    protected int flashBaud;

    /**
     * Resets the board into its bootloader through DTR and RTS before writing, and into the firmware after. Turn it
     * off for boards without the reset circuit: then hold GPIO0 low while resetting the board by hand.
     */
    @Parameter(property = "esp.reset", defaultValue = "true")
    protected boolean reset;

    @Override
    protected String goal() {
        return "flash";
    }

    @Override
    protected void run() throws EspException, IOException, InterruptedException {
        List<FlashImage> images = FlashImages.find(outputDir.toPath(), imageName);
        List<Integer> bauds = new ArrayList<>(List.of(flashBaud));
        if (flashBaud != FALLBACK_BAUD) {
            bauds.add(FALLBACK_BAUD);
        }
        try {
            String port = port();
            Progress bar = System.console() != null ? new ProgressBar(System.out)
                    : new ProgressBar(line -> getLog().info(line));
            long start = System.nanoTime();
            Flasher.Result result;
            try (SerialLink link = SerialPorts.open(port, bauds.get(0))) {
                Flasher flasher = new Flasher(link, Flasher.Options.defaults(bauds).withReset(reset), bar,
                        line -> getLog().info(Messages.PREFIX + line));
                result = flasher.flash(images);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            getLog().info(Messages.flashed(images.size(), result.bytes(), port, result.baud(), millis));
            for (FlashImage image : images) {
                getLog().info(Messages.flashedImage(image.name(), image.offset(), image.md5()));
            }
        } catch (SerialException e) {
            throw new EspException(Messages.PREFIX + e.getMessage());
        } catch (IOException e) {
            // the port failed while writing (unplugged): one line, and the flash is incomplete
            throw new EspException(Messages.PREFIX + e.getMessage() + "; the flash is incomplete: run the goal again");
        }
    }
}
