package rt.wifistatic;

import io.espgen.dsl.Connection;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.WiFi;

/** A station with a static address; the gateway defaults to the network's .1 (WifiTest). */
@WiFi(staticIp = "192.168.1.50", netmask = "255.255.0.0", fallbackApAfterSeconds = 0)
@TcpServer(port = 7322)
public class StaticAddressServer {
    @OnConnect
    void hello(Connection c) {
        c.send("hi\n");
    }
}
