package io.espgen.sdkhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkTreeTest {

    @Test
    void aDirectoryWithoutTheStackSourcesIsRefusedNamingWhatIsMissing(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("include"));
        Files.writeString(dir.resolve("include/ets_sys.h"), "");
        assertThatThrownBy(() -> SdkTree.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an ESP8266_NONOS_SDK 3.x with its lwIP sources")
                .hasMessageContaining("third_party/lwip/app/espconn.c")
                .hasMessageContaining("third_party/include/lwipopts.h")
                .hasMessageNotContaining("include/ets_sys.h,");
        assertThatThrownBy(() -> SdkTree.open(dir.resolve("nowhere"))).hasMessageContaining("does not exist");
    }

    @Test
    void theSourcesAreEspconnThenTheCoreSortedThenArpWithoutSntp(@TempDir Path dir) throws IOException {
        Path sdk = StandInSdk.write(dir.resolve("sdk"));
        Files.writeString(sdk.resolve("third_party/lwip/core/sntp.c"), "int left_out;\n");
        Files.writeString(sdk.resolve("third_party/lwip/core/def.c"), "int def;\n");
        Path lwip = sdk.resolve("third_party/lwip");
        List<String> names = SdkTree.open(sdk).sources().stream().map(p -> lwip.relativize(p).toString()).toList();
        assertThat(names).containsExactly("app/espconn.c", "app/espconn_tcp.c", "app/espconn_buf.c",
                "app/espconn_udp.c", "app/espconn_mdns.c", "app/dhcpserver.c", "core/def.c", "core/tcp.c",
                "core/ipv4/ip.c", "netif/etharp.c");
    }

    @Test
    void aMissingEspconnFileIsAnError(@TempDir Path dir) throws IOException {
        Path sdk = StandInSdk.write(dir.resolve("sdk"));
        Files.delete(sdk.resolve("third_party/lwip/app/espconn_udp.c"));
        assertThatThrownBy(() -> SdkTree.open(sdk).sources()).hasMessageContaining("app/espconn_udp.c");
    }

    @Test
    void theStackIsCompiledWithTheFlagsOfTheSdksLwipMakefile(@TempDir Path dir) throws IOException {
        SdkTree tree = SdkTree.open(StandInSdk.write(dir.resolve("sdk")));
        assertThat(tree.stackFlags()).startsWith("-DPBUF_RSV_FOR_WLAN", "-DEBUF_LWIP", "-DLWIP_OPEN_SRC")
                .containsSubsequence("-I", tree.root().resolve("third_party/include").toString(), "-I",
                        tree.root().resolve("include").toString());
    }
}
