/*
 * espgen_rtos_host.c - the host layer of the FreeRTOS target: what the generated C and espgen's RTOS runtime
 * (c-runtime, io/espgen/runtime/rtos) call of ESP8266_RTOS_SDK besides the sockets, which are Linux's own
 * (espgen_rtos_sdk.h maps lwIP's names onto them). Built with -DESPGEN_TARGET_RTOS -DESPGEN_RTOS_HOST.
 *
 *   - xTaskCreate: a thread. The firmware creates one task, and every handler runs on it.
 *   - esp_timer_get_time: the monotonic clock; esp_get_free_heap_size: the NONOS emulation's 50 KiB less the
 *     firmware's live blocks (counted here, and printed at exit as the NONOS emulation prints them).
 *   - esp_event and esp_wifi: a radio on a thread of its own, as esp_event's task: a station gets an address
 *     20 ms after esp_wifi_connect (ESPGEN_HOST_WIFI_JOIN_MS), or never (ESPGEN_HOST_WIFI_NO_NETWORK=1: each
 *     attempt ends in a disconnect, reason 201), and ESPGEN_HOST_WIFI_LOSE_AFTER_MS=N loses the network once,
 *     N ms after the first address.
 *
 * The command line is the NONOS emulation's: --port FW=HOST, --any-port, --exit-after-ms N. Start-up prints
 * "espgen-host: listening on 127.0.0.1:H (firmware port F)" per server and "espgen-host: ready" once
 * user_init has returned. Signals are taken by the main thread and acted on by the firmware's task between two
 * rounds of its loop (espgen_rtos_host_round), never inside a handler, as the NONOS emulation acts between
 * callbacks: SIGUSR1 prints the heap; SIGTERM or SIGINT (or --exit-after-ms) stops it with "espgen-host: heap:
 * N live allocations, B bytes". A task that starts no round for 3 s is stuck (a loop without an end): the
 * process ends as the chip's task watchdog would reset it, and sooner when a stop signal waits on it.
 * ESPGEN_HOST_TRACE=1 traces the connections in the NONOS emulation's line format (HostFirmware.traffic).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "espgen_sdk.h"

#define HOST_TAG "espgen-host: "
#define HOST_HEAP_SIZE (50u * 1024u) /* as the NONOS emulation: what an idle echo app leaves free */
#define HOST_MAX_PORT_MAPS 16
#define HOST_MAX_HANDLERS 4
#define HOST_MAX_EVENTS 8
#define HOST_REASON_BEACON_TIMEOUT 200 /* the network was lost */
#define HOST_REASON_NO_AP_FOUND 201    /* no network answered */
#define HOST_WATCHDOG_TICKS 3 /* seconds without a round of the loop: the task is stuck */
#define HOST_WATCHDOG_EXIT 4  /* the NONOS emulation's exit code for it */
#define HOST_STOP_TICKS 2     /* seconds a stop signal waits for a round before it ends the process */

void app_main(void);

/* ---- the command line ---- */

static struct {
	int any_port;
	long exit_after_ms;
	int nmaps;
	struct {
		int fw;
		int host;
	} maps[HOST_MAX_PORT_MAPS];
} opts = { .exit_after_ms = -1 };

static void usage(const char *argv0, const char *why)
{
	fprintf(stderr, HOST_TAG "%s\nusage: %s [--port FW=HOST]... [--any-port] [--exit-after-ms N]\n", why, argv0);
	exit(2);
}

static long number(const char *argv0, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		usage(argv0, "a number out of range");
	return v;
}

