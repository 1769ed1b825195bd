package io.espgen.sdkhost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parts of an unpacked ESP8266_NONOS_SDK 3.x that the SDK stack builds from, read where they are (nothing is
 * copied): the public headers ({@code include/}, {@code driver_lib/include/}) a firmware compiles against, and the
 * espconn layer and lwIP 1.4 the SDK ships as source ({@code third_party/lwip}, with {@code third_party/include}).
 */
public final class SdkTree {
    public static final String INCLUDE = "include";
    public static final String DRIVER_INCLUDE = "driver_lib/include";
    public static final String STACK_INCLUDE = "third_party/include";
    public static final String LWIP = "third_party/lwip";

    /**
     * espconn (server, client, buffers); its UDP and mDNS parts and the DHCP server are only needed because the
     * others call into them (espconn.c: espconn_sendto, espconn_create; timers.c: dhcps_coarse_tmr).
     */
    public static final List<String> APP_SOURCES = List.of("app/espconn.c", "app/espconn_tcp.c", "app/espconn_buf.c",
            "app/espconn_udp.c", "app/espconn_mdns.c", "app/dhcpserver.c");
    /** Besides every {@code core/*.c} and {@code core/ipv4/*.c}: ARP, which netif.c and dhcp.c call. */
    public static final List<String> NETIF_SOURCES = List.of("netif/etharp.c");
    /** core/sntp.c needs newlib's {@code __tzrule_type}, which glibc lacks; nothing the stack builds calls it. */
    public static final List<String> LEFT_OUT = List.of("core/sntp.c");
    /** The flags of the SDK's lwIP Makefile (third_party/lwip/Makefile), and the open-source build's. */
    public static final List<String> STACK_DEFINES = List.of("-DPBUF_RSV_FOR_WLAN", "-DEBUF_LWIP", "-DLWIP_OPEN_SRC");
    /** The files that tell a NONOS SDK with its stack sources from anything else. */
    static final List<String> REQUIRED = List.of(INCLUDE + "/ets_sys.h", INCLUDE + "/osapi.h", INCLUDE + "/espconn.h",
            STACK_INCLUDE + "/lwipopts.h", LWIP + "/app/espconn.c", LWIP + "/app/espconn_tcp.c", LWIP + "/core/tcp.c");

    private final Path root;

    private SdkTree(Path root) {
        this.root = root;
    }

    /**
     * Checks that {@code dir} holds an unpacked NONOS SDK with its stack sources.
     *
     * @throws IOException one line naming what is missing
     */
    public static SdkTree open(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("the SDK directory " + root + " does not exist");
        }
        List<String> missing = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(root.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(root + " is not an ESP8266_NONOS_SDK 3.x with its lwIP sources: missing "
                    + String.join(", ", missing));
        }
        return new SdkTree(root);
    }

    public Path root() {
        return root;
    }

    /**
     * The SDK's C files the stack is built from, in a fixed order: espconn, every {@code core/*.c} and
     * {@code core/ipv4/*.c} (sorted) but {@link #LEFT_OUT}, then {@link #NETIF_SOURCES}. A listed app or netif file
     * that is missing is an error.
     */
    public List<Path> sources() throws IOException {
        Path lwip = root.resolve(LWIP);
        List<Path> files = new ArrayList<>();
        for (String f : APP_SOURCES) {
            files.add(existing(lwip, f));
        }
        for (String dir : List.of("core", "core/ipv4")) {
            try (Stream<Path> list = Files.list(lwip.resolve(dir))) {
                list.filter(p -> p.getFileName().toString().endsWith(".c"))
                        .filter(p -> !LEFT_OUT.contains(dir + "/" + p.getFileName()))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .forEach(files::add);
            }
        }
        for (String f : NETIF_SOURCES) {
            files.add(existing(lwip, f));
        }
        return List.copyOf(files);
    }

    private Path existing(Path lwip, String relative) throws IOException {
        Path p = lwip.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IOException(root + " has no " + LWIP + "/" + relative + ", which the SDK stack needs");
        }
        return p;
    }

    /** How the SDK's own stack sources are compiled: its defines, {@code -I third_party/include -I include}. */
    public List<String> stackFlags() {
        List<String> flags = new ArrayList<>(STACK_DEFINES);
        flags.addAll(List.of("-I", root.resolve(STACK_INCLUDE).toString(), "-I", root.resolve(INCLUDE).toString()));
        return flags;
    }

    /** The SDK's headers as system headers (their warnings are Espressif's): for the glue. */
    public List<String> stackSystemIncludes() {
        return List.of("-isystem", root.resolve(STACK_INCLUDE).toString(), "-isystem", root.resolve(INCLUDE).toString());
    }

    /** The public headers a firmware compiles against, as system headers. */
    public List<String> firmwareSystemIncludes() {
        return List.of("-isystem", root.resolve(INCLUDE).toString(), "-isystem",
                root.resolve(DRIVER_INCLUDE).toString());
    }
}
