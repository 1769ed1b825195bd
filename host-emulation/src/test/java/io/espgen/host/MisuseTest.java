package io.espgen.host;

import static io.espgen.host.TestFirmwares.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the real SDK crashes on stops the emulation loudly (misuse_fw.c). */
@Timeout(600)
class MisuseTest {

    private static final String FW = "misuse_fw";

    /** Runs one misuse and returns the firmware, exited. */
    private static HostFirmware.Running provoke(String mode, boolean thenClose) throws Exception {
        HostFirmware.Running fw = TestFirmwares.start(FW);
        try (TestClient c = TestClient.connect(fw.port(7300))) {
            c.send(mode);
            fw.awaitStdout("^mode " + mode + "$", WAIT);
            if (thenClose) {
                c.close();
            } else {
                c.drainUntilClosed(WAIT);
            }
            assertThat(fw.awaitExit(WAIT)).as("exit code").isNotZero();
        }
        return fw;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "disconnect-in-recv | false | espconn_disconnect called from inside the recv callback",
        "setfn-armed        | false | os_timer_setfn on an armed timer",
        "send-unknown       | false | espconn_send on an unknown espconn",
        "send-listener      | false | espconn_send on the listening espconn",
        "send-closed        | false | espconn_send on a closed espconn",
        "accept-twice       | false | espconn_accept called a second time on the listening espconn",
        "double-free        | false | not a live heap block",
        "foreign-free       | false | not a live heap block",
        "send-modified      | false | changed before the sent callback",
        "printf-float       | false | the ROM printf has no floating point",
        "send-freed         | true  | espconn_send on a freed per-client espconn",
        "regist-freed       | true  | espconn_regist_recvcb on a freed per-client espconn",
    })
    void misuseAbortsWithItsMessage(String mode, boolean thenClose, String message) throws Exception {
        try (HostFirmware.Running fw = provoke(mode, thenClose)) {
            assertThat(fw.process().exitValue()).as("abort()").isEqualTo(134);
            assertThat(fw.stderr()).contains("espgen-host: SDK misuse: ").contains(message);
            assertThat(fw.stdout()).doesNotContain("survived");
        }
    }

    @Test
    void dataKeptPastTheRecvCallbackIsAUseAfterFree() throws Exception {
        try (HostFirmware.Running fw = provoke("keep-pdata", false)) {
            assertThat(fw.stderr()).contains("ERROR: AddressSanitizer: heap-use-after-free")
                    .contains("read_kept_pdata");
            assertThat(fw.stdout()).doesNotContain("kept pdata starts with");
        }
    }

    @Test
    void thePerClientEspconnIsFreedRightAfterTheDisconnectCallback() throws Exception {
        // espconn_tcp.c: espconn_tcp_disconnect_successful calls back, then espconn_tcp_memp_free frees it
        try (HostFirmware.Running fw = provoke("touch-pcb", true)) {
            assertThat(fw.stdout()).contains("disconnect\n").contains("pcb in the callback state=")
                    .doesNotContain("freed pcb state=");
            assertThat(fw.stderr()).contains("ERROR: AddressSanitizer: heap-use-after-free").contains("on_task");
        }
    }

    @Test
    void withoutAPartitionTableTheFirmwareDoesNotBoot() {
        assertThatThrownBy(() -> TestFirmwares.start("nopart_fw").close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SDK misuse: user_pre_init did not register a valid partition table");
    }
}
