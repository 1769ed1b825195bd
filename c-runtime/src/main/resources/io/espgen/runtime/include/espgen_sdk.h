/*
 * espgen_sdk.h - the part of the ESP8266 NONOS SDK 3.x interface that espgen's generated code uses.
 *
 * Written by the espgen project from the documented signatures (the team's SDK notes,
 * shared/docs/esp8266-sdk.md, section 4); no Espressif file is copied here. Three ways to build against it:
 *   - with a real SDK: define ESPGEN_REAL_SDK and put the SDK's include/ on the path; the SDK's own
 *     headers are used and nothing below is declared;
 *   - cross-compile without an SDK (a checked build, no image): xtensa-lx106-elf-gcc -DICACHE_FLASH;
 *   - on the host: the host emulation (module host-emulation, io/espgen/host) implements every function
 *     declared here;
 *   - for the FreeRTOS target (ESP8266_RTOS_SDK 3.x), define ESPGEN_TARGET_RTOS: espgen_rtos_sdk.h (c-runtime,
 *     io/espgen/runtime/rtos) stands for all of this file but the TCP limits at its end.
 * Symbol names follow the SDK (os_memcpy is ets_memcpy in ROM, os_malloc is pvPortMalloc, ...), so the
 * same objects link against the SDK's libraries.
 */
#ifndef ESPGEN_SDK_H
#define ESPGEN_SDK_H

#if defined(ESPGEN_TARGET_RTOS)

/* the FreeRTOS target: ESP8266_RTOS_SDK 3.x, the same names served on its sockets and tasks */
#include "espgen_rtos_sdk.h"

#elif defined(ESPGEN_REAL_SDK)

/* osapi.h keeps os_printf's format in DRAM unless USE_OPTIMIZE_PRINTF is defined; mem.h makes os_malloc
 * os_malloc_iram (IRAM heap first) unless MEM_DEFAULT_USE_DRAM is. espgen wants formats in flash and
 * its queue in DRAM, as its own declarations below have it. */
#ifndef USE_OPTIMIZE_PRINTF
#define USE_OPTIMIZE_PRINTF
#endif
#ifndef MEM_DEFAULT_USE_DRAM
#define MEM_DEFAULT_USE_DRAM
#endif
#include <ets_sys.h>
#include <osapi.h>
#include <os_type.h>
#include <mem.h>
#include <user_interface.h>
#include <espconn.h>

#else /* the project's own declarations */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* c_types.h */
typedef uint8_t uint8;
typedef int8_t sint8;
typedef uint16_t uint16;
typedef int16_t sint16;
typedef uint32_t uint32;
typedef int32_t sint32;
typedef uint64_t uint64;
typedef int64_t sint64;

#ifdef ICACHE_FLASH
#define ICACHE_FLASH_ATTR __attribute__((section(".irom0.text")))
#define ICACHE_RODATA_ATTR __attribute__((section(".irom.text")))
#else
#define ICACHE_FLASH_ATTR
#define ICACHE_RODATA_ATTR
#endif

/* osapi.h: ROM string and memory routines, and the SDK's printf */
void ets_memcpy(void *dst, const void *src, size_t n);
void ets_memset(void *s, int c, size_t n);
int ets_memcmp(const void *a, const void *b, size_t n);
size_t ets_strlen(const char *s);
int ets_strcmp(const char *a, const char *b);
int ets_strncmp(const char *a, const char *b, size_t n);
int ets_sprintf(char *str, const char *format, ...) __attribute__((format(printf, 2, 3)));
int os_printf_plus(const char *format, ...) __attribute__((format(printf, 1, 2)));

#define os_memcpy ets_memcpy
#define os_memset ets_memset
#define os_memcmp ets_memcmp
#define os_strlen ets_strlen
#define os_strcmp ets_strcmp
#define os_strncmp ets_strncmp
#define os_sprintf ets_sprintf
/* gcc checks an os_printf's format against its arguments through this; it is never called. */
static inline void ICACHE_FLASH_ATTR __attribute__((format(printf, 1, 2))) espgen_printf_check(const char *fmt, ...)
{
	(void)fmt;
}

/* As the SDK's osapi.h does: the format string goes to flash, not to scarce DRAM (os_printf_plus reads
 * it with aligned loads). A statement, not an expression. */
