/*
 * espgen_wifi_policy.c - how a firmware joins a network, on both targets: the decisions and their log lines.
 *
 * A station joins the network the build named and retries on its own schedule, not the SDK's: each
 * disconnect arms a retry after a back-off that doubles from 1 s to 32 s and starts over once an address
 * comes. A station that has had no address for fallback_ap_s seconds also opens the fallback access point
 * (station and access point at once), named after the project, so the board stays reachable; it keeps
 * trying the network and closes the access point once it has an address. Without credentials the firmware
 * is that access point from the start. An access point firmware is only that.
 *
 * The SDK calls are each target's (espgen_wifi_port_* in espgen_wifi.c for NONOS, rtos/espgen_rtos_wifi.c
 * for ESP8266_RTOS_SDK), which also turn the SDK's events into espgen_wifi_policy_got_ip and _dropped. All of
 * it runs where the servers' handlers run: the policy's timers and calls are never concurrent.
 */
#include "espgen_runtime.h"

#define ESPGEN_WIFI_BACKOFF_FIRST_MS 1000u
#define ESPGEN_WIFI_BACKOFF_LAST_MS 32000u

static const struct espgen_wifi_config *espgen_wifi_cfg; /* user_main.c's constant */
static os_timer_t espgen_wifi_retry_timer;    /* the next connect */
static os_timer_t espgen_wifi_fallback_timer; /* opens the access point when no address came */
static uint32 espgen_wifi_backoff_ms;
static bool espgen_wifi_has_ip;
static bool espgen_wifi_ap_open;
static bool espgen_wifi_fallback_armed;

/* Copies a NUL-terminated string into a fixed SDK field; the generator and the build checked the length. */
uint8 ICACHE_FLASH_ATTR espgen_wifi_copy(uint8 *dst, size_t size, const char *src)
{
	size_t n = src != NULL ? os_strlen(src) : 0;

	if (n > size)
		n = size;
	os_memcpy(dst, src, n);
	return (uint8)n;
}

/* Both SDKs hold an IPv4 address in network byte order: the first octet in the lowest byte (little-endian chip). */
uint32 ICACHE_FLASH_ATTR espgen_wifi_addr(const uint8 *octets)
{
	return (uint32)octets[0] | ((uint32)octets[1] << 8) | ((uint32)octets[2] << 16) | ((uint32)octets[3] << 24);
}

/* Configures the access point; the radio's mode must include the access point already. */
static void ICACHE_FLASH_ATTR espgen_wifi_configure_ap(const char *name, const char *password)
{
	const struct espgen_wifi_config *cfg = espgen_wifi_cfg;

	if (!espgen_wifi_port_ap(name, password, cfg->ap_channel, cfg->ap_max_stations))
		ESPGEN_LOG_ERROR("espgen: wifi: the access point's settings were refused\n");
	ESPGEN_LOG_INFO("espgen: wifi: access point \"%s\" open on channel %u\n", name, cfg->ap_channel);
}

static void ICACHE_FLASH_ATTR espgen_wifi_retry(void *arg)
{
	(void)arg;
	espgen_wifi_port_connect();
}

static void ICACHE_FLASH_ATTR espgen_wifi_open_fallback(void *arg)
{
	(void)arg;
	espgen_wifi_fallback_armed = false;
	if (espgen_wifi_has_ip || espgen_wifi_ap_open)
		return;
	ESPGEN_LOG_WARN("espgen: wifi: no address after %u s, opening the fallback access point\n",
			espgen_wifi_cfg->fallback_ap_s);
	espgen_wifi_port_mode(ESPGEN_WIFI_STATION_AP);
	espgen_wifi_configure_ap(espgen_wifi_cfg->ap_name, espgen_wifi_cfg->ap_password);
	espgen_wifi_ap_open = true;
}

static void ICACHE_FLASH_ATTR espgen_wifi_arm_fallback(void)
{
	if (espgen_wifi_cfg->fallback_ap_s == 0 || espgen_wifi_fallback_armed || espgen_wifi_ap_open)
		return;
	os_timer_disarm(&espgen_wifi_fallback_timer);
	os_timer_setfn(&espgen_wifi_fallback_timer, espgen_wifi_open_fallback, NULL);
	os_timer_arm(&espgen_wifi_fallback_timer, (uint32)espgen_wifi_cfg->fallback_ap_s * 1000u, 0);
	espgen_wifi_fallback_armed = true;
}

