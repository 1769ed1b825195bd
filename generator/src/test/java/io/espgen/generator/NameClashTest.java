package io.espgen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handlers and helpers named like the generated file's own functions still give C that compiles. */
class NameClashTest {

    @Test
    void handlersNamedLikeGeneratedFunctionsGetASuffix(@TempDir Path dir) throws Exception {
        Map<String, String> files = Espgen.generatedC(com.google.testing.compile.Compiler.javac()
                .withProcessors(new EspgenProcessor())
                .compile(com.google.testing.compile.JavaFileObjects.forSourceString("example.Clash", """
                        package example;
                        import io.espgen.dsl.*;
                        @TcpServer(port = 80)
                        public class Clash {
                            static class State { int n; }
                            @OnConnect void start(Connection c, State s) { s.n = conns(1); }
                            @OnReceive void recvCb(Connection c, State s, Bytes d) { s.n += handlers(d.length()); }
                            @OnSent void stateTable(Connection c) { c.close(); }
                            @OnDisconnect void disconnectCb(State s) { Log.info("%d", s.n); }
                            static int conns(int x) { return x + 1; }
                            static int handlers(int x) { return x * 2; }
                        }
                        """)));
        String c = files.get("clash/clash.c");
        assertThat(c).contains("clash_start_handler(", "clash_recv_cb_handler(", "clash_state_table_handler(",
                "clash_disconnect_cb_handler(");
        Espgen.writeTree(files, dir);
        Tool.ok(dir, Tool.concat(CrossCompileTest.FLAGS, "clash/clash.c", "-o", "clash.o"));
    }
}
