package io.espgen.host.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.dsl.host.HostFirmware;
import io.espgen.dsl.host.HostFirmware.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The target a firmware is started for: the companion's {@code startOnHost(Target)}, else {@code -Despgen.target},
 * else NONOS. {@link Greeter}'s firmware (with {@link Counter}, its pins: both targets have them) on both.
 */
class TargetChoiceTest {

    @ParameterizedTest
    @EnumSource(Target.class)
    void theCompanionStartsTheFirmwareForTheTargetItNamesAndClientsSeeTheSameBytes(Target target)
            throws Exception {
        try (HostFirmware fw = GreeterFirmware.startOnHost(target)) {
            assertThat(((RunningFirmware) fw).process().info().command()).get().asString()
                    .as("the executable HostFirmware.build or buildRtos made")
                    .endsWith(target == Target.RTOS ? "/firmware-rtos-asan" : "/firmware-asan");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fw.port())) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                assertThat(read(in, 4)).isEqualTo("hi\r\n");
                out.write("12345".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(in, 5)).isEqualTo("12345");
            }
            assertThat(fw.awaitLog("greeter: bye, echoed 5 bytes")).endsWith("greeter: bye, echoed 5 bytes");
        }   // close(): exit 0, no sanitizer report, on either target
    }

    /**
     * A target difference (README, "Where the two targets differ"): the NONOS emulation allocates the SDK's blocks
     * of a connection (espconn_tcp.c: espconn_tcp_accept's espconn_msg, espconn and esp_tcp) on the heap, the
     * FreeRTOS target's sockets are the stack's (the host's kernel here), so only the firmware's own blocks count.
     * Either way a client that left leaves nothing, and the report at exit is the same two lines.
     */
    @ParameterizedTest
    @EnumSource(Target.class)
    void theHeapHoldsTheStacksBlocksOfAConnectionOnNonosOnlyAndNothingOnceItLeft(Target target) throws Exception {
        HostFirmware.Heap atExit;
        try (HostFirmware fw = GreeterFirmware.startOnHost(target)) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fw.port())) {
                assertThat(read(s.getInputStream(), 4)).isEqualTo("hi\r\n");
                HostFirmware.Heap open = fw.heap();
                if (target == Target.NONOS) {
                    assertThat(open.liveAllocations()).as("the SDK's blocks of the open connection").isPositive();
                } else {
                    assertThat(open.liveAllocations()).as("nothing queued, and the socket is the stack's").isZero();
                }
                assertThat(open.freeBytes()).isEqualTo(50 * 1024 - open.liveBytes());
            }
            fw.awaitLog("greeter: bye, echoed 0 bytes");
            assertThat(fw.heap().liveAllocations()).as("after the client left").isZero();
            fw.close();
            atExit = fw.heap();
        }
        assertThat(atExit.liveAllocations()).as("leaks").isZero();
        assertThat(atExit.peakBytes()).isPositive();
    }

    @Test
    void thePropertyNamesTheTargetWithThePluginsWordsAndNonosWhenUnset() {
        assertThat(HostRunner.target(null)).isEqualTo(Target.NONOS);
        assertThat(HostRunner.target(" ")).isEqualTo(Target.NONOS);
        assertThat(HostRunner.target("nonos")).isEqualTo(Target.NONOS);
        assertThat(HostRunner.target("rtos")).isEqualTo(Target.RTOS);
        assertThatThrownBy(() -> HostRunner.target("freertos"))
                .isInstanceOf(HostFirmware.StartException.class)
                .hasMessage("espgen: -Despgen.target=freertos is not a target; write nonos (ESP8266_NONOS_SDK 3.x) or"
                        + " rtos (ESP8266_RTOS_SDK 3.x)");
    }

    @Test
    void theTargetIsPartOfTheBuildsKey() throws IOException {
        FirmwareResources firmware = FirmwareResources.of(Greeter.class).orElseThrow();
        assertThat(BuildCache.key(firmware, Target.RTOS, "gcc"))
                .isNotEqualTo(BuildCache.key(firmware, Target.NONOS, "gcc"))
                .isEqualTo(BuildCache.key(firmware, Target.RTOS, "gcc"));
    }

    /** Reads exactly n bytes, however TCP cut them. */
    private static String read(InputStream in, int n) throws IOException {
        byte[] buf = in.readNBytes(n);
        assertThat(buf).hasSize(n);
        return new String(buf, StandardCharsets.US_ASCII);
    }
}
