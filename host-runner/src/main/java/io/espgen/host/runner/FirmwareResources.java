package io.espgen.host.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A firmware's C as the espgen processor leaves it on the class path (its class output, {@code espgen/}): the
 * same tree as in the generated sources, {@value #SERVERS} naming its servers and {@value #INDEX} its files, so
 * it is found in a directory and in a jar alike, without a path in the generated code.
 */
record FirmwareResources(URL servers, Map<String, byte[]> files) {

    /** The list of the firmware's servers, one {@code qualified.Name c_name} a line. */
    static final String SERVERS = "espgen/servers.list";

    /** The firmware's files, relative to {@code espgen/}, one a line, sorted. */
    static final String INDEX = "espgen/firmware.list";

    /** The firmware that holds server, from server's class loader; empty when none does. */
    static Optional<FirmwareResources> of(Class<?> server) throws IOException {
        ClassLoader loader = server.getClassLoader();
        String name = server.getCanonicalName();
        for (URL list : Collections.list(loader.getResources(SERVERS))) {
            if (lines(list).stream().anyMatch(l -> l.startsWith(name + " "))) {
                Map<String, byte[]> files = new LinkedHashMap<>();
                URL index = new URL(list, "firmware.list");
                for (String file : lines(index)) {
                    files.put(file, read(new URL(list, file)));
                }
                return Optional.of(new FirmwareResources(list, Map.copyOf(files)));
            }
        }
        return Optional.empty();
    }

    /**
     * The project's build directory when the firmware is in its class output ({@code target/classes/espgen} or
     * {@code target/test-classes/espgen}): the build is cached there. Empty when it comes from a jar.
     */
    Optional<Path> buildDir() {
        if (!"file".equals(servers.getProtocol())) {
            return Optional.empty();
        }
        try {
            Path classes = Path.of(servers.toURI()).getParent().getParent();
            return Optional.ofNullable(classes.getParent());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> lines(URL url) throws IOException {
        return new String(read(url), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
