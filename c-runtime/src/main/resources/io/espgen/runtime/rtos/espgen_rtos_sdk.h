/*
 * espgen_rtos_sdk.h - the FreeRTOS target (ESP8266_RTOS_SDK 3.x): the part of its API espgen uses, and the
 * small NONOS vocabulary the generated code and the shared runtime speak, mapped onto it.
 *
 * espgen_sdk.h includes this file when ESPGEN_TARGET_RTOS is defined. The generated server files and the
 * shared runtime (espgen_server.c, espgen_txq.c, espgen_frame.c, espgen_text.c) are the same C on both
 * targets: on this one the espconn calls they make are served by espgen_rtos_net.c, over lwIP's BSD sockets
 * on one FreeRTOS task (one select() loop), the os_timer calls run on that loop, and espgen_rtos_wifi.c joins
 * the network through esp_wifi and esp_event. Three ways to build against it:
 *   - with a real SDK: define ESPGEN_REAL_SDK and build inside an ESP8266_RTOS_SDK project (IDF_PATH): the
 *     SDK's own headers are used for everything the SDK provides;
 *   - cross-compile without an SDK (a checked build, no image): xtensa-lx106-elf-gcc; the declarations below
 *     were written from the SDK's documented signatures (no Espressif file is copied here), enough to compile,
 *     not to link: a firmware image is only ever built against the SDK's own headers;
 *   - on the host, with ESPGEN_RTOS_HOST: Linux's sockets, and espgen_rtos_host.c (module host-emulation)
 *     for the FreeRTOS, esp_timer and Wi-Fi calls.
 */
#ifndef ESPGEN_RTOS_SDK_H
#define ESPGEN_RTOS_SDK_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* c_types.h's names, which the generated code uses */
typedef uint8_t uint8;
typedef int8_t sint8;
typedef uint16_t uint16;
typedef int16_t sint16;
typedef uint32_t uint32;
typedef int32_t sint32;
typedef uint64_t uint64;
typedef int64_t sint64;

/* Code and constants are in flash by default on this SDK (components/esp8266/ld/esp8266.project.ld.in:
 * .flash.text, .flash.rodata): no attribute needed. IRAM_ATTR (esp_attr.h) is the exception: what a GPIO
 * interrupt runs (espgen_gpio.h's ICACHE_RAM_ATTR, and system_os_post). */
#define ICACHE_FLASH_ATTR
#define ICACHE_RODATA_ATTR

#if defined(ESPGEN_REAL_SDK)

#include <esp_attr.h>
#include <freertos/FreeRTOS.h>
#include <freertos/task.h>
#include <esp_system.h>
#include <esp_timer.h>
#include <esp_event.h>
#include <esp_wifi.h>
#include <nvs_flash.h>
#include <tcpip_adapter.h>
#include <lwip/sockets.h>

#else /* the host's sockets, or the project's declarations of lwIP's; the rest is the project's */

#if defined(ESPGEN_RTOS_HOST)

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

/* lwIP's names for the socket calls (lwip/sockets.h), on Linux's own */
#define lwip_socket socket
#define lwip_bind bind
#define lwip_listen listen
#define lwip_accept accept
#define lwip_select select
#define lwip_recv recv
#define lwip_send send
#define lwip_close close
#define lwip_shutdown shutdown
#define lwip_setsockopt setsockopt
#define lwip_fcntl fcntl
#define lwip_htons htons
#define lwip_ntohs ntohs

#else /* the project's own declarations, for the checked cross-compile */

#include <sys/select.h> /* newlib's fd_set, which lwIP adopts (lwip/sockets.h: FD_SET defined) */
#include <sys/time.h>

typedef uint32_t socklen_t;
typedef uint8_t sa_family_t;
typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

struct in_addr {
	in_addr_t s_addr;
};

struct sockaddr {
	uint8_t sa_len;
	sa_family_t sa_family;
	char sa_data[14];
};

struct sockaddr_in {
	uint8_t sin_len;
	sa_family_t sin_family;
	in_port_t sin_port;
	struct in_addr sin_addr;
	char sin_zero[8];
};

struct linger {
	int l_onoff;
	int l_linger;
};

#define AF_INET 2
#define SOCK_STREAM 1
#define IPPROTO_TCP 6
#define INADDR_ANY ((in_addr_t)0x00000000UL)
#define SOL_SOCKET 0xfff
#define SO_REUSEADDR 0x0004
#define SO_LINGER 0x0080
#define TCP_NODELAY 0x01
#define SHUT_WR 1
#define MSG_DONTWAIT 0x08
#ifndef F_GETFL
#define F_GETFL 3
#define F_SETFL 4
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK 1
#endif

