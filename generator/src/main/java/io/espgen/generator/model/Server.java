package io.espgen.generator.model;

import io.espgen.generator.ir.CFunction;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @TcpServer}: everything the planner and emitters need, and nothing of the compiler's.
 *
 * @param qualifiedName the server class's qualified name
 * @param simpleName its simple name
 * @param sourceFileName the simple name of its source file, for comments and {@code #line}
 * @param port the TCP port (the ranges of these numbers are io.espgen.dsl.Limits')
 * @param maxConnections the size of the connection table
 * @param idleTimeoutSeconds the SDK's idle timeout
 * @param sendChunkSize the largest piece handed to one espconn_send
 * @param sendQueueBytes the send queue's cap, at least sendChunkSize
 * @param closeOnQueueFull whether a send that does not fit closes the connection (else it is refused)
 * @param state the per-connection state class, when a handler takes one
 * @param handlers at most one per event, in event order
 * @param helpers the server's methods the handlers call, as C functions, in first-call order
 * @param constants the server's constants the handlers use, by Java name
 * @param flashTexts the long strings the handlers send, placed in flash
 * @param framing the server's @Framed, when it has one
 * @param shared the server's static fields: state all clients share, C globals
 * @param tables the server's constant tables, in flash
 * @param pins the pins the server declares, and the C names of its GPIO interrupt and task
 * @param spareState whether the state table has a spare entry, the state of a connection looked up and not
 *     found
 */
public record Server(
        String qualifiedName,
        String simpleName,
        String sourceFileName,
        int port,
        int maxConnections,
        int idleTimeoutSeconds,
        int sendChunkSize,
        int sendQueueBytes,
        boolean closeOnQueueFull,
        Optional<StateClass> state,
        List<Handler> handlers,
        List<CFunction> helpers,
        List<Constant> constants,
        List<FlashText> flashTexts,
        Optional<Framing> framing,
        List<SharedField> shared,
        List<ConstTable> tables,
        Pins pins,
        boolean spareState) {
    public Server {
        shared = List.copyOf(shared);
        tables = List.copyOf(tables);
        handlers = List.copyOf(handlers);
        helpers = List.copyOf(helpers);
        constants = List.copyOf(constants);
        flashTexts = List.copyOf(flashTexts);
    }

    /** The handler of an event that has at most one (not {@link Event#TIMER} nor {@link Event#ONE_SHOT}). */
    public Optional<Handler> handler(Event event) {
        return handlers.stream().filter(h -> h.event() == event).findFirst();
    }

    /** The handlers of an event of which a server may have several (timers, the pins'), in their order. */
    public List<Handler> handlers(Event event) {
        return handlers.stream().filter(h -> h.event() == event).toList();
    }

    /** The timer handlers, repeating and one-shot, in declaration order. */
    public List<Handler> timers() {
        return handlers.stream().filter(h -> h.timer() != null).toList();
    }
}
