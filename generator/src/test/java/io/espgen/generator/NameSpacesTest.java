package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.espgen.host.HostFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What javac accepts, gcc builds, whatever the names: a server generated here uses every C keyword that is a Java
 * identifier, every name the generated C defines (its macros, its functions and tables, its functions' parameters),
 * and the runtime's, the SDK's and the C library's names, as constants, static fields, state fields, locals,
 * parameters and helper methods. Its C must compile with -Wall -Wextra -Werror for the host and the chip.
 */
class NameSpacesTest {

    /** C's keywords (C11, C23, GNU) that Java allows as names. */
    static final List<String> KEYWORDS = List.of("auto", "extern", "inline", "register", "restrict", "signed",
            "sizeof", "struct", "typedef", "union", "unsigned", "asm", "typeof", "typeof_unqual", "alignas", "alignof",
            "constexpr", "nullptr", "static_assert", "thread_local", "_Bool", "_Complex", "_Imaginary", "_Alignas",
            "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local", "_BitInt",
            "_Decimal32");

    /** Lowercase names of the generated C (server Names: prefix names_), the runtime, the SDK and libc. */
    static final List<String> LOWER = List.of("srv", "rx_data", "rx_len", "conn", "conn_", "state", "state_", "data",
            "data_", "err", "err_", "b_index", "buf_len", "x_", "espgen_send", "espgen_conn_next", "os_printf",
            "os_memset", "system_os_post", "ip4_addr1", "uint8", "sint8", "uint32", "sint64", "bool", "main", "errno",
            "offsetof", "size_t", "uintptr_t", "names", "names_conns", "names_start", "names_handlers",
            "names_session", "names_session_table", "names_session_init", "names_start_state", "names_connect_cb",
            "names_recv_cb", "names_count", "names_page", "names_text_1", "fooBar", "foo_bar");

    /** Capital names: the generated file's macros (after its prefix and with it), the runtime's and the SDK's. */
    static final List<String> MACROS = List.of("PORT", "MAX_CONNECTIONS", "IDLE_TIMEOUT_S", "SEND_CHUNK",
            "SEND_QUEUE_BYTES", "RECV_RESERVE", "H", "PAGE_LEN", "TEXT_1", "TEXT_1_LEN", "NAMES_PORT", "NAMES_H",
            "NAMES_PAGE_LEN", "NULL", "ESPCONN_OK", "ICACHE_FLASH_ATTR", "ICACHE_RODATA_ATTR", "ESPGEN_IN_RANGE",
            "ESPGEN_HEAP_RESERVE", "USER_TASK_PRIO_1", "INT8_MAX", "UINT32_MAX", "BIT0", "LOCAL", "TRUE", "FALSE",
            "pageLen");

    static String program() {
        List<String> all = new ArrayList<>(KEYWORDS);
        all.addAll(LOWER);
        all.addAll(MACROS);
        StringBuilder j = new StringBuilder("""
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 7999, maxConnections = 2)
                public class Names {
                    static final String PAGE = "a page long enough to be kept in flash, not in DRAM\\n";
                """);
        int i = 1;
        for (String m : MACROS) {
            if (m.equals("PAGE_LEN")) {
                j.append("    static final int PAGE_LEN = PAGE.length();\n");
            } else if (m.equals("TEXT_1")) {
                j.append("    static final String TEXT_1 = \"short\";\n");
            } else {
                j.append("    static final int ").append(m).append(" = ").append(i++).append(";\n");
            }
        }
        for (String k : KEYWORDS) {
            j.append("    static int ").append(k).append(";\n");
        }
        for (String k : LOWER) {
            j.append("    static byte[] ").append(k).append(" = new byte[2];\n");
        }
        j.append("    static int[][] grid = new int[2][3];\n");
        j.append("    static class Session {\n");
        for (String n : all) {
            j.append("        int ").append(n).append(";\n");
        }
        j.append("        byte[] buf = new byte[8];\n    }\n");
        // the handlers: parameters named like keywords and generated names
        j.append("""
                    @OnConnect void start(Connection register, Session auto) {
                        register.send(PAGE);
                        register.send(TEXT_1);
                        register.send("a literal long enough to be kept in flash as text 1\\n");
                        auto.buf[0] = (byte) PAGE_LEN;
                    }
                    @OnReceive void conns(Connection srv, Session rx_data, Bytes sizeof) {
                """);
        List<String> locals = all.stream().filter(n -> !List.of("srv", "rx_data", "sizeof").contains(n)).toList();
        for (String n : locals) {
            j.append("        int ").append(n).append(" = rx_data.").append(n).append(" + 1;\n");
        }
        j.append("        int sum = 0;\n");
        for (String n : locals) {
            j.append("        sum += ").append(n).append(";\n");
        }
        j.append("        for (byte b : sizeof) { sum += b; }\n");
        for (String m : MACROS) {
            if (!m.equals("TEXT_1")) {
                j.append("        sum += Names.").append(m).append(";\n");
            }
        }
        j.append("        sum += handlers(sum, rx_data.buf);\n        sum += connect_cb(srv);\n");
        j.append("        rx_data.sizeof = sum;\n        bump();\n");
        j.append("        for (Connection o : srv.connections()) { Session t = o.state(); t.auto += o.id(); }\n");
        j.append("    }\n");
        j.append("    @OnDisconnect void typedef(Session conn) { Log.info(\"%d\", conn.register); }\n");
        j.append("    static int handlers(int auto, byte[] buf) { return auto + buf.length + buf[0]; }\n");
        j.append("    static int connect_cb(Connection extern) { return extern.id(); }\n");
        j.append("    static void bump() {\n");
        for (String k : KEYWORDS) {
            j.append("        ").append(k).append("++;\n");
        }
        for (String k : LOWER) {
            j.append("        ").append(k).append("[1] += ").append(k).append("[0];\n");
        }
        j.append("        grid[1][2] = grid[0][1] + grid.length;\n");
        j.append("    }\n}\n");
        return j.toString();
    }

    @Test
    void everyNameCompilesForTheHostAndTheChip(@TempDir Path dir) throws Exception {
        Compilation compilation = Espgen.compileSource("example.Names", program());
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> files = Espgen.generatedC(compilation);
        Path tree = Espgen.writeTree(files, dir.resolve("espgen"));
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(tree)) {
            sources = walk.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        HostFirmware.build(sources, List.of(tree.resolve("include"), tree), dir.resolve("host"), true);
        Tool.ok(tree, Tool.concat(CrossCompileTest.FLAGS, "names/names.c", "-o", "names.o"));
    }
}
