package example;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** TEMPORARY until the companion's startOnHost() is merged: builds target's generated C for the host and runs it. */
final class Host implements AutoCloseable {
    private final HostFirmware.Running running;
    private final int port;

    private Host(HostFirmware.Running running, int port) {
        this.running = running;
        this.port = port;
    }

    private static Path exe;

    static synchronized Host start(int firmwarePort) throws IOException {
        if (exe == null) {
            exe = build();
        }
        HostFirmware.Running r = HostFirmware.start(exe, List.of("--any-port", "--exit-after-ms", "300000"), Duration.ofSeconds(30));
        return new Host(r, r.port(firmwarePort));
    }

    private static Path build() throws IOException {
        Path tree = Path.of("target/generated-sources/annotations/espgen");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(tree)) {
            sources = walk.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        return HostFirmware.build(sources, List.of(tree.resolve("include"), tree), Path.of("target/host-shim"), true);
    }

    int port() { return port; }

    String log() { return running.stdout(); }

    void awaitLog(String text) { running.awaitStdout(java.util.regex.Pattern.quote(text), Duration.ofSeconds(30)); }

    @Override
    public void close() { running.close(); }
}