static void parse_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--any-port")) {
			opts.any_port = 1;
		} else if (!strcmp(argv[i], "--port") && i + 1 < argc) {
			char buf[32];
			char *eq;

			snprintf(buf, sizeof(buf), "%s", argv[++i]);
			eq = strchr(buf, '=');
			if (eq == NULL)
				usage(argv[0], "--port wants FW=HOST");
			*eq = '\0';
			if (opts.nmaps == HOST_MAX_PORT_MAPS)
				usage(argv[0], "too many --port");
			opts.maps[opts.nmaps].fw = (int)number(argv[0], buf, 1, 65535);
			opts.maps[opts.nmaps].host = (int)number(argv[0], eq + 1, 0, 65535);
			opts.nmaps++;
		} else if (!strcmp(argv[i], "--exit-after-ms") && i + 1 < argc) {
			opts.exit_after_ms = number(argv[0], argv[++i], 0, LONG_MAX);
		} else {
			usage(argv[0], "unknown argument");
		}
	}
}

int espgen_rtos_host_port(int firmware_port)
{
	int i;

	for (i = 0; i < opts.nmaps; i++)
		if (opts.maps[i].fw == firmware_port)
			return opts.maps[i].host;
	return opts.any_port ? 0 : firmware_port;
}

void espgen_rtos_host_listening(int fd, int firmware_port)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);

	if (getsockname(fd, (struct sockaddr *)&addr, &len) != 0)
		return;
	printf(HOST_TAG "listening on 127.0.0.1:%d (firmware port %d)\n", ntohs(addr.sin_port), firmware_port);
	fflush(stdout);
}

void espgen_rtos_host_ready(void)
{
	printf(HOST_TAG "ready\n");
	fflush(stdout);
}

/* ---- the trace (ESPGEN_HOST_TRACE): the NONOS emulation's lines (host_espconn_clients.c: host_trace_client),
 * printed by the firmware's task alone ---- */

static int trace_on;
static int traced; /* a line since the last "idle" */

static int host_port_of(int listen_fd)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);

	if (getsockname(listen_fd, (struct sockaddr *)&addr, &len) != 0)
		return -1;
	return ntohs(addr.sin_port);
}

void espgen_rtos_host_trace(int listen_fd, const uint8 *remote_ip, int remote_port, const char *event, long n,
			    unsigned long long received, unsigned long long sent, unsigned int unsent)
{
	char what[32];

	if (!trace_on)
		return;
	if (n >= 0)
		snprintf(what, sizeof(what), "%s %ld", event, n);
	else
		snprintf(what, sizeof(what), "%s", event);
	printf(HOST_TAG "trace %u.%u.%u.%u:%d on %d %s: received %llu, sent %llu, unacked %u\n", remote_ip[0],
	       remote_ip[1], remote_ip[2], remote_ip[3], remote_port, host_port_of(listen_fd), what, received, sent,
	       unsent);
	traced = 1;
}

void espgen_rtos_host_trace_end(int listen_fd, const uint8 *remote_ip, int remote_port, const char *how)
{
	if (!trace_on)
		return;
	printf(HOST_TAG "trace %u.%u.%u.%u:%d on %d %s\n", remote_ip[0], remote_ip[1], remote_ip[2], remote_ip[3],
	       remote_port, host_port_of(listen_fd), how);
	traced = 1;
}

void espgen_rtos_host_trace_idle(void)
{
	if (!traced)
		return;
	printf(HOST_TAG "trace idle\n");
	traced = 0;
}

/* ---- time and heap ---- */

int64_t esp_timer_get_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Each block carries its size before it, so the live bytes are known; only the firmware's task allocates,
 * but the counters are read at exit from the main thread. */
static size_t live_blocks;
static size_t live_bytes;
static size_t peak_bytes;

void *espgen_rtos_host_malloc(size_t size)
{
	size_t used, peak;
	size_t *p;

	if (size > HOST_HEAP_SIZE)
		return NULL;
	p = malloc(sizeof(size_t) * 2 + size);
	if (p == NULL)
		return NULL;
	p[0] = size;
	__atomic_add_fetch(&live_blocks, 1, __ATOMIC_RELAXED);
	used = __atomic_add_fetch(&live_bytes, size, __ATOMIC_RELAXED);
	peak = __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED);
	while (used > peak && !__atomic_compare_exchange_n(&peak_bytes, &peak, used, false, __ATOMIC_RELAXED,
							   __ATOMIC_RELAXED))
		; /* another thread raised the peak: compare again with what it wrote */
	return p + 2;
}

