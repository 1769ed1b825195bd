package ${package};

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espgen.dsl.host.HostFirmware;
import java.io.InputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The firmware's own C, built for this machine and served on a free port: what would run on the chip. */
class HelloServerTest {

    @Test
    void answersEachLineAndLogsHowManyWhenTheClientLeaves() throws Exception {
        try (HostFirmware fw = HelloServerFirmware.startOnHost()) {
            try (Socket client = new Socket("127.0.0.1", fw.port())) {
                InputStream in = client.getInputStream();
                assertEquals("hello\n", new String(in.readNBytes(6), US_ASCII));
                client.getOutputStream().write("espgen\n".getBytes(US_ASCII));
                assertEquals("you said: espgen\n", new String(in.readNBytes(17), US_ASCII));
            }
            fw.awaitLog("bye after 1 lines");
        }
    }
}
