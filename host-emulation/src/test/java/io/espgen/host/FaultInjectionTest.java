package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ESPGEN_HOST_MALLOC_FAIL_AT, ESPGEN_HOST_SEND_FAIL_AT and the heap budget, through lifecycle_fw.c. */
@Timeout(600)
class FaultInjectionTest {

    private static final String FW = "lifecycle_fw";

    /**
     * A connection's allocations, in order: the SDK's four (tcp_pcb, espconn_msg, espconn, esp_tcp; see
     * host_espconn_listen.c), then the firmware's session in its connect callback, then the SDK's copy of
     * each receive.
     */
    @Test
    void whenTheSdkHasNoHeapForAClientItIsResetUnheard() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of("ESPGEN_HOST_MALLOC_FAIL_AT", "1"))) {
            // the reset may come before connect returns
            assertThat(TestClient.refused(fw.port(7000), WAIT)).as("espconn_tcp_accept's ERR_MEM: lwIP aborts")
                    .isTrue();
            assertThat(TestFirmwares.awaitStderr(fw, "refused a connection")).contains("no heap for the connection")
                    .contains("injected failure: os_zalloc #1");
            assertThat(fw.stdout()).doesNotContain("connect pcb=");
            servesAndEndsClean(fw);
        }
    }

    @Test
    void theNthFirmwareAllocationFails() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of("ESPGEN_HOST_MALLOC_FAIL_AT", "5"))) {
            try (TestClient first = TestClient.connect(fw.port(7000))) {
                fw.awaitStdout("^connect: no memory$", WAIT);
                assertThat(first.drainUntilClosed(WAIT)).as("the firmware drops the client").isEqualTo(0);
            }
            assertThat(TestFirmwares.awaitStderr(fw, "injected failure: os_zalloc #5")).contains("injected failure: os_zalloc #5");
            servesAndEndsClean(fw);
        }
    }

    @Test
    void withoutHeapForItsCopyAReceiveIsLost() throws Exception {
        // espconn_tcp.c: espconn_server_recv credits the window, then copies; a failed copy loses the data
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of("ESPGEN_HOST_MALLOC_FAIL_AT", "6"));
                TestClient c = TestClient.connect(fw.port(7000))) {
            fw.awaitStdout("^connect pcb=", WAIT);
            c.send("echo lost");
            assertThat(TestFirmwares.awaitStderr(fw, "no heap to copy")).contains("no heap to copy 9 received bytes");
            c.send("echo kept");
            assertThat(c.readText(4)).isEqualTo("kept");
            fw.awaitStdout("^recv pcb=\\S+ client state=5 len=9 nul=1$", WAIT);
            assertThat(fw.stdout().split(" len=9 ", -1)).as("one receive reached the firmware").hasSize(2);
        }
    }

    private static void servesAndEndsClean(HostFirmware.Running fw) throws Exception {
        try (TestClient second = TestClient.connect(fw.port(7000))) {
            second.send("echo fine");
            assertThat(second.readText(4)).isEqualTo("fine");
        }
        fw.awaitStdout("^session freed port=", WAIT);
        assertThat(fw.stop()).isZero();
        assertThat(fw.stdout()).contains("espgen-host: heap: 0 live allocations, 0 bytes");
    }

    @Test
    void theNthSendFailsWithMem() throws Exception {
        try (HostFirmware.Running fw = TestFirmwares.start(FW, Map.of("ESPGEN_HOST_SEND_FAIL_AT", "1"));
                TestClient c = TestClient.connect(fw.port(7000))) {
            c.send("echo lost");
            fw.awaitStdout("^send ret=-1$", WAIT);
            assertThat(TestFirmwares.awaitStderr(fw, "injected failure: espconn_send #1"))
                    .contains("injected failure: espconn_send #1 (4 bytes) returns ESPCONN_MEM");
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
