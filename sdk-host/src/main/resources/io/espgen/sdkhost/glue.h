/*
 * glue.h - what the two halves of espgen's stand-in for the SDK's closed libmain say to each other.
 *
 * The glue links Espressif's own espconn and lwIP (compiled from the user's SDK, unmodified, with gcc -m32)
 * into a Linux program. Its files come in two kinds that never include each other's headers:
 *   - the Linux side (glue_main.c, glue_heap.c, glue_os.c, glue_regs.c) includes only libc and Linux
 *     headers: the SDK's c_types.h defines bool, size_t and the fixed-width types its own way;
 *   - the SDK side (glue_stack.c, glue_sched.c) includes only the SDK's headers (and this one).
 * So this header uses nothing but C's own types. Every function the SDK's sources or a firmware call is
 * defined with the SDK's signature in one of these files; see README.md for which behaviour each follows.
 */
#ifndef ESPGEN_GLUE_H
#define ESPGEN_GLUE_H

/* Linux side: glue_main.c */
void glue_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Firmware misuse the chip would crash on: "espgen-host: SDK misuse: ..." on stderr, then abort() (exit 134). */
void glue_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* A failure of the host, not of the firmware: "espgen-sdk-host: error: ..." on stderr, then exit 1. */
void glue_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Hands one IP packet to the network end (the slirp helper or the TUN device). */
void glue_netif_send(const unsigned char *packet, unsigned int len);
/* A new listening port of the firmware (the SDK's tcp_listen_pcbs): served on the host (slirp) or announced (TUN). */
void glue_listener_added(unsigned int firmware_port);

/* Linux side: glue_regs.c */
/* Maps the register page (0x60000000..0x60001FFF) with the chip's start-up values; aborts when it cannot. */
void glue_regs_map(void);
/* Writes the FRC2 counter (0x60000624) from the clock: 80 MHz / 256 since start-up. */
void glue_regs_refresh(void);
/* Microseconds since start-up (monotonic). */
unsigned long long glue_now_us(void);

/* Linux side: glue_os.c */
/* A receive buffer of len bytes outside the heap (the Wi-Fi driver's, on the chip): returns the handle that
 * goes into the pbuf's eb, and the bytes in *data. system_pp_recycle_rx_pkt frees it. */
void *glue_rx_buffer_new(unsigned int len, unsigned char **data);

/* Linux side: glue_heap.c */
/* Sets the heap so that `free_bytes` are free from now on (the chip's free heap when user code starts). */
void glue_heap_set_free(unsigned int free_bytes);
unsigned int glue_heap_free(void);
/* Prints the live blocks: the firmware's (allocated with a file name) and the stack's. */
void glue_heap_report(void);

/* SDK side: glue_stack.c */
/* lwip_init, espconn_init and the network interface with its address, mask and gateway (network order). */
void glue_stack_init(const unsigned char ip[4], const unsigned char mask[4], const unsigned char gw[4]);
/* Delivers one received IP packet to lwIP, as the Wi-Fi driver would. */
void glue_stack_input(const unsigned char *packet, unsigned int len);
/* Runs lwIP's due timeouts (sys_check_timeouts). */
void glue_stack_timers(void);
/* Calls glue_listener_added for each listening port not seen before. */
void glue_stack_scan_listeners(void);
/* The firmware's entry points, in the order libmain calls them. */
void glue_user_start(void);

/* SDK side: glue_sched.c */
/* Runs the highest-priority posted event; returns 0 when none was pending. */
int glue_sched_run_one(void);
/* Runs the os_timers that are due (by the FRC2 counter); returns how many ran. */
int glue_sched_run_timers(void);
/* Microseconds until the first armed os_timer is due (0 when due), or -1 when none is armed. */
long long glue_sched_next_timer_us(void);

/* The chip's timer clock: FRC2 counts APB_CLK_FREQ / 256 = 312500 ticks a second (eagle_soc.h: TIMER_CLK_FREQ). */
#define GLUE_FRC2_HZ 312500ULL

#endif /* ESPGEN_GLUE_H */
