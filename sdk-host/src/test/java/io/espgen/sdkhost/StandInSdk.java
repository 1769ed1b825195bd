package io.espgen.sdkhost;

import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for an unpacked ESP8266_NONOS_SDK with its stack sources, made of the project's own C (the tests cannot
 * have the SDK): the files of {@value #BASE} (see the README there), and espgen's own declarations of the SDK
 * interface as {@code include/standin_decls.h}, and an {@code include/espconn.h} that includes the stand-in's
 * {@code ets_sys.h}. Also in the test jar, for the plugin's esp:run tests.
 */
public final class StandInSdk {
    public static final String BASE = "/io/espgen/sdkhost/standin-sdk/";

    /** Every file of the tree; StandInSdkTest compares this list with the folder. */
    public static final List<String> FILES = List.of(
            "README.md",
            "include/ets_sys.h",
            "include/ip_addr.h",
            "include/mem.h",
            "include/os_type.h",
            "include/osapi.h",
            "include/user_interface.h",
            "third_party/include/lwip/err.h",
            "third_party/include/lwip/init.h",
            "third_party/include/lwip/ip.h",
            "third_party/include/lwip/ip_addr.h",
            "third_party/include/lwip/netif.h",
            "third_party/include/lwip/opt.h",
            "third_party/include/lwip/pbuf.h",
            "third_party/include/lwip/standin.h",
            "third_party/include/lwip/tcp_impl.h",
            "third_party/include/lwip/timers.h",
            "third_party/include/lwipopts.h",
            "third_party/lwip/app/dhcpserver.c",
            "third_party/lwip/app/espconn.c",
            "third_party/lwip/app/espconn_buf.c",
            "third_party/lwip/app/espconn_mdns.c",
            "third_party/lwip/app/espconn_tcp.c",
            "third_party/lwip/app/espconn_udp.c",
            "third_party/lwip/core/ipv4/ip.c",
            "third_party/lwip/core/tcp.c",
            "third_party/lwip/netif/etharp.c");

    private StandInSdk() {
    }

    /** Writes the tree into root (only what changed, so the stack's objects stay up to date); returns root. */
    public static Path write(Path root) {
        try {
            for (String f : FILES) {
                byte[] bytes;
                try (InputStream in = StandInSdk.class.getResourceAsStream(BASE + f)) {
                    if (in == null) {
                        throw new IOException(BASE + f + " is not on the class path");
                    }
                    bytes = in.readAllBytes();
                }
                writeIfChanged(root.resolve(f), bytes);
            }
            writeIfChanged(root.resolve("include/standin_decls.h"),
                    CRuntime.read(CRuntime.INCLUDE_BASE + "espgen_sdk.h"));
            // written here, not kept as a file: nothing of the project's is named like an SDK header
            writeIfChanged(root.resolve("include/espconn.h"),
                    "/* stand-in espconn.h (sdk-host tests): see ets_sys.h */\n#include \"ets_sys.h\"\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Files.createDirectories(root.resolve(SdkTree.DRIVER_INCLUDE));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
