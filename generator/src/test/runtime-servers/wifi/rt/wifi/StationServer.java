package rt.wifi;

import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnWifiDown;
import io.espgen.dsl.OnWifiUp;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.WiFi;

/** A station that opens its fallback access point after one second without an address (WifiTest). */
@WiFi(hostname = "rt-wifi", fallbackApAfterSeconds = 1, apChannel = 6, apMaxStations = 2)
@TcpServer(port = 7320)
public class StationServer {
    static int ups;

    @OnConnect
    void hello(Connection c) {
        c.send("hi\n");
    }

    @OnWifiUp
    void up(Connection server) {
        ups++;
        Log.info("network up #%d, %d clients", ups, server.connectionCount());
    }

    @OnWifiDown
    void down() {
        Log.warn("network down after %d ups", ups);
    }
}
