package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.translate.CNames;
import io.espgen.host.HostFirmware;
import io.espgen.runtime.CRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What javac accepts, gcc builds on the FreeRTOS target too (esp.target=rtos): the names its C meets
 * (ESP8266_RTOS_SDK's esp_, lwip_, tcpip_adapter_, nvs_, gpio_ names, FreeRTOS's, newlib's and glibc's object-like
 * macros, the BSD sockets the target is built on, the C library the os_ macros call) as static fields, state fields,
 * locals and parameters compile for the chip (espgen's declarations, xtensa-lx106-elf-gcc -Wall -Wextra -Werror)
 * and for the target's host build; as server names they are refused with the catalogue's message. And the
 * reservation is complete for espgen's declarations: every file-scope name they declare is a refused server name,
 * every object-like macro with a lowercase letter is renamed as a local and as a member.
 */
@Timeout(600)
class RtosNameSpacesTest {

    /** Names of the RTOS target's C, each used as a static field, a state field, a local and a parameter. */
    static final List<String> NAMES = List.of("select", "send", "recv", "socket", "close", "bind", "accept",
            "listen", "shutdown", "fcntl", "fd_set", "timeval", "socklen_t", "memcpy", "memset", "printf", "strlen",
            "malloc", "free", "stdout", "st_atime", "s6_addr", "fds_bits", "quad", "tzname", "linux", "unix",
            "pdTRUE", "pdPASS", "portMAX_DELAY", "configASSERT", "tskIDLE_PRIORITY", "errQUEUE_FULL", "xTaskCreate",
            "vTaskDelay", "xTaskHandle", "pvPortMalloc", "portTickType", "PRIu32", "INCLUDE_vTaskDelay", "SYS_read",
            "esp_wifi_init", "esp_err_t", "lwip_send", "lwip_select", "tcpip_adapter_init",
            "nvs_flash_init", "gpio_set_level", "heap_caps_malloc", "xthal_get_ccount");

    /** Capital names of the target: macros of its SDK and of espgen's declarations. */
    static final List<String> MACROS = List.of("IRAM_ATTR", "ESP_OK", "WIFI_EVENT", "IP_EVENT", "AF_INET",
            "SOCK_STREAM", "FD_SETSIZE", "MSG_DONTWAIT", "ESPGEN_RTOS_MALLOC", "CONFIG_FREERTOS_HZ");

    static String program() {
        StringBuilder j = new StringBuilder("""
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 7970, maxConnections = 2)
                public class RtosNames {
                """);
        int i = 1;
        for (String m : MACROS) {
            j.append("    static final int ").append(m).append(" = ").append(i++).append(";\n");
        }
        for (String n : NAMES) {
            j.append("    static byte[] ").append(n).append(" = new byte[2];\n");
        }
        j.append("    static class Session {\n");
        for (String n : NAMES) {
            j.append("        int ").append(n).append(";\n");
        }
        j.append("        byte[] buf = new byte[8];\n    }\n");
        j.append("""
                    @OnConnect void start(Connection select, Session send) {
                        select.send("hello\\n");
                        send.buf[0] = 1;
                        Log.info("%d", send.printf);
                    }
                    @OnReceive void received(Connection peer, Session s, Bytes data) {
                """);
        for (String n : NAMES) {
            j.append("        int ").append(n).append(" = s.").append(n).append(" + data.length();\n");
        }
        j.append("        int sum = 0;\n");
        for (String n : NAMES) {
            j.append("        sum += ").append(n).append(";\n");
        }
        for (String m : MACROS) {
            j.append("        sum += RtosNames.").append(m).append(";\n");
        }
        // a Log in the locals' scope: os_printf is printf on this target, and a local printf is in scope
        j.append("        Log.info(\"%d\", sum);\n");
        j.append("        for (byte b : data) { s.buf[b & 7] = b; }\n");
        j.append("        int bumped = bump();\n        s.select = helper(sum, s.buf) + bumped;\n");
        j.append("        peer.sendDecimal(s.select);\n    }\n");
        j.append("    static int helper(int listen, byte[] accept) { return listen + accept.length; }\n");
        j.append("    static int bump() {\n        int total = 0;\n");
        for (String n : NAMES) {
            j.append("        ").append(n).append("[1] += ").append(n).append("[0];\n");
            j.append("        total += ").append(n).append("[1];\n");
        }
        j.append("        return total;\n    }\n}\n");
        return j.toString();
    }

    @Test
    void everyRtosNameCompilesForTheRtosChipAndItsHostBuild(@TempDir Path dir) throws Exception {
        Compilation compilation = Espgen.compileSource("example.RtosNames", program());
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> files = Espgen.generatedC(compilation);
        Path tree = Espgen.writeTree(files, dir.resolve("espgen"));
        CRuntime.extractRtos(tree.resolve("rtos"));
        Tool.ok(tree, Tool.concat(RtosCrossCompileTest.FLAGS, "rtos_names/rtos_names.c", "-o", "rtos_names.o"));
        Tool.ok(tree, Tool.concat(RtosCrossCompileTest.FLAGS, "user_main.c", "-o", "user_main.o"));
        // and the same C for the NONOS chip
        Tool.ok(tree, Tool.concat(CrossCompileTest.FLAGS, "rtos_names/rtos_names.c", "-o", "nonos.o"));
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(tree)) {
            sources = walk.filter(p -> p.toString().endsWith(".c") && !p.startsWith(tree.resolve("rtos")))
                    .sorted().toList();
        }
        HostFirmware.buildRtos(sources, List.of(tree.resolve("include"), tree), dir.resolve("host"), false,
                List.of());
    }

    @Test
    void serverNamesTheRtosTargetMeetsAreRefusedWithTheCatalogueMessage() {
        for (String name : List.of("Select", "Time", "Index", "Strcmp", "EspWifi", "Esp", "Lwip", "TcpipAdapter",
                "Nvs", "GpioPins", "Heap", "Freertos", "Config", "Queue", "Xthal", "If")) {
            String source = "package example;\nimport io.espgen.dsl.*;\n@TcpServer(port = 7971)\npublic class "
                    + name + " {\n    @OnConnect void start(Connection c) { c.close(); }\n}\n";
            Compilation c = Espgen.compileSource("example." + name, source);
            assertThat(c).hadErrorContaining(Messages.reservedServerName(name, CNames.snake(name)))
                    .inFile(c.sourceFiles().get(0)).onLine(4);
        }
    }

    /** Every file-scope name espgen's declarations give the target's C (chip and host) is a refused server name. */
    @Test
    void everyNameTheDeclarationsDeclareIsAReservedServerName(@TempDir Path dir) throws Exception {
        prepare(dir);
        Set<String> refused = new TreeSet<>();
        refused.addAll(refusedAsGlobals(dir, chip()));
        refused.addAll(refusedAsGlobals(dir, host()));
        assertThat(refused).as("names gcc refuses at file scope").contains("select", "memcpy", "esp_wifi_init",
                "lwip_socket", "fd_set");
        assertThat(refused.stream().filter(n -> !CNames.reservedServer(n)).toList()).as("not reserved").isEmpty();
    }

    /** Every object-like macro with a lowercase letter in espgen's declarations (chip and host) is renamed. */
    @Test
    void everyLowercaseMacroOfTheDeclarationsIsRenamed(@TempDir Path dir) throws Exception {
        prepare(dir);
        Set<String> macros = new TreeSet<>();
        for (List<String> cc : List.of(chip(), host())) {
            String defines = Tool.ok(dir, Tool.concat(cc, "-E", "-dM", "t.c"));
            Matcher m = Pattern.compile("(?m)^#define ([A-Za-z_][A-Za-z0-9_]*) ").matcher(defines);
            while (m.find()) {
                if (!m.group(1).equals(m.group(1).toUpperCase(java.util.Locale.ROOT))) {
                    macros.add(m.group(1));
                }
            }
        }
        assertThat(macros).contains("os_printf", "st_atime", "lwip_ntohs");
        assertThat(macros.stream().filter(n -> !n.startsWith("_") && n.equals(CNames.local(n))).toList())
                .as("kept as locals").isEmpty();
        assertThat(macros.stream().filter(n -> !n.startsWith("_") && macros.contains(CNames.field(n))).toList())
                .as("members named as macros").isEmpty();
    }

    private static void prepare(Path dir) throws Exception {
        CRuntime.extractRtos(dir.resolve("rtos"));
        CRuntime.extractInclude(dir.resolve("include"));
        Files.writeString(dir.resolve("t.c"), "#include \"espgen_rtos_sdk.h\"\n");
    }

    private static List<String> chip() {
        return List.of("xtensa-lx106-elf-gcc", "-std=gnu99", "-D_GNU_SOURCE", "-D" + CRuntime.RTOS_DEFINE,
                "-Iinclude", "-Irtos");
    }

    private static List<String> host() {
        return List.of("gcc", "-std=gnu11", "-pthread", "-D" + CRuntime.RTOS_DEFINE, "-DESPGEN_RTOS_HOST",
                "-Iinclude", "-Irtos");
    }

    /** The lowercase words of the preprocessed header that gcc refuses as {@code static int NAME;} after it. */
    private static Set<String> refusedAsGlobals(Path dir, List<String> cc) throws Exception {
        String preprocessed = Tool.ok(dir, Tool.concat(cc, "-E", "-P", "t.c"));
        Set<String> words = new TreeSet<>();
        Matcher m = Pattern.compile("\\b[a-z][a-z0-9_]*\\b").matcher(preprocessed);
        while (m.find()) {
            words.add(m.group());
        }
        List<String> lines = new ArrayList<>(List.of("#include \"espgen_rtos_sdk.h\""));
        List<String> order = new ArrayList<>(words);
        order.forEach(w -> lines.add("static int " + w + ";"));
        Files.write(dir.resolve("g.c"), lines);
        Tool.Result r = Tool.run(dir, Tool.concat(cc, "-fmax-errors=0", "-w", "-c", "g.c", "-o", "g.o"));
        Set<String> refused = new TreeSet<>();
        Matcher e = Pattern.compile("(?m)^g\\.c:(\\d+):\\d+: error").matcher(r.output());
        while (e.find()) {
            int line = Integer.parseInt(e.group(1));
            if (line >= 2) {
                refused.add(order.get(line - 2));
            }
        }
        return refused;
    }
}
