package corpus.broadcast;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnConnect;
import io.espgen.dsl.OnDisconnect;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * A chat: each line goes to the other clients, "@<id> text" to one of them, "who" lists everyone with their
 * nick and id, "kick <id>" closes another client; a stale id finds nobody. Ids are stable and deterministic
 * (entry index and generation), so the JVM and the firmware print the same.
 */
@TcpServer(port = 7181, maxConnections = 3)
public class Broadcast {

    static int lastLeft;

    static class Member {
        byte[] nick = new byte[8];
        int nickLen;
        int said;
        byte[] out = new byte[96];
    }

    @OnConnect
    void join(Connection c, Member m) {
        int n = Text.append(m.out, 0, "you are ");
        n = Text.appendInt(m.out, n, c.id());
        n = Text.append(m.out, n, ", online ");
        n = Text.appendInt(m.out, n, c.connectionCount());
        n = Text.appendByte(m.out, n, '\n');
        c.send(m.out, 0, n);
    }

    @OnReceive
    void line(Connection c, Member m, Bytes data) {
        if (m.nickLen == 0) {
            m.nickLen = data.copyTo(0, data.length(), m.nick, 0);
            announce(c, m, true);
            return;
        }
        m.said++;
        if (data.contentEquals("who")) {
            for (Connection o : c.connections()) {
                Member om = o.state();
                int n = Text.appendInt(m.out, 0, o.id());
                n = Text.appendByte(m.out, n, ' ');
                for (int i = 0; i < om.nick.length && i < om.nickLen; i++) {
                    n = Text.appendByte(m.out, n, om.nick[i]);
                }
                if (o.id() == c.id()) {
                    n = Text.append(m.out, n, " (you)");
                }
                n = Text.appendByte(m.out, n, ' ');
                n = Text.appendInt(m.out, n, o.remoteIp() >>> 24);
                n = Text.appendByte(m.out, n, '\n');
                c.send(m.out, 0, n);
            }
            return;
        }
        if (data.startsWith("kick ")) {
            Connection victim = c.connectionById(data.parseInt(5, data.length(), 0));
            if (!victim.isOpen()) {
                c.send("nobody\n");
                return;
            }
            victim.send("kicked\n");
            victim.close();
            c.send("done\n");
            return;
        }
        if (data.startsWith("@")) {
            int space = data.indexOf(' ', 1);
            Connection to = c.connectionById(data.parseInt(1, space, -1));
            Member tm = to.state();
            if (!to.send("psst: ")) {
                c.send("gone\n");
                return;
            }
            to.send(data);
            to.send("\n");
            tm.said += 100;
            return;
        }
        announce(c, m, false);
        for (Connection o : c.connections()) {
            if (o.id() != c.id()) {
                o.send(data);
                o.send("\n");
            }
        }
    }

    /** Tells the others who spoke or joined. */
    void announce(Connection from, Member m, boolean joined) {
        for (Connection o : from.connections()) {
            if (o != from) {
                o.send(m.nick, 0, m.nickLen);
                if (joined) {
                    o.send(" joined\n");
                } else {
                    o.send(": ");
                }
            }
        }
    }

    @OnDisconnect
    void leave(Connection c, Member m) {
        lastLeft = c.id();
        Log.info("%d left after %d lines, %d still here", lastLeft, m.said, c.connectionCount());
        for (Connection o : c.connections()) {
            o.send(m.nick, 0, m.nickLen);
            o.send(" left\n");
        }
    }
}