int lwip_socket(int domain, int type, int protocol);
int lwip_bind(int s, const struct sockaddr *name, socklen_t namelen);
int lwip_listen(int s, int backlog);
int lwip_accept(int s, struct sockaddr *addr, socklen_t *addrlen);
int lwip_select(int maxfdp1, fd_set *readset, fd_set *writeset, fd_set *exceptset, struct timeval *timeout);
ssize_t lwip_recv(int s, void *mem, size_t len, int flags);
ssize_t lwip_send(int s, const void *dataptr, size_t size, int flags);
int lwip_close(int s);
int lwip_shutdown(int s, int how);
int lwip_setsockopt(int s, int level, int optname, const void *optval, socklen_t optlen);
int lwip_fcntl(int s, int cmd, int val);
uint16_t lwip_htons(uint16_t x);
#define lwip_ntohs lwip_htons

#endif /* the sockets: Linux's or lwIP's */

/* esp_attr.h: code the linker places in IRAM (components/esp8266/ld/esp8266_fragments.lf: .iram1) */
#if defined(ESPGEN_RTOS_HOST)
#define IRAM_ATTR
#else
#define IRAM_ATTR __attribute__((section(".iram1")))
#endif

/* FreeRTOS (freertos/task.h): CONFIG_FREERTOS_HZ is 100 by default */
typedef int32_t BaseType_t;
typedef uint32_t UBaseType_t;
typedef void *TaskHandle_t;
typedef void (*TaskFunction_t)(void *arg);
#define pdPASS 1
BaseType_t xTaskCreate(TaskFunction_t code, const char *const name, const uint16_t stack_depth, void *const arg,
		       UBaseType_t priority, TaskHandle_t *const created);

/* esp_err.h, esp_system.h, esp_timer.h */
typedef int32_t esp_err_t;
#define ESP_OK 0
uint32_t esp_get_free_heap_size(void);
int64_t esp_timer_get_time(void);

/* esp_event.h */
typedef const char *esp_event_base_t;
typedef void (*esp_event_handler_t)(void *handler_arg, esp_event_base_t base, int32_t id, void *data);
extern esp_event_base_t const WIFI_EVENT;
extern esp_event_base_t const IP_EVENT;
#define ESP_EVENT_ANY_ID -1
esp_err_t esp_event_loop_create_default(void);
esp_err_t esp_event_handler_register(esp_event_base_t base, int32_t id, esp_event_handler_t handler, void *arg);

/* nvs_flash.h: the Wi-Fi driver keeps its calibration there */
esp_err_t nvs_flash_init(void);

/* esp_wifi_types.h, esp_wifi.h: only the members espgen sets */
typedef enum {
	WIFI_AUTH_OPEN = 0,
	WIFI_AUTH_WEP,
	WIFI_AUTH_WPA_PSK,
	WIFI_AUTH_WPA2_PSK,
	WIFI_AUTH_WPA_WPA2_PSK,
	WIFI_AUTH_MAX
} wifi_auth_mode_t;

typedef enum { WIFI_MODE_NULL = 0, WIFI_MODE_STA, WIFI_MODE_AP, WIFI_MODE_APSTA, WIFI_MODE_MAX } wifi_mode_t;
typedef enum { ESP_IF_WIFI_STA = 0, ESP_IF_WIFI_AP } wifi_interface_t;

typedef struct {
	uint8_t ssid[32];
	uint8_t password[64];
	uint8_t ssid_len;
	uint8_t channel;
	wifi_auth_mode_t authmode;
	uint8_t ssid_hidden;
	uint8_t max_connection;
	uint16_t beacon_interval;
} wifi_ap_config_t;

typedef struct {
	uint8_t ssid[32];
	uint8_t password[64];
} wifi_sta_config_t;

typedef union {
	wifi_ap_config_t ap;
	wifi_sta_config_t sta;
} wifi_config_t;

enum { WIFI_EVENT_STA_START = 2, WIFI_EVENT_STA_DISCONNECTED = 5 };
enum { IP_EVENT_STA_GOT_IP = 0, IP_EVENT_STA_LOST_IP = 1 };

