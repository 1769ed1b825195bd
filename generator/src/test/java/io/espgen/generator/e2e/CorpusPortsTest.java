package io.espgen.generator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.generator.Espgen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every corpus program has a port of its own: CorpusTest builds them into one firmware, and two on one port
 * make it fall back to building each program alone, slowly and without a word.
 */
class CorpusPortsTest {

    private static final Pattern PORT = Pattern.compile("@TcpServer\\(\\s*port\\s*=\\s*(\\d+)");

    @Test
    void everyProgramHasItsOwnPort() throws IOException {
        Map<Integer, List<String>> byPort = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Espgen.repoRoot().resolve("generator/src/test/corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = PORT.matcher(Files.readString(f));
                while (m.find()) {
                    byPort.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                            .add(f.getParent().getFileName().toString());
                }
            }
        }
        assertThat(byPort).isNotEmpty();
        assertThat(byPort.entrySet().stream().filter(e -> e.getValue().size() > 1).toList())
                .as("ports used by more than one corpus program").isEmpty();
    }
}
