package example;

import io.espgen.dsl.TcpServer;

@TcpServer(port = 70000)
public class Bad {
}
