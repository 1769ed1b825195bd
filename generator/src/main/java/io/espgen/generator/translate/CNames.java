package io.espgen.generator.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How Java names become C names: snake_case for types and functions, Java's own for locals. */
public final class CNames {

    private CNames() {}

    /**
     * Names a user's name may not take in C as it is: C's keywords that are legal Java identifiers (C11, C23 and
     * GNU C's), the types and values the generated code names, the generated functions' own parameters, and the
     * SDK's and the C library's lowercase object-like macros. The FreeRTOS target adds its own: the object-like
     * macros with a lowercase letter of its headers, newlib's and glibc's (a member or local {@code st_atime}
     * would expand), the C library functions its os_ macros call inside a handler ({@code os_memcpy} is
     * {@code memcpy}), gcc's {@code linux} and {@code unix} (gnu11 on the host), and the BSD socket names it
     * builds on.
     */
    private static final Set<String> RESERVED = Set.of(
            "auto", "extern", "inline", "register", "restrict", "signed", "sizeof", "struct", "typedef", "union",
            "unsigned", "asm", "typeof", "typeof_unqual", "alignas", "alignof", "constexpr", "nullptr",
            "static_assert", "thread_local", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic",
            "_Generic", "_Noreturn", "_Static_assert", "_Thread_local", "_BitInt", "_Decimal32", "_Decimal64",
            "_Decimal128", "_",
            "bool", "true", "false", "uint8", "sint8", "uint16", "sint16", "uint32", "sint32", "uint64", "sint64",
            "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "uintptr_t",
            "size_t", "errno", "assert", "offsetof", "main", "srv", "rx_data", "rx_len",
            "linux", "unix", "stdin", "stdout", "stderr", "fds_bits", "physadr", "quad", "s6_addr", "s6_addr16",
            "s6_addr32", "st_atime", "st_ctime", "st_mtime", "strtodf", "tzname", "basename", "memcpy", "memset",
            "memcmp", "strlen", "sprintf", "printf", "malloc", "free", "select", "send", "recv", "socket", "close",
            "bind", "accept", "listen", "shutdown", "setsockopt", "fcntl", "htons", "ntohs", "htonl", "ntohl", "fd_set",
            "timeval", "sockaddr", "sockaddr_in", "in_addr", "socklen_t", "ssize_t", "portTickType", "xList",
            "xListItem", "xMemoryRegion", "xTimeOutType", "pvMALLOC_DRAM", "pvMALLOC_IRAM", "ETSTimer",
            "ETSTimerFunc", "CPU_FREQ_80MHz", "AF_DECnet", "PF_DECnet", "L_ctermid", "L_tmpnam", "P_tmpdir",
            "XCHAL_HAVE_DFP_accel");

    /**
     * FreeRTOS's names (its macros are a lowercase prefix and capitals: pdTRUE, portMAX_DELAY, configASSERT,
     * tskIDLE_PRIORITY; its API a type letter and a module: xTaskCreate, vTaskDelay, pvPortMalloc), the C
     * library's format macros (PRIu32), and the SDK's INCLUDE_ and SYS_ macros (INCLUDE_vTaskDelay, SYS_read).
     */
    private static final Pattern RESERVED_PATTERN = Pattern.compile(
            "(pd|port|config|tsk|task|queue|sem|err|list|tmr|trace|mt)[A-Z][A-Z0-9_]*"
                    + "|(x|v|ux|uc|ul|pc|pv|e)(Task|Queue|Semaphore|Timer|Port|List|CoRoutine|EventGroup"
                    + "|StreamBuffer|MessageBuffer)[A-Z_].*"
                    + "|(PRI|SCN)[diouxX].*|INCLUDE_.*|SYS_.*");

    /** Prefixes of the runtime's, the SDK's and the C library's names, macros among them. */
    private static final List<String> RESERVED_PREFIXES = List.of("espgen_", "__", "os_", "ets_", "espconn_",
            "ip4_addr", "ip_addr", "sntp_", "at_port_", "system_", "wifi_", "esp_", "lwip_", "tcpip_adapter_",
            "nvs_", "gpio_", "heap_caps_", "xthal_");

