package io.espgen.maven.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Writes the version-1 image files of a linked ELF: {@code <name>-0x00000.bin} and the irom0 file. */
public final class ImageWriter {

    /** One file, the flash offset it goes to, and whether it was (re)written ({@code false}: it held these bytes). */
    public record ImageFile(long offset, Path file, int bytes, boolean written) {
        /** {@code 0x00000}, {@code 0x10000}: five hex digits at least, as esptool names the files. */
        public String offsetText() {
            return offsetText(offset);
        }

        public static String offsetText(long offset) {
            return String.format(Locale.ROOT, "0x%05x", offset);
        }
    }

    private ImageWriter() {
    }

    /** {@code <name>-0x<offset>.bin}. */
    public static String fileName(String name, long offset) {
        return name + "-" + ImageFile.offsetText(offset) + ".bin";
    }

    /**
     * Writes the files into {@code dir}, main image first. A file that already holds the bytes is left alone
     * (the bytes depend on nothing but the ELF and the parameters).
     *
     * @return the files, in flash order
     */
    public static List<ImageFile> write(FirmwareImage image, FlashParams params, Path dir, String name)
            throws IOException {
        Files.createDirectories(dir);
        List<ImageFile> files = new ArrayList<>();
        files.add(write(dir.resolve(fileName(name, 0)), 0, image.mainFile(params)));
        if (image.irom() != null) {
            files.add(write(dir.resolve(fileName(name, image.iromOffset())), image.iromOffset(), image.iromFile()));
        }
        return files;
    }

    /** Whether every file was already there with its bytes. */
    public static boolean upToDate(List<ImageFile> files) {
        return files.stream().noneMatch(ImageFile::written);
    }

    private static ImageFile write(Path file, long offset, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return new ImageFile(offset, file, bytes.length, false);
        }
        Files.write(file, bytes);
        return new ImageFile(offset, file, bytes.length, true);
    }

    /** The esptool command line that writes the files to a chip. */
    public static List<String> esptoolCommand(FlashParams params, List<ImageFile> files) {
        List<String> cmd = new ArrayList<>(List.of("esptool.py", "--chip", "esp8266", "write_flash",
                "--flash_mode", params.mode().parameterValue(), "--flash_size", params.size().esptoolName(),
                "--flash_freq", params.freq().parameterValue()));
        for (ImageFile f : files) {
            cmd.add(f.offsetText());
            cmd.add(f.file().toString());
        }
        return cmd;
    }
}
