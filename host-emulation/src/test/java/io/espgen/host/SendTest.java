package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sending through send_fw.c: one send in flight, the sent callback on the peer's ack, ESPCONN_COPY. */
@Timeout(600)
class SendTest {

    private static final String FW = "send_fw";
    private static final Pattern ACKED = Pattern.compile("(?m)^acked total=(\\d+)$");

    private static void assertPattern(byte[] data, int offset) {
        for (int i = 0; i < data.length; i++) {
            if ((data[i] & 0xff) != (offset + i) % 251) {
                throw new AssertionError("byte " + (offset + i) + " is " + (data[i] & 0xff) + ", expected "
                        + (offset + i) % 251);
            }
        }
    }

    private static int lastAcked(HostFirmware.Running fw) {
        Matcher m = ACKED.matcher(fw.stdout());
        int last = 0;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    @Test
    void aSecondSendInFlightIsRefusedWithMaxnum() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(7200))) {
            fw.awaitStdout("^hello ret=0 second ret=-7$", WAIT);
            assertThat(c.readText(6)).isEqualTo("hello\n");
            fw.awaitStdout("^hello sent$", WAIT);
        }
    }

    @Test
    void theSentCallbackWaitsForThePeersAck() throws Exception {
        int chunks = 64;
        int total = chunks * 2920;
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(7200), 16384)) {
            assertThat(c.readText(6)).isEqualTo("hello\n");
            fw.awaitStdout("^hello sent$", WAIT);
            c.send("bulk " + chunks);

            // The client reads nothing: its window closes, so acknowledgements stop, and so must the
            // sent callbacks, although the server's kernel would take far more data.
            fw.awaitStdout("^acked total=", WAIT);
            int stalled = -1;
            for (int i = 0; i < 100; i++) {
                int before = lastAcked(fw);
                Thread.sleep(300);
                if (lastAcked(fw) == before) {
                    stalled = before;
                    break;
                }
            }
            assertThat(stalled).as("the sent callbacks stop while the client does not read").isPositive();
            assertThat(stalled).isLessThan(total);
            assertThat(fw.stdout()).doesNotContain("bulk done");
            int available = c.available();
            assertThat(available)
                    .as("every byte reported sent is in the client's receive buffer (acknowledged)")
                    .isGreaterThanOrEqualTo(stalled);
            assertThat(available - stalled).as("at most the one send in flight is unacknowledged")
                    .isLessThanOrEqualTo(2920);

            byte[] all = c.read(total);
            assertPattern(all, 0);
            fw.awaitStdout("^bulk done total=" + total + "$", WAIT);
        }
    }

    @Test
    void copyModeQueuesUntilTheBufferIsFullAndReportsWriteFinish() throws Exception {
        int total = 100_000;
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(7201))) {
            fw.awaitStdout("^copy opt ret=0 write_finish ret=0$", WAIT);
            c.send("copy " + total + " 1000");
            byte[] all = c.read(total);
            assertPattern(all, 0); // the firmware scribbles over its buffer after every send
            fw.awaitStdout("^pending ret=-12$", WAIT); // a send while the copy is pending: ESPCONN_ARG
            fw.awaitStdout("^full queued=2000$", WAIT); // a third 1000-byte send does not fit 2920
            Matcher done = Pattern.compile("(?m)^copy done total=" + total + " sends=(\\d+) write_finish=(\\d+) fulls=(\\d+)$")
                    .matcher(fw.awaitStdout("^copy done .*$", WAIT).group());
            assertThat(done.find()).isTrue();
            assertThat(done.group(1)).isEqualTo("100");
            assertThat(done.group(2)).as("one write finish per send").isEqualTo("100");
            assertThat(Integer.parseInt(done.group(3))).isPositive();
        }
    }

    @Test
    void copyModeHoldsAtMostEightSegments() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(7201))) {
            fw.awaitStdout("^copy opt ret=0", WAIT);
            c.send("copy 2000 100");
            assertPattern(c.read(2000), 0);
            fw.awaitStdout("^full queued=800$", WAIT);
            fw.awaitStdout("^copy done total=2000 sends=20 write_finish=20 fulls=\\d+$", WAIT);
        }
    }
}
