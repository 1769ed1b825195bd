package io.espgen.generator;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class EcjSmokeTmpTest {
    @Test
    void echo() throws Exception {
        for (Espgen.Host h : Espgen.Host.values()) {
        Compilation c = Espgen.compileSource(h, "example.Bad", """
                package example;
                import io.espgen.dsl.*;
                @TcpServer(port = 80, maxConnections = 9)
                public class Bad {
                    @OnReceive void r(Connection c, Bytes d) {
                        Object o = new Object();
                        double x = 1.5;
                        c.send(d);
                    }
                }
                """);
        System.out.println("STATUS " + h + c.status() + c.sourceFiles());
        c.diagnostics().forEach(d -> System.out.println("DIAG " + d.getKind() + " " + d.getSource() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(null)));

        c = Espgen.compileSample(h == Espgen.Host.JAVAC ? "echo-server" : "echo-server");
        c = Espgen.compileTree(h, Espgen.sample("echo-server"));
        System.out.println("STATUS " + h + c.status());
        c.diagnostics().forEach(d -> System.out.println("DIAG " + d.getKind() + " " + d.getSource() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(null)));
        System.out.println(Espgen.generatedC(c).keySet());
        }
    }
}
