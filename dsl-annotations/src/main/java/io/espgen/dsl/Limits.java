package io.espgen.dsl;

/**
 * The limits of the chip and its SDK that a server's declaration is checked against, in one place: the
 * annotation processor, the JVM reference and this API's documentation all read them from here.
 */
public final class Limits {

    private Limits() {}

    /** The highest TCP port. */
    public static final int MAX_PORT = 65535;

    /**
     * The most TCP connections the NONOS SDK serves at once, all servers of a firmware together
     * ({@code espconn_tcp_set_max_con} accepts 1 to 15).
     */
    public static final int MAX_CONNECTIONS = 15;

    /** The longest idle timeout {@code espconn_regist_time} accepts, in seconds. */
    public static final int MAX_IDLE_TIMEOUT_SECONDS = 7200;

    /** One TCP segment of the SDK's lwIP (TCP_MSS). */
    public static final int TCP_MSS = 1460;

    /** The SDK's TCP send buffer (TCP_SND_BUF, 2 x MSS): the most bytes in flight on one connection. */
    public static final int TCP_SEND_BUFFER = 2 * TCP_MSS;

    /** The longest buffer one {@code espconn_send} takes (its length is a uint16). */
    public static final int MAX_SEND_LENGTH = 65535;

    /** The longest send queue a connection may have, in bytes. */
    public static final int MAX_SEND_QUEUE_BYTES = 65535;

    /**
     * What each block of a send queue costs against {@link TcpServer#sendQueueBytes()} beyond the bytes it
     * holds: its header (12 bytes on the chip) and the SDK allocator's own (an estimate: that code is closed).
     */
    public static final int SEND_BLOCK_OVERHEAD = 16;

    /**
     * The room a send queue keeps before receiving is held, for a given piece size. espconn_recv_hold only
     * stops re-opening the receive window (espconn_tcp.c: espconn_recv_hold, espconn_server_recv), so up to
     * one window (TCP_WND, 4 x MSS) still arrives after it, and the receive that tripped it adds a segment: 5
     * x MSS, as Espressif recommends. A handler that answers each receive with as much queues that in blocks:
     * plus the unused room of a block already with the SDK (at most one piece) and each block's overhead. A
     * queue of at least this much never overflows under such a handler.
     */
    public static int receiveReserve(int sendChunkSize) {
        int window = 4 * TCP_MSS;
        return window + TCP_MSS + sendChunkSize + (window / sendChunkSize + 3) * SEND_BLOCK_OVERHEAD;
    }

    /** The shortest period of a repeating os_timer the SDK documents (os_timer_arm: at least 5 ms when repeating). */
    public static final int MIN_TIMER_MILLIS = 5;

    /** The longest os_timer_arm takes in milliseconds (0x68D7A3, the ROM's limit). */
    public static final int MAX_TIMER_MILLIS = 0x68D7A3;

    /** The highest GPIO number (GPIO 16, in the RTC domain). */
    public static final int MAX_GPIO = 16;

    /** The first of the pins that hold the SPI flash (GPIO 6 to 11: SD_CLK, SD_DATA0-3, SD_CMD). */
    public static final int FIRST_FLASH_GPIO = 6;

    /** The last of the pins that hold the SPI flash. */
    public static final int LAST_FLASH_GPIO = 11;

    /** The pin in the RTC domain: no interrupt, no pull-up (only a pull-down, which espgen does not offer). */
    public static final int RTC_GPIO = 16;

    /**
     * A one-shot timer's delay computed at run time, as the firmware arms it (espgen_timer_start): below
     * {@link #MIN_TIMER_MILLIS} it is that minimum, above {@link #MAX_TIMER_MILLIS} that maximum.
     */
    public static int clampTimerMillis(int millis) {
        return Math.max(MIN_TIMER_MILLIS, Math.min(MAX_TIMER_MILLIS, millis));
    }

    /** The most stations the SDK's access point admits ({@code softap_config.max_connection}). */
    public static final int MAX_AP_STATIONS = 4;

    /** The longest wait for an IP address before the fallback access point opens, in seconds (an hour). */
    public static final int MAX_WIFI_FALLBACK_SECONDS = 3600;

    /** The longest station host name the SDK takes ({@code wifi_station_set_hostname}). */
    public static final int MAX_HOSTNAME_LENGTH = 32;

    /** The SDK's TCP receive window (TCP_WND, 4 x MSS): what a peer may send beyond what was read. */
    public static final int TCP_WINDOW = 4 * TCP_MSS;

    /** The longest frame a {@link Framed} server may declare. */
    public static final int MAX_FRAME_BYTES = 4096;

    /**
     * The receive buffer of one connection of a {@link Framed} server whose longest frame takes frameWireBytes
     * with its delimiter or prefix: a frame still incomplete, the receive that paused delivery (one segment), and
     * the window the SDK still delivers after {@code espconn_recv_hold} (espconn_tcp.c: espconn_recv_hold only
     * stops crediting the window, espconn_server_recv). Receiving is held only while delivery is paused, and
     * then at most this much waits.
     */
    public static int frameBufferBytes(int frameWireBytes) {
        return frameWireBytes + TCP_MSS + TCP_WINDOW;
    }

    /** The most elements a state array may have. */
    public static final int MAX_ARRAY_LENGTH = 4096;
}
