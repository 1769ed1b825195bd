package io.espgen.dsl;

/** Why a connection failed: the error codes of the SDK's reconnect callback. */
public enum ConnectionError {
    /** {@code ESPCONN_TIMEOUT}: the peer stopped answering. */
    TIMEOUT,
    /** {@code ESPCONN_ABRT}: the connection was aborted. */
    ABORTED,
    /** {@code ESPCONN_RST}: the peer reset the connection. */
    RESET,
    /** {@code ESPCONN_CLSD}: the connection closed while sending. */
    CLOSED,
    /** {@code ESPCONN_CONN}: the connection could not be kept up. */
    CONNECTION_FAILED
}
