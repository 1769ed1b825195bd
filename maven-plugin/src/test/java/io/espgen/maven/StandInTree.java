package io.espgen.maven;


import io.espgen.maven.toolchain.Toolchain;
import io.espgen.maven.toolchain.ToolchainLocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small stand-in for the tree the espgen processor generates: {@code include/espgen_sdk.h} (the real one,
 * read from the c-runtime module on the class path), a runtime file and a server in flash, and a
 * {@code user_main.c} with one function left in IRAM.
 */
public final class StandInTree {
    public static final String SDK_HEADER = "/io/espgen/runtime/include/espgen_sdk.h";

    public static final String COUNTER_C = """
            #include "espgen_sdk.h"

            /* 4 bytes of .data, 64 of .bss, 8 of .rodata */
            int espgen_counter_value = 1;
            uint8 espgen_counter_log[64];
            static const char espgen_counter_name[8] = "counter";

            void ICACHE_FLASH_ATTR espgen_counter_add(int n)
            {
            	espgen_counter_value += n;
            	espgen_counter_log[espgen_counter_value & 63] = (uint8)n;
            	os_printf("%s %d\\n", espgen_counter_name, espgen_counter_value);
            }
            """;

    public static final String ECHO_C = """
            #include "espgen_sdk.h"
            #include "echo/echo_server.h"

            static struct espconn echo_listen;
            static esp_tcp echo_tcp;

            static void ICACHE_FLASH_ATTR echo_recv(void *arg, char *data, unsigned short len)
            {
            	espconn_send((struct espconn *)arg, (uint8 *)data, len);
            }

            void ICACHE_FLASH_ATTR echo_server_start(void)
            {
            	echo_listen.type = ESPCONN_TCP;
            	echo_listen.proto.tcp = &echo_tcp;
            	echo_tcp.local_port = ECHO_PORT;
            	espconn_regist_recvcb(&echo_listen, echo_recv);
            	espconn_accept(&echo_listen);
            }
            """;

    public static final String ECHO_H = """
            #ifndef ECHO_SERVER_H
            #define ECHO_SERVER_H
            #define ECHO_PORT 7777
            void echo_server_start(void);
            #endif
            """;

    /** {@code user_main_tick} has no ICACHE_FLASH_ATTR: it lands in IRAM ({@code .text}). */
    public static final String USER_MAIN_C = """
            #include "espgen_sdk.h"
            #include "echo/echo_server.h"

            uint32 user_main_ticks;

            uint32 user_main_tick(uint32 now)
            {
            	user_main_ticks = now * 3u + user_main_ticks;
            	return user_main_ticks;
            }

            void ICACHE_FLASH_ATTR user_init(void)
            {
            	echo_server_start();
            }
            """;

    private StandInTree() {
    }

    /** Writes the tree into {@code root} and returns it. */
    public static Path write(Path root) throws IOException {
        Path include = Files.createDirectories(root.resolve("include"));
        try (InputStream in = StandInTree.class.getResourceAsStream(SDK_HEADER)) {
            if (in == null) {
                throw new IllegalStateException(SDK_HEADER + " is not on the class path (espgen-c-runtime)");
            }
            Files.copy(in, include.resolve("espgen_sdk.h"));
        }
        write(root.resolve("runtime/espgen_counter.c"), COUNTER_C);
        write(root.resolve("echo/echo_server.c"), ECHO_C);
        write(root.resolve("echo/echo_server.h"), ECHO_H);
        write(root.resolve("user_main.c"), USER_MAIN_C);
        return root;
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The cross tools from this machine's PATH or ESP_TOOLCHAIN_DIR; fails, saying what to install, without them. */
    public static Toolchain crossToolchain() {
        return crossToolchain(ToolchainLocator.GCC, ToolchainLocator.SIZE);
    }

    /** The named cross tools; fails, saying what to install, when they are missing. */
    public static Toolchain crossToolchain(String... tools) {
        try {
            return new ToolchainLocator().locate(null, tools);
        } catch (EspException e) {
            throw new AssertionError("the tests need the cross toolchain; run scripts/setup: " + e.getMessage(), e);
        }
    }
}
