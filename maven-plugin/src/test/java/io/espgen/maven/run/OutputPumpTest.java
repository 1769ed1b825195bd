package io.espgen.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputPumpTest {
    @Test
    void printsOnlyWhatIsNewAndReturnsCompletedLines() {
        StringBuilder produced = new StringBuilder();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OutputPump pump = new OutputPump(produced::toString, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(pump.pump()).isEmpty();
        produced.append("one\r\ntw");
        assertThat(pump.pump()).containsExactly("one");
        assertThat(pump.pump()).isEmpty();
        produced.append("o\nthree\n");
        assertThat(pump.pump()).containsExactly("two", "three");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("one\r\ntwo\nthree\n");
    }
}
