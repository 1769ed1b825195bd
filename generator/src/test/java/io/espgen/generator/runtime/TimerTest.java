package io.espgen.generator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.host.HostFirmware;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * @Every handlers on the host emulation (TickerServer): an os_timer per handler, armed when the server starts, whose
 * handler reaches the clients through the server's never-open connection and counts in shared state.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class TimerTest {

    @Test
    void timersReachEveryClientInOrderAndStopOnRequest() throws Exception {
        HostFirmware.Running fw = RtFirmware.start(RtFirmware.build("ticker", true));
        try {
            int port = fw.port(7330);
            try (Peer a = Peer.connect(port)) {
                // the ticks are numbered by shared state and come in order; ten of them take about 200 ms
                String got = new String(a.read(80), StandardCharsets.US_ASCII);
                Matcher m = Pattern.compile("tick (\\d+)\n").matcher(got);
                int previous = -1;
                int seen = 0;
                while (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    if (previous >= 0) {
                        assertThat(n).as("ticks in order, none lost:\n" + got).isEqualTo(previous + 1);
                    }
                    previous = n;
                    seen++;
                }
                assertThat(seen).isGreaterThanOrEqualTo(5);
                RtFirmware.awaitCount(fw, "^TickerServer: slow timer ran 3 times, \\d+ ticks so far$", 1,
                        Duration.ofSeconds(10));
                a.send("stop");
                RtFirmware.awaitCount(fw, "^TickerServer: stopped after \\d+ ticks$", 1, Duration.ofSeconds(5));
            }
            assertThat(fw.stderr()).doesNotContain("os_timer_setfn on an armed timer");
        } finally {
            RtFirmware.stopClean(fw);
        }
    }
}