void espgen_rtos_host_free(void *ptr)
{
	size_t *p;

	if (ptr == NULL)
		return;
	p = (size_t *)ptr - 2;
	__atomic_sub_fetch(&live_blocks, 1, __ATOMIC_RELAXED);
	__atomic_sub_fetch(&live_bytes, p[0], __ATOMIC_RELAXED);
	free(p);
}

uint32_t esp_get_free_heap_size(void)
{
	size_t used = __atomic_load_n(&live_bytes, __ATOMIC_RELAXED);

	return used < HOST_HEAP_SIZE ? (uint32_t)(HOST_HEAP_SIZE - used) : 0;
}

/* ---- tasks ---- */

struct host_task {
	TaskFunction_t code;
	void *arg;
};

static void *host_task_main(void *p)
{
	struct host_task t = *(struct host_task *)p;

	free(p);
	t.code(t.arg);
	return NULL;
}

BaseType_t xTaskCreate(TaskFunction_t code, const char *const name, const uint16_t stack_depth, void *const arg,
		       UBaseType_t priority, TaskHandle_t *const created)
{
	struct host_task *t = malloc(sizeof(*t));
	pthread_t thread;

	(void)name;
	(void)stack_depth;
	(void)priority;
	if (t == NULL)
		return 0;
	t->code = code;
	t->arg = arg;
	if (pthread_create(&thread, NULL, host_task_main, t) != 0) {
		free(t);
		return 0;
	}
	pthread_detach(thread);
	if (created != NULL)
		*created = NULL;
	return pdPASS;
}

/* ---- esp_event and the radio: one thread delivers the events, each at its time ---- */

esp_event_base_t const WIFI_EVENT = "WIFI_EVENT";
esp_event_base_t const IP_EVENT = "IP_EVENT";

struct host_handler {
	esp_event_base_t base;
	int32_t id;
	esp_event_handler_t fn;
	void *arg;
};

struct host_event {
	int64_t due_us;
	esp_event_base_t base;
	int32_t id;
	uint8_t reason; /* a disconnect's */
};

static pthread_mutex_t ev_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ev_cond = PTHREAD_COND_INITIALIZER;
static struct host_handler handlers[HOST_MAX_HANDLERS];
static int nhandlers;
static struct host_event events[HOST_MAX_EVENTS];
static int nevents;
static int loop_started;
static wifi_mode_t wifi_mode;
static int wifi_lost_once;

static unsigned long env_count(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v ? strtoul(v, NULL, 10) : 0;
}

/* Under ev_lock. */
static void post_locked(esp_event_base_t base, int32_t id, uint8_t reason, unsigned long after_ms)
{
	if (nevents == HOST_MAX_EVENTS) {
		fprintf(stderr, HOST_TAG "fatal: the radio's event queue is full\n");
		exit(1);
	}
	events[nevents].due_us = esp_timer_get_time() + (int64_t)after_ms * 1000;
	events[nevents].base = base;
	events[nevents].id = id;
	events[nevents].reason = reason;
	nevents++;
	pthread_cond_signal(&ev_cond);
}

static void deliver(esp_event_base_t base, int32_t id, uint8_t reason)
{
	wifi_event_sta_disconnected_t disconnected;
	ip_event_got_ip_t got_ip;
	void *data = NULL;
	int i;

	memset(&disconnected, 0, sizeof(disconnected));
	memset(&got_ip, 0, sizeof(got_ip));
	if (base == WIFI_EVENT && id == WIFI_EVENT_STA_DISCONNECTED) {
		disconnected.reason = reason;
		data = &disconnected;
	} else if (base == IP_EVENT && id == IP_EVENT_STA_GOT_IP) {
		got_ip.ip_info.ip.addr = htonl(INADDR_LOOPBACK); /* the NONOS emulation's address too */
		data = &got_ip;
	}
	for (i = 0; i < nhandlers; i++)
		if (handlers[i].base == base && (handlers[i].id == ESP_EVENT_ANY_ID || handlers[i].id == id))
			handlers[i].fn(handlers[i].arg, base, id, data);
}

