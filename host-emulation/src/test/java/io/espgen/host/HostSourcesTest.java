package io.espgen.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSourcesTest {

    private static final Path FOLDER = TestFirmwares.BASEDIR.resolve("src/main/resources/io/espgen/host");

    @Test
    void theIndexNamesEverySourceInTheFolder() throws IOException {
        try (Stream<Path> s = Files.list(FOLDER)) {
            List<String> inFolder = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".c") || n.endsWith(".h"))
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(HostSources.files())
                    .as("HostSources.FILES must list every .c and .h of io/espgen/host")
                    .containsExactlyElementsOf(inFolder);
        }
    }

    @Test
    void theRtosIndexNamesEverySourceInItsFolder(@TempDir Path dir) throws IOException {
        try (Stream<Path> s = Files.list(FOLDER.resolve("rtos"))) {
            assertThat(HostSources.rtosFiles()).containsExactlyElementsOf(
                    s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertThat(HostSources.extractRtos(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("espgen_rtos_host.c", "espgen_rtos_host_gpio.c", "host_gpio.c");
        assertThat(dir.resolve("host_gpio.h")).as("the pins' shared header, with them").exists();
    }

    @Test
    void extractsTheSourcesAndReturnsTheCFilesSorted(@TempDir Path dir) throws IOException {
        List<Path> sources = HostSources.extract(dir);
        assertThat(sources).extracting(p -> p.getFileName().toString())
                .containsExactly("host_args.c", "host_espconn_clients.c", "host_espconn_close.c",
                        "host_espconn_events.c", "host_espconn_listen.c", "host_espconn_options.c",
                        "host_espconn_poll.c", "host_espconn_recv.c", "host_espconn_send.c", "host_gpio.c",
                        "host_heap.c", "host_main.c", "host_os.c", "host_tasks.c", "host_timers.c", "host_wifi.c");
        assertThat(sources).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir));
        assertThat(dir.resolve("host.h")).exists();
        assertThat(dir.resolve("host_espconn_internal.h")).exists();
        for (String name : HostSources.files()) {
            assertThat(Files.readAllBytes(dir.resolve(name))).isEqualTo(Files.readAllBytes(FOLDER.resolve(name)));
        }
    }
}
