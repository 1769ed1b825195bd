package io.espgen.dsl.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.dsl.Limits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/**
 * The piece of the queue the firmware has handed to the SDK: what still leaves when the peer's FIN closes the
 * connection (espconn_tcp.c: espconn_server_recv -> espconn_server_close; lwIP sends what it holds, then FIN).
 */
class SendQueuePieceTest {

    @Test
    void onAFinOnlyThePieceInFlightLeaves() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                    SocketChannel server = listener.accept()) {
                server.configureBlocking(false);
                SendQueue q = new SendQueue(16384, Limits.TCP_SEND_BUFFER);
                q.push(new byte[12000], 0, 12000);
                assertThat(q.writePieceTo(server)).as("before a handler has returned, nothing is with the SDK")
                        .isZero();
                q.startPiece();
                assertThat(q.sendBufferFull()).as("2920 bytes with lwIP, none acknowledged: no room for a FIN")
                        .isTrue();
                assertThat(q.writePieceTo(server)).as("one piece of sendChunkSize").isEqualTo(2920);
                assertThat(q.sendBufferFull()).isFalse();
                assertThat(q.writePieceTo(server)).as("and nothing after it").isZero();
                assertThat(q.pending()).isEqualTo(12000 - 2920);

                SendQueue small = new SendQueue(16384, 1460);
                small.push(new byte[1000], 0, 1000);
                small.push(new byte[1000], 0, 1000);
                small.startPiece();
                assertThat(small.sendBufferFull()).as("a piece of 1460 leaves lwIP room for a FIN").isFalse();
                assertThat(small.writePieceTo(server)).as("a piece spans blocks, up to sendChunkSize").isEqualTo(1460);
                assertThat(small.writeTo(server)).as("the rest leaves in the next pieces").isEqualTo(540);
            }
        }
    }
}