static void *event_task(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&ev_lock);
	for (;;) {
		int64_t now = esp_timer_get_time();
		int first = -1;
		int i;

		for (i = 0; i < nevents; i++)
			if (first < 0 || events[i].due_us < events[first].due_us)
				first = i;
		if (first < 0) {
			pthread_cond_wait(&ev_cond, &ev_lock);
		} else if (events[first].due_us > now) {
			struct timespec ts;
			int64_t left = events[first].due_us - now;

			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += (time_t)(left / 1000000);
			ts.tv_nsec += (long)(left % 1000000) * 1000;
			if (ts.tv_nsec >= 1000000000) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000;
			}
			pthread_cond_timedwait(&ev_cond, &ev_lock, &ts);
		} else {
			struct host_event e = events[first];

			events[first] = events[--nevents];
			if (e.base == IP_EVENT && e.id == IP_EVENT_STA_GOT_IP && !wifi_lost_once &&
			    env_count("ESPGEN_HOST_WIFI_LOSE_AFTER_MS") > 0) {
				wifi_lost_once = 1;
				fprintf(stderr, HOST_TAG "wifi: the network will be lost (ESPGEN_HOST_WIFI_LOSE_AFTER_MS)\n");
				post_locked(WIFI_EVENT, WIFI_EVENT_STA_DISCONNECTED, HOST_REASON_BEACON_TIMEOUT,
					    env_count("ESPGEN_HOST_WIFI_LOSE_AFTER_MS"));
			}
			pthread_mutex_unlock(&ev_lock);
			deliver(e.base, e.id, e.reason);
			pthread_mutex_lock(&ev_lock);
		}
	}
	return NULL;
}

esp_err_t esp_event_loop_create_default(void)
{
	pthread_t thread;

	pthread_mutex_lock(&ev_lock);
	if (loop_started) {
		pthread_mutex_unlock(&ev_lock);
		return -1; /* ESP_ERR_INVALID_STATE */
	}
	loop_started = 1;
	pthread_mutex_unlock(&ev_lock);
	if (pthread_create(&thread, NULL, event_task, NULL) != 0)
		return -1;
	pthread_detach(thread);
	return ESP_OK;
}

esp_err_t esp_event_handler_register(esp_event_base_t base, int32_t id, esp_event_handler_t fn, void *arg)
{
	pthread_mutex_lock(&ev_lock);
	if (nhandlers == HOST_MAX_HANDLERS) {
		pthread_mutex_unlock(&ev_lock);
		return -1;
	}
	handlers[nhandlers].base = base;
	handlers[nhandlers].id = id;
	handlers[nhandlers].fn = fn;
	handlers[nhandlers].arg = arg;
	nhandlers++;
	pthread_mutex_unlock(&ev_lock);
	return ESP_OK;
}

esp_err_t nvs_flash_init(void)
{
	return ESP_OK;
}

void tcpip_adapter_init(void)
{
}

esp_err_t tcpip_adapter_set_hostname(tcpip_adapter_if_t tcpip_if, const char *hostname)
{
	(void)tcpip_if;
	if (hostname == NULL || strlen(hostname) > 32)
		return -1;
	fprintf(stderr, HOST_TAG "wifi: tcpip_adapter_set_hostname(\"%s\")\n", hostname);
	return ESP_OK;
}

esp_err_t tcpip_adapter_dhcpc_stop(tcpip_adapter_if_t tcpip_if)
{
	(void)tcpip_if;
	return ESP_OK;
}

