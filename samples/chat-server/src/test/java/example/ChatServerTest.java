package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espgen.dsl.host.HostFirmware;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chat on the firmware built for the host: relaying, notices, the overflow policy. */
class ChatServerTest {

    @Test
    void eachLineGoesToEveryOtherMemberWithTheSendersAddress() throws Exception {
        try (HostFirmware fw = ChatServerFirmware.startOnHost();
                Member ann = Member.join(fw.port());
                Member bob = Member.join(fw.port());
                Member cy = Member.join(fw.port())) {
            assertEquals("* " + bob.address() + " joined", ann.readLine());
            assertEquals("* " + cy.address() + " joined", ann.readLine());
            assertEquals("* " + cy.address() + " joined", bob.readLine());

            // one line at a time: lines of two members reach a third in the order the server reads them
            ann.say("hello");
            assertEquals("[" + ann.address() + "] hello", bob.readLine());
            assertEquals("[" + ann.address() + "] hello", cy.readLine());
            bob.say("hi ann\r");                                     // telnet's line end
            assertEquals("[" + bob.address() + "] hi ann", ann.readLine());
            assertEquals("[" + bob.address() + "] hi ann", cy.readLine());

            // the sender gets nothing of its own: its next line is the answer to /stats
            ann.say("/stats");
            assertEquals("* 3 members, 2 lines relayed, 0 copies dropped for slow readers", ann.readLine());

            cy.close();
            assertEquals("* " + cy.address() + " left", ann.readLine());
            assertEquals("* " + cy.address() + " left", bob.readLine());
        }
    }

    @Test
    void aLineTooLongIsRefusedToItsSenderAndTheNextOneGoesOut() throws Exception {
        try (HostFirmware fw = ChatServerFirmware.startOnHost();
                Member ann = Member.join(fw.port());
                Member bob = Member.join(fw.port())) {
            assertEquals("* " + bob.address() + " joined", ann.readLine());
            ann.say("x".repeat(ChatServer.MAX_LINE + 1));
            ann.say("y".repeat(ChatServer.MAX_LINE));
            assertEquals("* line too long (at most " + ChatServer.MAX_LINE + " bytes), not sent", ann.readLine());
            assertEquals("[" + ann.address() + "] " + "y".repeat(ChatServer.MAX_LINE), bob.readLine());
        }
    }

    /**
     * A member that stops reading, among two that go on: the sender is never held up and the reader gets every
     * line; the slow member's own queue fills, it misses lines (REFUSE, counted), and when it reads again it is
     * told how many, in their place. Sender and fast reader go in step (each line read before the next is
     * sent) so that only the slow member can fall behind; its receive window is kept small so that it must.
     */
    @Test
    void aSlowReaderMissesLinesAndNobodyElseWaits() throws Exception {
        int lines = 400;
        String pad = "z".repeat(150);
        try (HostFirmware fw = ChatServerFirmware.startOnHost();
                Member ann = Member.join(fw.port());
                Member bob = Member.join(fw.port());
                Member slow = Member.join(fw.port(), 4096)) {
            assertEquals("* " + bob.address() + " joined", ann.readLine());
            assertEquals("* " + slow.address() + " joined", ann.readLine());
            assertEquals("* " + slow.address() + " joined", bob.readLine());

            for (int i = 1; i <= lines; i++) {
                ann.say(i + " " + pad);
                assertEquals("[" + ann.address() + "] " + i + " " + pad, bob.readLine());
            }
            ann.say("/stats");
            String stats = ann.readLine();
            Matcher dropped = Pattern.compile("\\* 3 members, " + lines + " lines relayed, (\\d+) copies dropped for"
                    + " slow readers").matcher(stats);
            assertTrue(dropped.matches(), stats);
            int droppedCopies = Integer.parseInt(dropped.group(1));
            assertTrue(droppedCopies > 0, "the slow member's queue filled: " + stats);

            // the slow member reads now: lines in order, each gap told as it happened, every line accounted for
            Pattern missed = Pattern.compile("\\* you missed (\\d+) lines");
            String prefix = "[" + ann.address() + "] ";
            int next = 1;
            int told = 0;
            for (int round = 0; next <= lines && round <= lines; round++) {
                String line = slow.readLine();
                Matcher m = missed.matcher(line);
                if (m.matches()) {
                    next += Integer.parseInt(m.group(1));
                    told += Integer.parseInt(m.group(1));
                } else {
                    assertEquals(prefix + next + " " + pad, line);
                    next++;
                }
            }
            assertEquals(lines + 1, next, "every line was received or told missed");
            assertEquals(droppedCopies, told, "the server's count and what the slow member was told agree");
            fw.awaitLog("a slow reader missed");
            // each member's queue is capped: the one that stopped reading cost its queue and no more
            HostFirmware.Heap heap = fw.heap();
            assertTrue(heap.peakBytes() <= 3L * ChatServerFirmware.SEND_QUEUE_BYTES, heap.toString());
        }
    }
}
