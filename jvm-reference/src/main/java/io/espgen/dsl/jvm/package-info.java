/**
 * The JVM reference implementation of the DSL: {@link io.espgen.dsl.jvm.JvmServer} runs a
 * {@link io.espgen.dsl.TcpServer} class as plain Java with the firmware's behaviour (connection table,
 * send queue, close after drain, the order of the handlers), and {@link io.espgen.dsl.jvm.JvmBytes} is
 * received data as handlers see it. Handler logic can be unit-tested without a compiler, and the
 * generated C is tested against it: the same client session gives the same bytes.
 */
package io.espgen.dsl.jvm;