esp_err_t tcpip_adapter_set_ip_info(tcpip_adapter_if_t tcpip_if, tcpip_adapter_ip_info_t *ip_info)
{
	(void)tcpip_if;
	return ip_info != NULL ? ESP_OK : -1;
}

esp_err_t esp_wifi_init(const wifi_init_config_t *config)
{
	return config != NULL ? ESP_OK : -1;
}

esp_err_t esp_wifi_set_mode(wifi_mode_t mode)
{
	pthread_mutex_lock(&ev_lock);
	wifi_mode = mode;
	pthread_mutex_unlock(&ev_lock);
	fprintf(stderr, HOST_TAG "wifi: mode %d\n", (int)mode);
	return ESP_OK;
}

esp_err_t esp_wifi_set_config(wifi_interface_t interface, wifi_config_t *conf)
{
	if (conf == NULL)
		return -1;
	if (interface == ESP_IF_WIFI_AP)
		fprintf(stderr, HOST_TAG "wifi: access point \"%.*s\", channel %u, %s, up to %u stations\n",
			(int)conf->ap.ssid_len, (const char *)conf->ap.ssid, conf->ap.channel,
			conf->ap.authmode == WIFI_AUTH_OPEN ? "open" : "WPA2", conf->ap.max_connection);
	return ESP_OK;
}

esp_err_t esp_wifi_start(void)
{
	pthread_mutex_lock(&ev_lock);
	if (wifi_mode == WIFI_MODE_STA || wifi_mode == WIFI_MODE_APSTA)
		post_locked(WIFI_EVENT, WIFI_EVENT_STA_START, 0, 0);
	pthread_mutex_unlock(&ev_lock);
	return ESP_OK;
}

esp_err_t esp_wifi_connect(void)
{
	const char *no_network = getenv("ESPGEN_HOST_WIFI_NO_NETWORK");
	unsigned long join_ms = env_count("ESPGEN_HOST_WIFI_JOIN_MS");

	pthread_mutex_lock(&ev_lock);
	if (no_network != NULL && !strcmp(no_network, "1"))
		post_locked(WIFI_EVENT, WIFI_EVENT_STA_DISCONNECTED, HOST_REASON_NO_AP_FOUND, join_ms ? join_ms : 20);
	else
		post_locked(IP_EVENT, IP_EVENT_STA_GOT_IP, 0, join_ms ? join_ms : 20);
	pthread_mutex_unlock(&ev_lock);
	return ESP_OK;
}

/* ---- signals, acted on between two rounds of the firmware's loop ---- */

static int wake_pipe[2] = { -1, -1 }; /* the main thread writes a byte, the loop's select() wakes */
static int stop_signal;		      /* SIGTERM, SIGINT, or -1 for --exit-after-ms; 0 until then */
static int heap_requested;
static unsigned long rounds; /* rounds the loop began: the main thread sees the task is alive */

static void heap_report(void)
{
	size_t bytes = __atomic_load_n(&live_bytes, __ATOMIC_RELAXED);

	printf(HOST_TAG "heap: %zu bytes free, peak %zu bytes\n", bytes < HOST_HEAP_SIZE ? HOST_HEAP_SIZE - bytes : 0,
	       __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED));
	printf(HOST_TAG "heap: %zu live allocations, %zu bytes\n", __atomic_load_n(&live_blocks, __ATOMIC_RELAXED),
	       bytes);
	fflush(stdout);
}

int espgen_rtos_host_wake_fd(void)
{
	return wake_pipe[0];
}