typedef struct {
	uint8_t ssid[32];
	uint8_t ssid_len;
	uint8_t bssid[6];
	uint8_t reason;
} wifi_event_sta_disconnected_t;

/* The SDK's macro fills every member with its Kconfig defaults; a checked build only needs the type. */
typedef struct {
	int32_t opaque[16];
} wifi_init_config_t;
#define WIFI_INIT_CONFIG_DEFAULT() { { 0 } }

esp_err_t esp_wifi_init(const wifi_init_config_t *config);
esp_err_t esp_wifi_set_mode(wifi_mode_t mode);
esp_err_t esp_wifi_set_config(wifi_interface_t interface, wifi_config_t *conf);
esp_err_t esp_wifi_start(void);
esp_err_t esp_wifi_connect(void);

/* tcpip_adapter.h */
typedef struct {
	uint32_t addr; /* network byte order */
} ip4_addr_t;

typedef struct {
	ip4_addr_t ip;
	ip4_addr_t netmask;
	ip4_addr_t gw;
} tcpip_adapter_ip_info_t;

typedef struct {
	int if_index;
	tcpip_adapter_ip_info_t ip_info;
	bool ip_changed;
} ip_event_got_ip_t;

typedef enum { TCPIP_ADAPTER_IF_STA = 0, TCPIP_ADAPTER_IF_AP } tcpip_adapter_if_t;
void tcpip_adapter_init(void);
esp_err_t tcpip_adapter_set_hostname(tcpip_adapter_if_t tcpip_if, const char *hostname);
esp_err_t tcpip_adapter_dhcpc_stop(tcpip_adapter_if_t tcpip_if);
esp_err_t tcpip_adapter_set_ip_info(tcpip_adapter_if_t tcpip_if, tcpip_adapter_ip_info_t *ip_info);

#endif /* ESPGEN_REAL_SDK */

#if defined(ESPGEN_RTOS_HOST)
/* Heap blocks of the firmware are counted, so a test sees every one freed. */
void *espgen_rtos_host_malloc(size_t size);
void espgen_rtos_host_free(void *p);
/* Called once user_init has returned on the task: prints "espgen-host: ready". */
void espgen_rtos_host_ready(void);
/* The host port a firmware port is served on (0: any), and the line saying which one a listener took, as
 * the NONOS emulation prints it. */
int espgen_rtos_host_port(int firmware_port);
void espgen_rtos_host_listening(int fd, int firmware_port);
/* Called by the loop as each round begins, between handlers: the host acts there on its signals (a stop, a heap
 * report). The loop also waits on the wake fd, which the host writes to when a signal comes. */
void espgen_rtos_host_round(void);
int espgen_rtos_host_wake_fd(void);
/* The trace (ESPGEN_HOST_TRACE=1): a client's counts after each callback, a client's end (or refusal), and the
 * moment the loop has nothing ready to run; "unacked" is, on this target, what the socket has not yet taken. */
void espgen_rtos_host_trace(int listen_fd, const uint8 *remote_ip, int remote_port, const char *event, long n,
			    unsigned long long received, unsigned long long sent, unsigned int unsent);
void espgen_rtos_host_trace_end(int listen_fd, const uint8 *remote_ip, int remote_port, const char *how);
void espgen_rtos_host_trace_idle(void);
#define ESPGEN_RTOS_MALLOC espgen_rtos_host_malloc
#define ESPGEN_RTOS_FREE espgen_rtos_host_free
#endif

#ifndef ESPGEN_RTOS_MALLOC
#define ESPGEN_RTOS_MALLOC malloc
#define ESPGEN_RTOS_FREE free
#endif

/* osapi.h and mem.h's names: newlib's string routines, printf (the SDK's stdout is the UART), the heap. The SDK's
 * esp_libc.h defines some of them already (os_printf as printf, os_malloc on heap_caps_malloc): those stand. */
#ifndef os_memcpy
#define os_memcpy memcpy
#endif
#ifndef os_memset
#define os_memset memset
#endif
#ifndef os_memcmp
#define os_memcmp memcmp
#endif
#ifndef os_strlen
#define os_strlen strlen
#endif
#ifndef os_sprintf
#define os_sprintf sprintf
#endif
#ifndef os_printf
#define os_printf printf
#endif
#ifndef os_malloc
#define os_malloc(s) ESPGEN_RTOS_MALLOC(s)
#endif
#ifndef os_free
#define os_free(p) ESPGEN_RTOS_FREE(p)
#endif