void ICACHE_FLASH_ATTR espgen_wifi_policy_got_ip(uint32 ip)
{
	ESPGEN_LOG_INFO("espgen: wifi: got address %u.%u.%u.%u\n", (unsigned)(ip & 0xFF), (unsigned)((ip >> 8) & 0xFF),
			(unsigned)((ip >> 16) & 0xFF), (unsigned)(ip >> 24));
	espgen_wifi_has_ip = true;
	espgen_wifi_backoff_ms = ESPGEN_WIFI_BACKOFF_FIRST_MS;
	os_timer_disarm(&espgen_wifi_fallback_timer);
	espgen_wifi_fallback_armed = false;
	if (espgen_wifi_ap_open) {
		espgen_wifi_port_mode(ESPGEN_WIFI_STATION);
		espgen_wifi_ap_open = false;
		ESPGEN_LOG_INFO("espgen: wifi: fallback access point closed\n");
	}
	espgen_servers_wifi_event(true);
}

void ICACHE_FLASH_ATTR espgen_wifi_policy_dropped(uint32 reason)
{
	bool was_up = espgen_wifi_has_ip; /* every failed retry reports a disconnect too */

	ESPGEN_LOG_WARN("espgen: wifi: disconnected (reason %u), retrying in %u ms\n", (unsigned)reason,
			(unsigned)espgen_wifi_backoff_ms);
	espgen_wifi_has_ip = false;
	os_timer_disarm(&espgen_wifi_retry_timer);
	os_timer_setfn(&espgen_wifi_retry_timer, espgen_wifi_retry, NULL);
	os_timer_arm(&espgen_wifi_retry_timer, espgen_wifi_backoff_ms, 0);
	if (espgen_wifi_backoff_ms < ESPGEN_WIFI_BACKOFF_LAST_MS)
		espgen_wifi_backoff_ms *= 2;
	espgen_wifi_arm_fallback();
	if (was_up)
		espgen_servers_wifi_event(false);
}

static void ICACHE_FLASH_ATTR espgen_wifi_start_station(const struct espgen_wifi_config *cfg)
{
	espgen_wifi_port_mode(ESPGEN_WIFI_STATION);
	espgen_wifi_port_own_reconnects();
	if (cfg->hostname != NULL && !espgen_wifi_port_hostname(cfg->hostname))
		ESPGEN_LOG_ERROR("espgen: wifi: host name refused\n");
	if (cfg->static_ip[0] != 0
	    && !espgen_wifi_port_static_ip(espgen_wifi_addr(cfg->static_ip), espgen_wifi_addr(cfg->netmask),
					   espgen_wifi_addr(cfg->gateway)))
		ESPGEN_LOG_ERROR("espgen: wifi: static address refused\n");
	ESPGEN_LOG_INFO("espgen: wifi: joining \"%s\"\n", cfg->ssid);
	espgen_wifi_port_station(cfg->ssid, cfg->password);
	espgen_wifi_arm_fallback();
}

void ICACHE_FLASH_ATTR espgen_wifi_policy_start(const struct espgen_wifi_config *cfg)
{
	espgen_wifi_cfg = cfg;
	espgen_wifi_backoff_ms = ESPGEN_WIFI_BACKOFF_FIRST_MS;
	if (cfg->access_point) {
		espgen_wifi_port_mode(ESPGEN_WIFI_AP);
		espgen_wifi_configure_ap(cfg->ssid != NULL ? cfg->ssid : cfg->ap_name,
					 cfg->ssid != NULL ? cfg->password : cfg->ap_password);
		espgen_wifi_ap_open = true;
	} else if (cfg->ssid == NULL) {
		ESPGEN_LOG_WARN("espgen: wifi: the build named no network\n");
		espgen_wifi_port_mode(ESPGEN_WIFI_AP);
		espgen_wifi_configure_ap(cfg->ap_name, cfg->ap_password);
		espgen_wifi_ap_open = true;
	} else {
		espgen_wifi_start_station(cfg);
	}
}
