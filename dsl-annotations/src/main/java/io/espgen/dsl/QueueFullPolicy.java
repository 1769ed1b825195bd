package io.espgen.dsl;

/** What happens when a send does not fit in a connection's send queue ({@link TcpServer#sendQueueBytes()}). */
public enum QueueFullPolicy {
    /**
     * The send is refused as a whole: nothing is queued and {@link Connection#send} returns {@code false}.
     * The bytes are gone unless the handler looks at that result and sends them again later (from
     * {@code @OnSent}); the processor warns at a send whose result is ignored.
     */
    REFUSE,
    /**
     * The connection is aborted: its queue is dropped, {@link Connection#send} returns {@code false}, and the client
     * sees a reset rather than the end of the stream. A send the heap has no room for is treated the same way, so a
     * client never receives a stream with a hole in it.
     */
    CLOSE
}
