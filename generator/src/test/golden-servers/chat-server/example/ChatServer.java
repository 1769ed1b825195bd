package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Every;
import io.espgen.dsl.OneShot;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.QueueFullPolicy;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Timers;

/** A chat: state all clients share, a broadcast, a private message by id, a constant table in flash. */
@TcpServer(port = 7000, maxConnections = 4, onQueueFull = QueueFullPolicy.REFUSE)
public class ChatServer {

    static final String WELCOME = "welcome to the chat; @<id> text talks to one member\n";
    static final int WELCOME_LEN = WELCOME.length();
    static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    static final int QUIET_MS = 30_000;
    static int lines;
    static int dropped;
    static byte[][] lastLine = new byte[4][32];

    static class Member {
        int said;
        int partner;
    }

    @OnConnect
    void join(Connection c, Member m) {
        if (!c.send(WELCOME) || !c.sendDecimal(c.id())) {
            dropped++;
        }
    }

    @OnReceive
    void relay(Connection from, Member m, Bytes line) {
        lines++;
        m.said++;
        Timers.start("quiet", QUIET_MS);  // each line re-arms it: it fires after a quiet spell only
        if (line.contentEquals("/hush")) {
            Timers.cancel("quiet");
        }
        if (line.startsWith("@")) {
            Connection to = from.connectionById(line.parseInt(1, line.indexOf(' ', 1), 0));
            Member other = to.state();
            if (to.send(line)) {
                other.partner = from.id();
            } else if (!from.send("nobody by that id\n")) {
                dropped++;
            }
            return;
        }
        int slot = 0;
        for (Connection o : from.connections()) {
            if (o != from && !o.send(line)) {
                dropped++;              // o reads too slowly: its queue is full, the others go on
            }
            slot++;
        }
        line.copyTo(0, WELCOME_LEN, lastLine[lines & 3], 0);
        if (!from.sendHex(HEX[slot & 15])) {
            dropped++;
        }
    }

    @OnDisconnect
    void leave(Connection c, Member m) {
        for (Connection o : c.connections()) {
            if (!o.send("a member left\n")) {
                dropped++;
            }
        }
    }

    /** After QUIET_MS without a line, the room is asked for one: a one-shot os_timer that relay re-arms. */
    @OneShot
    void quiet(Connection server) {
        for (Connection o : server.connections()) {
            if (!o.send("anyone there?\n")) {
                dropped++;
            }
        }
    }

    /** Once a minute, every member hears how many are here: a repeating os_timer, armed when the server starts. */
    @Every(millis = 60_000)
    void roll(Connection server) {
        for (Connection o : server.connections()) {
            if (!o.sendDecimal(server.connectionCount()) || !o.send(" here\n")) {
                dropped++;
            }
        }
    }
}
