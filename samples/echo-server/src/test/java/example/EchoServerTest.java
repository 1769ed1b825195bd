package example;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espgen.dsl.host.HostFirmware;
import java.io.InputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The firmware's own C, built for this machine and served on a free port: what would run on the chip. */
class EchoServerTest {

    @Test
    void greetsEchoesAndLogsHowMuchItEchoed() throws Exception {
        try (HostFirmware fw = EchoServerFirmware.startOnHost()) {
            try (Socket client = new Socket("127.0.0.1", fw.port())) {
                InputStream in = client.getInputStream();
                assertEquals("welcome\r\n", new String(in.readNBytes(9), US_ASCII));
                client.getOutputStream().write("hello".getBytes(US_ASCII));
                assertEquals("hello", new String(in.readNBytes(5), US_ASCII));
            }
            fw.awaitLog("bye, echoed 5 bytes");
        }
    }

    @Test
    void aClientThatLeavesLeavesNothingOnTheHeap() throws Exception {
        HostFirmware.Heap heap;
        try (HostFirmware fw = EchoServerFirmware.startOnHost()) {
            new Socket("127.0.0.1", fw.port()).close();
            fw.awaitLog("bye, echoed 0 bytes");
            heap = fw.heap();
        }
        assertEquals(0, heap.liveAllocations(), () -> "blocks still held after the client left: " + heap);
    }
}
