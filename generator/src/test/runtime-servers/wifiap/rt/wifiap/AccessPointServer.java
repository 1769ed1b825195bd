package rt.wifiap;

import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.WiFi;

/** An access point of its own (WifiTest). */
@WiFi(mode = WiFi.Mode.ACCESS_POINT, apChannel = 11)
@TcpServer(port = 7321)
public class AccessPointServer {
    @OnConnect
    void hello(Connection c) {
        c.send("hi\n");
    }
}
