/**
 * The espgen DSL: describe an ESP8266 TCP server in plain Java.
 *
 * <p>A server is a class annotated {@link io.espgen.dsl.TcpServer}. Its handler methods are annotated with
 * the event they serve ({@link io.espgen.dsl.OnConnect}, {@link io.espgen.dsl.OnReceive},
 * {@link io.espgen.dsl.OnSent}, {@link io.espgen.dsl.OnDisconnect}, {@link io.espgen.dsl.OnError}) and take
 * the parameters that event supplies, in any order:
 * <ul>
 *   <li>{@link io.espgen.dsl.Connection}: the client; every handler may take it;</li>
 *   <li>the per-connection state class: a static nested class with only primitive fields and fixed-size
 *       primitive arrays, one instance per entry of the connection table, zeroed (or set to its field
 *       initializers) when a client connects;</li>
 *   <li>{@link io.espgen.dsl.Bytes}: the received data, {@code @OnReceive} only;</li>
 *   <li>{@link io.espgen.dsl.ConnectionError}: why the connection failed, {@code @OnError} only.</li>
 * </ul>
 *
 * <p>Handler bodies are translated to C by the espgen annotation processor. They are written in a subset of
 * Java that maps onto C without a heap: primitive locals, {@code if}, loops, arithmetic, string literals,
 * calls on {@link io.espgen.dsl.Connection}, {@link io.espgen.dsl.Bytes} and {@link io.espgen.dsl.Log}, and
 * fields of the state class. Anything else is a compile error at the offending line and column.
 */
package io.espgen.dsl;