void espgen_rtos_host_round(void)
{
	char drain[16];
	int sig;

	__atomic_add_fetch(&rounds, 1, __ATOMIC_RELEASE);
	while (read(wake_pipe[0], drain, sizeof(drain)) > 0)
		; /* non-blocking: ends once the few bytes written are read */
	if (__atomic_exchange_n(&heap_requested, 0, __ATOMIC_ACQ_REL))
		heap_report();
	sig = __atomic_load_n(&stop_signal, __ATOMIC_ACQUIRE);
	if (sig == 0)
		return;
	fflush(stdout);
	if (sig > 0)
		fprintf(stderr, HOST_TAG "stopping on signal %d\n", sig);
	else
		fprintf(stderr, HOST_TAG "stopping: --exit-after-ms %ld elapsed\n", opts.exit_after_ms);
	heap_report();
	_exit(0);
}

static void wake_loop(void)
{
	ssize_t ignored = write(wake_pipe[1], "w", 1); /* a full pipe already wakes it */

	(void)ignored;
}

static void write_str(const char *text)
{
	ssize_t ignored = write(STDERR_FILENO, text, strlen(text));

	(void)ignored;
}

/* ---- main: the firmware's task runs on its thread, this one takes the signals and watches the task ---- */

int main(int argc, char **argv)
{
	int64_t deadline_us = -1;
	unsigned long seen = 0;
	int stuck = 0;
	int stop_ticks = 0;
	const char *trace;
	sigset_t signals;

	parse_args(argc, argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
		perror(HOST_TAG "pipe2");
		return 1;
	}
	sigemptyset(&signals);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGUSR1);
	/* blocked in every thread the firmware starts, taken here alone */
	pthread_sigmask(SIG_BLOCK, &signals, NULL);
	signal(SIGPIPE, SIG_IGN);
	trace = getenv("ESPGEN_HOST_TRACE");
	trace_on = trace != NULL && *trace && strcmp(trace, "0") != 0;
	if (opts.exit_after_ms >= 0)
		deadline_us = esp_timer_get_time() + (int64_t)opts.exit_after_ms * 1000;
	app_main();
	for (;;) { /* a tick a second at most; each ends with a signal, the deadline or the second */
		struct timespec tick = { 1, 0 };
		unsigned long now_rounds;
		int sig;

		if (deadline_us >= 0 && !__atomic_load_n(&stop_signal, __ATOMIC_RELAXED)) {
			int64_t left = deadline_us - esp_timer_get_time();

			if (left <= 0) {
				__atomic_store_n(&stop_signal, -1, __ATOMIC_RELEASE);
				wake_loop();
				continue;
			}
			if (left < 1000000) {
				tick.tv_sec = 0;
				tick.tv_nsec = (long)left * 1000;
			}
		}
		sig = sigtimedwait(&signals, NULL, &tick);
		if (sig == SIGUSR1) {
			__atomic_store_n(&heap_requested, 1, __ATOMIC_RELEASE);
			wake_loop();
			continue;
		}
		if (sig == SIGTERM || sig == SIGINT) {
			__atomic_store_n(&stop_signal, sig, __ATOMIC_RELEASE);
			wake_loop();
			continue;
		}
		if (tick.tv_sec == 0)
			continue; /* the deadline's short wait, not a whole second */
		now_rounds = __atomic_load_n(&rounds, __ATOMIC_ACQUIRE);
		if (now_rounds != seen) {
			seen = now_rounds;
			stuck = 0;
			stop_ticks = 0;
			continue;
		}
		sig = __atomic_load_n(&stop_signal, __ATOMIC_ACQUIRE);
		if (sig > 0 && ++stop_ticks >= HOST_STOP_TICKS) {
			write_str(HOST_TAG "stopped by a signal while the firmware's task had not begun a round for a "
				  "second\n");
			_exit(128 + sig);
		}
		if (++stuck >= HOST_WATCHDOG_TICKS) {
			write_str(HOST_TAG "watchdog: the firmware's task has not begun a round of its loop for 3 s; the "
				  "chip's task watchdog would have reset it (a loop without an end?)\n");
			_exit(HOST_WATCHDOG_EXIT);
		}
	}
}
