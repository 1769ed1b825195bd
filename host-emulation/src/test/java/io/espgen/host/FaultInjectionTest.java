package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ESPGEN_HOST_MALLOC_FAIL_AT, ESPGEN_HOST_SEND_FAIL_AT and the heap budget, through lifecycle_fw.c. */
@Timeout(60)
class FaultInjectionTest {

    private static final String FW = "lifecycle_fw";

    @Test
    void theNthFirmwareAllocationFails() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of("ESPGEN_HOST_MALLOC_FAIL_AT", "1"))) {
            try (TestClient first = TestClient.connect(fw.port(7000))) {
                fw.awaitStdout("^connect: no memory$", WAIT);
                assertThat(first.drainUntilClosed(WAIT)).as("the firmware drops the client").isEqualTo(0);
            }
            assertThat(TestFirmwares.awaitStderr(fw, "injected failure: os_zalloc #1")).contains("injected failure: os_zalloc #1");
            try (TestClient second = TestClient.connect(fw.port(7000))) {
                second.send("echo fine");
                assertThat(second.readText(4)).isEqualTo("fine");
            }
            fw.awaitStdout("^session freed port=", WAIT);
            assertThat(fw.stop()).isZero();
            assertThat(fw.stdout()).contains("espgen-host: heap: 0 live allocations, 0 bytes");
        }
    }

    @Test
    void theNthSendFailsWithMem() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of("ESPGEN_HOST_SEND_FAIL_AT", "1"));
                TestClient c = TestClient.connect(fw.port(7000))) {
            c.send("echo lost");
            fw.awaitStdout("^send ret=-1$", WAIT);
            assertThat(TestFirmwares.awaitStderr(fw, "injected failure: espconn_send #1"))
                    .contains("injected failure: espconn_send #1 returns ESPCONN_MEM");
            c.send("echo kept");
            assertThat(c.readText(4)).isEqualTo("kept");
            fw.awaitStdout("^send ret=0$", WAIT);
        }
    }

    @Test
    void theHeapHasTheChipsBudget() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW);
                TestClient c = TestClient.connect(fw.port(7000))) {
            c.send("big");
            fw.awaitStdout("^big \\(nil\\)$", WAIT);
            assertThat(TestFirmwares.awaitStderr(fw, "out of heap")).contains("out of heap: os_malloc(60000)");
        }
    }
}
