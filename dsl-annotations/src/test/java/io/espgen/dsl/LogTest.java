package io.espgen.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.dsl.spi.LogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LogTest {

    @Test
    void anInstalledSinkGetsThisThreadsLinesUntilRemoved() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        AtomicReference<Object> seenElsewhere = new AtomicReference<>("not looked");
        LogSink.install(lines::add);
        try {
            Log.info("n=%d", 3);
            Log.warn("x%s", "y");
            Thread other = new Thread(() -> seenElsewhere.set(LogSink.current()));
            other.start();
            other.join();
        } finally {
            LogSink.remove();
        }
        assertThat(lines).containsExactly("n=3", "warning: xy");
        assertThat(seenElsewhere.get()).as("another thread's sink").isNull();
        assertThat(LogSink.current()).isNull();
    }
}
