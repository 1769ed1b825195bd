package io.espgen.maven.link;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An unpacked ESP8266_NONOS_SDK 3.x ({@code esp.sdkDir}): its headers ({@code include/},
 * {@code driver_lib/include/}), its prebuilt libraries ({@code lib/}) and its linker script
 * ({@code ld/eagle.app.v6.ld}). Nothing of it is copied; the compiler and linker read it where it is.
 */
public final class Sdk {
    public static final String INCLUDE = "include";
    public static final String DRIVER_INCLUDE = "driver_lib/include";
    public static final String LIB = "lib";
    public static final String LD = "ld";
    public static final String LINKER_SCRIPT = "ld/eagle.app.v6.ld";
    /** The macro that makes the generated {@code espgen_sdk.h} include the SDK's own headers. */
    public static final String REAL_SDK_MACRO = "ESPGEN_REAL_SDK";
    /**
     * The link order of the team's SDK notes (shared/docs/esp8266-sdk.md, section 5) ({@code c} is the prepared libc,
     * {@code gcc} may be the toolchain's).
     */
    public static final List<String> LIBRARIES = List.of("main", "c", "gcc", "hal", "phy", "pp", "net80211", "lwip",
            "wpa", "crypto", "driver");
    /** The libraries the SDK itself must hold. */
    public static final List<String> SDK_LIBRARIES = List.of("main", "hal", "phy", "pp", "net80211", "lwip", "wpa",
            "crypto", "driver");
    /** The RF init data and the blank sector the SDK's {@code bin/} ships for a chip's first flash. */
    public static final String INIT_DATA = "bin/esp_init_data_default_v08.bin";
    public static final String BLANK = "bin/blank.bin";

    private final Path root;

    private Sdk(Path root) {
        this.root = root;
    }

    /**
     * Checks that {@code dir} looks like an unpacked NONOS SDK.
     *
     * @throws EspException one line naming what is missing
     */
    public static Sdk open(Path dir) throws EspException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new EspException(Messages.sdkDirMissing(root));
        }
        List<String> missing = new ArrayList<>();
        for (String d : List.of(INCLUDE, DRIVER_INCLUDE, LIB)) {
            if (!Files.isDirectory(root.resolve(d))) {
                missing.add(d + "/");
            }
        }
        if (!Files.isRegularFile(root.resolve(LINKER_SCRIPT))) {
            missing.add(LINKER_SCRIPT);
        }
        if (Files.isDirectory(root.resolve(LIB))) {
            for (String lib : SDK_LIBRARIES) {
                if (!Files.isRegularFile(root.resolve(LIB).resolve(archive(lib)))) {
                    missing.add(LIB + "/" + archive(lib));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new EspException(Messages.notAnSdk(root, missing));
        }
        return new Sdk(root);
    }

    static String archive(String lib) {
        return "lib" + lib + ".a";
    }

    public Path root() {
        return root;
    }

    public Path includeDir() {
        return root.resolve(INCLUDE);
    }

    public Path driverIncludeDir() {
        return root.resolve(DRIVER_INCLUDE);
    }

    public Path libDir() {
        return root.resolve(LIB);
    }

    public Path linkerScript() {
        return root.resolve(LINKER_SCRIPT);
    }

    /**
     * What the compile adds for a real SDK: the macro, the SDK's header directories and {@code configInclude}
     * (where the plugin keeps the {@code user_config.h} the SDK's {@code osapi.h} includes), searched in this
     * order after the generated tree's own.
     */
    public List<String> compileFlags(Path configInclude) {
        return List.of("-D" + REAL_SDK_MACRO, "-I", includeDir().toString(), "-I", driverIncludeDir().toString(),
                "-I", configInclude.toAbsolutePath().toString());
    }

    /** The SDK's archives of {@link #LIBRARIES} that exist, in link order. */
    public List<Path> libraryFiles() {
        List<Path> files = new ArrayList<>();
        for (String lib : LIBRARIES) {
            Path p = libDir().resolve(archive(lib));
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    /** Every file of {@code ld/} (the script may INCLUDE the others), sorted. */
    public List<Path> linkerScripts() throws IOException {
        try (Stream<Path> list = Files.list(root.resolve(LD))) {
            return list.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
                    .collect(Collectors.toList());
        }
    }

    /** The SDK's init data file, if it ships one. */
    public Path initData() {
        return root.resolve(INIT_DATA);
    }

    public Path blank() {
        return root.resolve(BLANK);
    }
}
