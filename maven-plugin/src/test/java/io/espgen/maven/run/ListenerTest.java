package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenerTest {
    @Test
    void parsesTheAnnouncement() {
        assertThat(Listener.parse("espgen-host: listening on 127.0.0.1:40123 (firmware port 7777)"))
                .contains(new Listener("127.0.0.1", 40123, 7777));
    }

    @Test
    void ignoresOtherLines() {
        assertThat(Listener.parse("espgen-host: accepted 127.0.0.1:50000")).isEqualTo(Optional.empty());
        assertThat(Listener.parse("echo: espgen-host: listening on 127.0.0.1:1 (firmware port 2)")).isEmpty();
    }
}