#define os_printf(fmt, ...)                                                                           \
	do {                                                                                          \
		static const char espgen_printf_fmt[] ICACHE_RODATA_ATTR __attribute__((aligned(4))) = fmt; \
		if (0)                                                                                \
			espgen_printf_check(fmt, ##__VA_ARGS__);                                      \
		os_printf_plus(espgen_printf_fmt, ##__VA_ARGS__);                                     \
	} while (0)

/* mem.h: the SDK heap, with the caller's file and line for its leak tracking */
void *pvPortMalloc(size_t size, const char *file, unsigned line, bool use_iram);
void *pvPortZalloc(size_t size, const char *file, unsigned line);
void vPortFree(void *ptr, const char *file, unsigned line);

#define os_malloc(s) pvPortMalloc((s), __FILE__, __LINE__, false)
#define os_zalloc(s) pvPortZalloc((s), __FILE__, __LINE__)
#define os_free(p) vPortFree((p), __FILE__, __LINE__)

/* os_type.h: software timers and task events */
typedef void ETSTimerFunc(void *timer_arg);
typedef struct _ETSTIMER_ {
	struct _ETSTIMER_ *timer_next;
	uint32 timer_expire;
	uint32 timer_period;
	ETSTimerFunc *timer_func;
	void *timer_arg;
} ETSTimer;
typedef ETSTimer os_timer_t;
typedef ETSTimerFunc os_timer_func_t;

void ets_timer_disarm(ETSTimer *timer);
void ets_timer_setfn(ETSTimer *timer, ETSTimerFunc *fn, void *arg);
void ets_timer_arm_new(ETSTimer *timer, uint32 ms_or_us, bool repeat, bool is_ms);

#define os_timer_disarm ets_timer_disarm
#define os_timer_setfn ets_timer_setfn
#define os_timer_arm(t, ms, repeat) ets_timer_arm_new((t), (ms), (repeat), 1)

typedef uint32 ETSSignal;
typedef uint32 ETSParam;
typedef struct ETSEventTag {
	ETSSignal sig;
	ETSParam par;
} ETSEvent;
typedef ETSEvent os_event_t;
typedef void (*os_task_t)(os_event_t *e);

/* user_interface.h */
#define USER_TASK_PRIO_0 0
#define USER_TASK_PRIO_1 1
#define USER_TASK_PRIO_2 2

bool system_os_task(os_task_t task, uint8 prio, os_event_t *queue, uint8 qlen);
bool system_os_post(uint8 prio, ETSSignal sig, ETSParam par);
uint32 system_get_time(void);
uint32 system_get_free_heap_size(void);

typedef enum {
	SYSTEM_PARTITION_INVALID = 0,
	SYSTEM_PARTITION_BOOTLOADER,
	SYSTEM_PARTITION_OTA_1,
	SYSTEM_PARTITION_OTA_2,
	SYSTEM_PARTITION_RF_CAL,
	SYSTEM_PARTITION_PHY_DATA,
	SYSTEM_PARTITION_SYSTEM_PARAMETER,
	SYSTEM_PARTITION_AT_PARAMETER,
	SYSTEM_PARTITION_SSL_CLIENT_CERT_PRIVKEY,
	SYSTEM_PARTITION_SSL_CLIENT_CA,
	SYSTEM_PARTITION_SSL_SERVER_CERT_PRIVKEY,
	SYSTEM_PARTITION_SSL_SERVER_CA,
	SYSTEM_PARTITION_WPA2_ENTERPRISE_CERT_PRIVKEY,
	SYSTEM_PARTITION_WPA2_ENTERPRISE_CA,
	SYSTEM_PARTITION_CUSTOMER_BEGIN = 100,
	SYSTEM_PARTITION_MAX
} partition_type_t;

typedef struct {
	partition_type_t type;
	uint32_t addr;
	uint32_t size;
} partition_item_t;

bool system_partition_table_regist(const partition_item_t *partition_table, uint32 partition_num,
				   uint32 map);

#define NULL_MODE 0x00
#define STATION_MODE 0x01
#define SOFTAP_MODE 0x02
#define STATIONAP_MODE 0x03

typedef enum _auth_mode {
	AUTH_OPEN = 0,
	AUTH_WEP,
	AUTH_WPA_PSK,
	AUTH_WPA2_PSK,
	AUTH_WPA_WPA2_PSK,
	AUTH_MAX
} AUTH_MODE;

typedef struct {
	sint8 rssi;
	AUTH_MODE authmode;
} wifi_fast_scan_threshold_t;

/* As SDK 3.0.x has it: the SDK reads the whole struct, so every member is declared. */
struct station_config {
	uint8 ssid[32];
	uint8 password[64];
	uint8 channel;
	uint8 bssid_set;
	uint8 bssid[6];
	wifi_fast_scan_threshold_t threshold;
	bool open_and_wep_mode_disable;
	bool all_channel_scan;
};

struct softap_config {
	uint8 ssid[32];
	uint8 password[64];
	uint8 ssid_len;
	uint8 channel; /* 1 to 13 */
	AUTH_MODE authmode;
	uint8 ssid_hidden;
	uint8 max_connection; /* at most 4 */
	uint16 beacon_interval; /* 100 to 60000 ms */
};

struct ip_addr {
	uint32 addr; /* network byte order */
};

struct ip_info {
	struct ip_addr ip;
	struct ip_addr netmask;
	struct ip_addr gw;
};

#define STATION_IF 0x00
#define SOFTAP_IF 0x01

enum {
	EVENT_STAMODE_CONNECTED = 0,
	EVENT_STAMODE_DISCONNECTED,
	EVENT_STAMODE_AUTHMODE_CHANGE,
	EVENT_STAMODE_GOT_IP,
	EVENT_STAMODE_DHCP_TIMEOUT,
	EVENT_SOFTAPMODE_STACONNECTED,
	EVENT_SOFTAPMODE_STADISCONNECTED,
	EVENT_SOFTAPMODE_PROBEREQRECVED,
	EVENT_OPMODE_CHANGED,
	EVENT_SOFTAPMODE_DISTRIBUTE_STA_IP,
	EVENT_MAX
};

#define REASON_BEACON_TIMEOUT 200
#define REASON_NO_AP_FOUND 201

typedef struct {
	uint8 ssid[32];
	uint8 ssid_len;
	uint8 bssid[6];
	uint8 channel;
} Event_StaMode_Connected_t;

typedef struct {
	uint8 ssid[32];
	uint8 ssid_len;
	uint8 bssid[6];
	uint8 reason;
} Event_StaMode_Disconnected_t;

typedef struct {
	uint8 old_mode;
	uint8 new_mode;
} Event_StaMode_AuthMode_Change_t;

typedef struct {
	struct ip_addr ip;
	struct ip_addr mask;
	struct ip_addr gw;
} Event_StaMode_Got_IP_t;

typedef struct {
	uint8 mac[6];
	uint8 aid;
} Event_SoftAPMode_StaConnected_t;

typedef struct {
	uint8 mac[6];
	struct ip_addr ip;
	uint8 aid;
} Event_SoftAPMode_Distribute_Sta_IP_t;

typedef struct {
	uint8 mac[6];
	uint8 aid;
} Event_SoftAPMode_StaDisconnected_t;

typedef struct {
	int rssi;
	uint8 mac[6];
} Event_SoftAPMode_ProbeReqRecved_t;

typedef struct {
	uint8 old_opmode;
	uint8 new_opmode;
} Event_OpMode_Change_t;

typedef union {
	Event_StaMode_Connected_t connected;
	Event_StaMode_Disconnected_t disconnected;
	Event_StaMode_AuthMode_Change_t auth_change;
	Event_StaMode_Got_IP_t got_ip;
	Event_SoftAPMode_StaConnected_t sta_connected;
	Event_SoftAPMode_Distribute_Sta_IP_t distribute_sta_ip;
	Event_SoftAPMode_StaDisconnected_t sta_disconnected;
	Event_SoftAPMode_ProbeReqRecved_t ap_probereqrecved;
	Event_OpMode_Change_t opmode_changed;
} Event_Info_u;

typedef struct _esp_event {
	uint32 event;
	Event_Info_u event_info;
} System_Event_t;

typedef void (*wifi_event_handler_cb_t)(System_Event_t *event);

bool wifi_set_opmode_current(uint8 opmode);
bool wifi_station_set_config_current(struct station_config *config);
bool wifi_station_connect(void);
bool wifi_station_set_reconnect_policy(bool set);
bool wifi_station_dhcpc_stop(void);
bool wifi_station_set_hostname(char *name);
bool wifi_set_ip_info(uint8 if_index, struct ip_info *info);
bool wifi_softap_set_config_current(struct softap_config *config);
void wifi_set_event_handler_cb(wifi_event_handler_cb_t cb);

#endif /* ESPGEN_TARGET_RTOS, ESPGEN_REAL_SDK, or the project's own */

#if defined(ESPGEN_TARGET_RTOS) || !defined(ESPGEN_REAL_SDK)
/* espconn.h, as the project declares it: the NONOS SDK's without its headers, and the FreeRTOS target's, whose
 * espgen_rtos_net.c serves the calls the runtime makes on sockets (that SDK has no espconn) */
#define ESPCONN_OK 0
#define ESPCONN_MEM -1
#define ESPCONN_TIMEOUT -3
#define ESPCONN_RTE -4
#define ESPCONN_INPROGRESS -5
#define ESPCONN_MAXNUM -7
#define ESPCONN_ABRT -8
#define ESPCONN_RST -9
#define ESPCONN_CLSD -10
#define ESPCONN_CONN -11
#define ESPCONN_ARG -12
#define ESPCONN_IF -14
#define ESPCONN_ISCONN -15

typedef void (*espconn_connect_callback)(void *arg);
typedef void (*espconn_reconnect_callback)(void *arg, sint8 err);
typedef void (*espconn_recv_callback)(void *arg, char *pdata, unsigned short len);
typedef void (*espconn_sent_callback)(void *arg);

enum espconn_type { ESPCONN_INVALID = 0, ESPCONN_TCP = 0x10, ESPCONN_UDP = 0x20 };

enum espconn_state {
	ESPCONN_NONE,
	ESPCONN_WAIT,
	ESPCONN_LISTEN,
	ESPCONN_CONNECT,
	ESPCONN_WRITE,
	ESPCONN_READ,
	ESPCONN_CLOSE
};

typedef struct _esp_tcp {
	int remote_port;
	int local_port;
	uint8 local_ip[4];
	uint8 remote_ip[4];
	espconn_connect_callback connect_callback;
	espconn_reconnect_callback reconnect_callback;
	espconn_connect_callback disconnect_callback;
	espconn_connect_callback write_finish_fn;
} esp_tcp;

struct espconn {
	enum espconn_type type;
	enum espconn_state state;
	union {
		esp_tcp *tcp;
		void *udp;
	} proto;
	espconn_recv_callback recv_callback;
	espconn_sent_callback sent_callback;
	uint8 link_cnt;
	void *reverse;
};

enum espconn_option {
	ESPCONN_START = 0x00,
	ESPCONN_REUSEADDR = 0x01,
	ESPCONN_NODELAY = 0x02,
	ESPCONN_COPY = 0x04,
	ESPCONN_KEEPALIVE = 0x08,
	ESPCONN_MANUALRECV = 0x10,
	ESPCONN_END
};

sint8 espconn_accept(struct espconn *espconn);
sint8 espconn_disconnect(struct espconn *espconn);
sint8 espconn_abort(struct espconn *espconn);
sint8 espconn_delete(struct espconn *espconn);
sint8 espconn_send(struct espconn *espconn, uint8 *psent, uint16 length);
sint8 espconn_regist_connectcb(struct espconn *espconn, espconn_connect_callback connect_cb);
sint8 espconn_regist_recvcb(struct espconn *espconn, espconn_recv_callback recv_cb);
sint8 espconn_regist_sentcb(struct espconn *espconn, espconn_sent_callback sent_cb);
sint8 espconn_regist_reconcb(struct espconn *espconn, espconn_reconnect_callback recon_cb);
sint8 espconn_regist_disconcb(struct espconn *espconn, espconn_connect_callback discon_cb);
sint8 espconn_regist_write_finish(struct espconn *espconn, espconn_connect_callback write_finish_fn);
sint8 espconn_regist_time(struct espconn *espconn, uint32 interval, uint8 type_flag);
uint8 espconn_tcp_get_max_con(void);
sint8 espconn_tcp_set_max_con(uint8 num);
sint8 espconn_tcp_set_max_con_allow(struct espconn *espconn, uint8 num);
sint8 espconn_set_opt(struct espconn *espconn, uint8 opt);
sint8 espconn_recv_hold(struct espconn *pespconn);
sint8 espconn_recv_unhold(struct espconn *pespconn);
#endif

/*
 * The SDK's TCP limits, under espgen's own names so they never clash with the SDK's headers. The Java side
 * reads the same numbers from io.espgen.dsl.Limits (a test holds the two together).
 */
#define ESPGEN_TCP_MSS 1460			/* lwipopts.h: TCP_MSS */
#define ESPGEN_TCP_SND_BUF (2 * ESPGEN_TCP_MSS)	/* lwipopts.h: TCP_SND_BUF, the most bytes in flight */
#define ESPGEN_TCP_WND (4 * ESPGEN_TCP_MSS)	/* lwipopts.h: TCP_WND, as the chip starts up */
#define ESPGEN_MAX_CON 15			/* espconn.h: linkMax, the most espconn_tcp_set_max_con takes */
#define ESPGEN_MAX_IDLE_S 7200			/* the SDK's API reference for espconn_regist_time */

#endif /* ESPGEN_SDK_H */