/*
 * os_timer, run on the firmware's task by its loop (espgen_rtos_net.c), so a timer's handler, like every other,
 * runs one at a time with the rest, never from a FreeRTOS timer task. The SDK has an os_timer of its own (rom/
 * ets_sys.h, on FreeRTOS's timer task): these names replace it in what the generated code and the runtime compile.
 */
typedef void espgen_rtos_timer_fn(void *arg);
struct espgen_rtos_timer {
	struct espgen_rtos_timer *next; /* the loop's list of armed timers */
	int64_t due_us;
	uint32 period_ms; /* 0: once */
	espgen_rtos_timer_fn *fn;
	void *arg;
	uint32 round; /* the loop's round it last ran in */
	uint8 armed;
};

void espgen_rtos_timer_setfn(struct espgen_rtos_timer *t, espgen_rtos_timer_fn *fn, void *arg);
void espgen_rtos_timer_arm(struct espgen_rtos_timer *t, uint32 ms, bool repeat);
void espgen_rtos_timer_disarm(struct espgen_rtos_timer *t);
#define os_timer_t struct espgen_rtos_timer
typedef espgen_rtos_timer_fn os_timer_func_t;
#define os_timer_setfn espgen_rtos_timer_setfn
#define os_timer_arm espgen_rtos_timer_arm
#define os_timer_disarm espgen_rtos_timer_disarm

/* system_os_task and system_os_post (NONOS's user_interface.h): tasks run by the same loop, after the event that
 * posted them. */
struct espgen_rtos_event {
	uint32 sig;
	uint32 par;
};
typedef void (*espgen_rtos_task_fn)(struct espgen_rtos_event *e);
#define os_event_t struct espgen_rtos_event
#define os_task_t espgen_rtos_task_fn

#define USER_TASK_PRIO_0 0
#define USER_TASK_PRIO_1 1
#define USER_TASK_PRIO_2 2

bool system_os_task(os_task_t task, uint8 prio, os_event_t *queue, uint8 qlen);
/* Also from an interrupt handler (a GPIO interrupt's @AfterInterrupt post): in IRAM on the chip. */
bool system_os_post(uint8 prio, uint32 sig, uint32 par);

/* A GPIO interrupt handler is attached (espgen_gpio.c): on the chip the loop then waits at most
 * ESPGEN_RTOS_ISR_POLL_MS in select(), so what the handler posts runs within that (espgen_rtos_net.c). */
void espgen_rtos_isr_attached(void);

#if defined(ESPGEN_RTOS_HOST)
/* The host's emulated pins (host-emulation: host_gpio.c, rtos/espgen_rtos_host_gpio.c): their control socket is
 * served by the loop's thread, which also runs the emulated GPIO interrupt, between two rounds. */
void espgen_rtos_host_gpio_setup(void);
void espgen_rtos_host_fds(fd_set *rd, int *maxfd);
void espgen_rtos_host_serve(const fd_set *rd);
#endif

static inline uint32 system_get_time(void)
{
	return (uint32)esp_timer_get_time();
}

static inline uint32 system_get_free_heap_size(void)
{
	return esp_get_free_heap_size();
}

/* user_main.c's user_pre_init registers a NONOS partition table; this SDK reads partitions.csv instead, and
 * app_main never calls user_pre_init. */
typedef enum {
	SYSTEM_PARTITION_INVALID = 0,
	SYSTEM_PARTITION_BOOTLOADER,
	SYSTEM_PARTITION_OTA_1,
	SYSTEM_PARTITION_OTA_2,
	SYSTEM_PARTITION_RF_CAL,
	SYSTEM_PARTITION_PHY_DATA,
	SYSTEM_PARTITION_SYSTEM_PARAMETER,
	SYSTEM_PARTITION_CUSTOMER_BEGIN = 100
} partition_type_t;

typedef struct {
	partition_type_t type;
	uint32_t addr;
	uint32_t size;
} partition_item_t;

static inline bool system_partition_table_regist(const partition_item_t *table, uint32 n, uint32 map)
{
	(void)table;
	(void)n;
	(void)map;
	return true;
}

/* The firmware's task: app_main (espgen_rtos_main.c) starts it; it runs user_init, then the loop, which never
 * returns. */
void espgen_rtos_loop(void);

/* Hands the Wi-Fi events esp_event's task recorded to the loop's task (espgen_rtos_wifi.c). */
void espgen_rtos_wifi_poll(void);

#endif /* ESPGEN_RTOS_SDK_H */