    /**
     * Server names whose C prefix is the runtime's or the SDK's (espgen_send, os_printf, espconn_send,
     * ESPCONN_OK, ICACHE_FLASH_ATTR): the server's functions and macros would meet theirs.
     */
    private static final Set<String> RESERVED_SERVERS = Set.of("espgen", "os", "ets", "espconn", "system", "wifi",
            "user", "sntp", "uart", "spi", "gpio", "icache", "ip", "ip4", "lwip", "pbuf", "tcp", "netif", "mem",
            "at", "rtc", "eagle", "int", "uint", "sint", "bool", "true", "false", "main",
            // the FreeRTOS target's: ESP8266_RTOS_SDK's components and lwIP's modules, FreeRTOS, the Xtensa HAL,
            // Kconfig's CONFIG_ macros and the BSD queue macros (TAILQ_...) its headers define
            "esp", "tcpip", "nvs", "heap", "freertos", "xthal", "xchal", "xshal", "xtos", "xt", "xtensa",
            "config", "task", "queue", "list", "include", "dhcps", "dhcp", "dns", "etharp", "igmp", "icmp", "udp",
            "raw", "memp", "sys", "soc", "inet", "ip6", "ipaddr", "inaddr", "iptos",
            "ipproto", "cmsg", "tailq", "stailq", "slist", "qmd", "mesr", "exccause", "debugcause", "wdt", "wdev",
            "dport", "pp");

    /** The file-scope names of the FreeRTOS target's headers (rtos-globals.txt says how they were found). */
    private static final Set<String> RTOS_GLOBALS = readNames("rtos-globals.txt");

    private static Set<String> readNames(String resource) {
        try (var in = CNames.class.getResourceAsStream(resource);
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a server's C prefix ({@link #snake} of its name) would meet the runtime's or the SDK's names, on
     * either target: the server object takes the prefix itself, its functions and macros start with it.
     */
    public static boolean reservedServer(String prefix) {
        return RESERVED_SERVERS.contains(prefix) || RESERVED_PREFIXES.stream().anyMatch(
                r -> (prefix + "_").startsWith(r)) || RESERVED.contains(prefix) || RTOS_GLOBALS.contains(prefix);
    }

    /** {@code EchoServer} → {@code echo_server}; {@code HTTPServer} → {@code http_server}. */
    public static String snake(String javaName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char ch = javaName.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
                if (i > 0 && (prevLower || (prevUpper && nextLower)) && javaName.charAt(i - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** {@code EchoServer} → {@code ECHO_SERVER}. */
    public static String macro(String javaName) {
        return snake(javaName).toUpperCase(Locale.ROOT);
    }

    /** A Java local or parameter name as a C identifier; null when it cannot be one. */
    public static String local(String javaName) {
        return local(javaName, null);
    }

    /**
     * A Java local or parameter name as a C identifier, or null when it cannot be one. Names that C or the
     * generated code could mistake ({@link #RESERVED}, the SDK's prefixes, all-capital names, which macros take,
     * and the server's own prefix, which its globals take) get a {@code _} appended; so does every name that
     * already ends in {@code _}, {@code _len} or {@code _index}, which keeps the mapping one to one and leaves
     * those endings to the generated names ({@code conn_}, {@code buf_len}, {@code b_index}).
     *
     * @param serverPrefix the server's C prefix, or null
     */
    public static String local(String javaName, String serverPrefix) {
        if (!javaName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        return mistakable(javaName, serverPrefix) ? javaName + "_" : javaName;
    }

    private static boolean mistakable(String name, String serverPrefix) {
        return reserved(name) || name.endsWith("_") || name.endsWith("_len") || name.endsWith("_index")
                || name.toUpperCase(Locale.ROOT).equals(name)
                || serverPrefix != null && (name.startsWith(serverPrefix + "_") || name.equals(serverPrefix));
    }

    /** A state field's C member name before it is made unique in its struct: snake_case, never a keyword or macro. */
    public static String field(String javaName) {
        String snake = snake(javaName);
        return reserved(snake) || snake.endsWith("_") ? snake + "_" : snake;
    }

    private static boolean reserved(String name) {
        return RESERVED.contains(name) || RESERVED_PREFIXES.stream().anyMatch(name::startsWith)
                || RESERVED_PATTERN.matcher(name).matches();
    }
}
