/*
 * espgen_rtos_wifi.c - joining a network on the FreeRTOS target: esp_wifi and esp_event, with the NONOS target's
 * policy (espgen_wifi.c): a station retries with a back-off that doubles from 1 s to 32 s, opens the fallback
 * access point (WIFI_MODE_APSTA) after fallback_ap_s seconds without an address and closes it once one comes;
 * without credentials, or with @WiFi(mode = ACCESS_POINT), the firmware is an access point.
 *
 * esp_event runs its handlers on its own task: the handler below only records what happened, in counters that
 * task alone writes, and the loop's task acts on them (espgen_rtos_wifi_poll), so @OnWifiUp and @OnWifiDown run
 * on the loop like every other handler. Each aligned word is loaded and stored whole on the chip.
 */
#include "espgen_runtime.h"

#define ESPGEN_WIFI_BACKOFF_FIRST_MS 1000u
#define ESPGEN_WIFI_BACKOFF_LAST_MS 32000u

/* Written by esp_event's task only. */
static volatile uint32 espgen_wifi_starts;
static volatile uint32 espgen_wifi_drops;
static volatile uint32 espgen_wifi_ips;
static volatile uint32 espgen_wifi_ip;	   /* the last address, network byte order */
static volatile uint32 espgen_wifi_reason; /* the last disconnect's */
static volatile bool espgen_wifi_up;	   /* the last event was an address */

/* The loop's own. */
static const struct espgen_wifi_config *espgen_wifi_cfg;
static uint32 espgen_wifi_seen_starts;
static uint32 espgen_wifi_seen_drops;
static uint32 espgen_wifi_seen_ips;
static os_timer_t espgen_wifi_retry_timer;
static os_timer_t espgen_wifi_fallback_timer;
static uint32 espgen_wifi_backoff_ms;
static bool espgen_wifi_has_ip;
static bool espgen_wifi_ap_open;
static bool espgen_wifi_fallback_armed;

static void espgen_wifi_handler(void *arg, esp_event_base_t base, int32_t id, void *data)
{
	(void)arg;
	if (base == WIFI_EVENT && id == WIFI_EVENT_STA_START) {
		espgen_wifi_starts = espgen_wifi_starts + 1;
	} else if (base == WIFI_EVENT && id == WIFI_EVENT_STA_DISCONNECTED) {
		espgen_wifi_reason = ((const wifi_event_sta_disconnected_t *)data)->reason;
		espgen_wifi_up = false;
		espgen_wifi_drops = espgen_wifi_drops + 1;
	} else if (base == IP_EVENT && id == IP_EVENT_STA_GOT_IP) {
		espgen_wifi_ip = ((const ip_event_got_ip_t *)data)->ip_info.ip.addr;
		espgen_wifi_up = true;
		espgen_wifi_ips = espgen_wifi_ips + 1;
	}
}

static size_t espgen_wifi_copy(uint8 *dst, size_t size, const char *src)
{
	size_t n = src != NULL ? strlen(src) : 0;

	if (n > size)
		n = size;
	memcpy(dst, src, n);
	return n;
}

static uint32 espgen_wifi_addr(const uint8 *octets)
{
	/* ip4_addr_t holds network byte order: the first octet in the lowest byte (little-endian chip) */
	return (uint32)octets[0] | ((uint32)octets[1] << 8) | ((uint32)octets[2] << 16) | ((uint32)octets[3] << 24);
}

/* Configures the access point; the mode must include WIFI_MODE_AP already. */
static void espgen_wifi_configure_ap(const char *name, const char *password)
{
	wifi_config_t ap;

	memset(&ap, 0, sizeof(ap));
	ap.ap.ssid_len = (uint8)espgen_wifi_copy(ap.ap.ssid, sizeof(ap.ap.ssid), name);
	if (password != NULL && password[0] != '\0') {
		espgen_wifi_copy(ap.ap.password, sizeof(ap.ap.password), password);
		ap.ap.authmode = WIFI_AUTH_WPA2_PSK;
	} else {
		ap.ap.authmode = WIFI_AUTH_OPEN;
	}
	ap.ap.channel = espgen_wifi_cfg->ap_channel;
	ap.ap.max_connection = espgen_wifi_cfg->ap_max_stations;
	ap.ap.beacon_interval = 100;
	if (esp_wifi_set_config(ESP_IF_WIFI_AP, &ap) != ESP_OK)
		ESPGEN_LOG_ERROR("espgen: wifi: the access point's settings were refused\n");
	ESPGEN_LOG_INFO("espgen: wifi: access point \"%s\" open on channel %u\n", name, espgen_wifi_cfg->ap_channel);
}

static void espgen_wifi_retry(void *arg)
{
	(void)arg;
	if (esp_wifi_connect() != ESP_OK)
		ESPGEN_LOG_ERROR("espgen: wifi: esp_wifi_connect refused\n");
}

static void espgen_wifi_open_fallback(void *arg)
{
	(void)arg;
	espgen_wifi_fallback_armed = false;
	if (espgen_wifi_has_ip || espgen_wifi_ap_open)
		return;
	ESPGEN_LOG_WARN("espgen: wifi: no address after %u s, opening the fallback access point\n",
			espgen_wifi_cfg->fallback_ap_s);
	esp_wifi_set_mode(WIFI_MODE_APSTA);
	espgen_wifi_configure_ap(espgen_wifi_cfg->ap_name, espgen_wifi_cfg->ap_password);
	espgen_wifi_ap_open = true;
}

static void espgen_wifi_arm_fallback(void)
{
	if (espgen_wifi_cfg->fallback_ap_s == 0 || espgen_wifi_fallback_armed || espgen_wifi_ap_open)
		return;
	os_timer_setfn(&espgen_wifi_fallback_timer, espgen_wifi_open_fallback, NULL);
	os_timer_arm(&espgen_wifi_fallback_timer, (uint32)espgen_wifi_cfg->fallback_ap_s * 1000u, 0);
	espgen_wifi_fallback_armed = true;
}

static void espgen_wifi_got_ip(uint32 ip)
{
	ESPGEN_LOG_INFO("espgen: wifi: got address %u.%u.%u.%u\n", (unsigned)(ip & 0xFF), (unsigned)((ip >> 8) & 0xFF),
			(unsigned)((ip >> 16) & 0xFF), (unsigned)(ip >> 24));
	espgen_wifi_has_ip = true;
	espgen_wifi_backoff_ms = ESPGEN_WIFI_BACKOFF_FIRST_MS;
	os_timer_disarm(&espgen_wifi_fallback_timer);
	espgen_wifi_fallback_armed = false;
	if (espgen_wifi_ap_open) {
		esp_wifi_set_mode(WIFI_MODE_STA);
		espgen_wifi_ap_open = false;
		ESPGEN_LOG_INFO("espgen: wifi: fallback access point closed\n");
	}
	espgen_servers_wifi_event(true);
}

static void espgen_wifi_dropped(uint32 reason)
{
	bool was_up = espgen_wifi_has_ip; /* every failed retry reports a disconnect too */

	ESPGEN_LOG_WARN("espgen: wifi: disconnected (reason %u), retrying in %u ms\n", (unsigned)reason,
			(unsigned)espgen_wifi_backoff_ms);
	espgen_wifi_has_ip = false;
	os_timer_setfn(&espgen_wifi_retry_timer, espgen_wifi_retry, NULL);
	os_timer_arm(&espgen_wifi_retry_timer, espgen_wifi_backoff_ms, 0);
	if (espgen_wifi_backoff_ms < ESPGEN_WIFI_BACKOFF_LAST_MS)
		espgen_wifi_backoff_ms *= 2;
	espgen_wifi_arm_fallback();
	if (was_up)
		espgen_servers_wifi_event(false);
}

void espgen_rtos_wifi_poll(void)
{
	uint32 starts = espgen_wifi_starts;
	uint32 drops = espgen_wifi_drops;
	uint32 ips = espgen_wifi_ips;
	bool up = espgen_wifi_up; /* which of the two came last, when both came since the last round */

	if (espgen_wifi_cfg == NULL)
		return;
	if (starts != espgen_wifi_seen_starts) {
		espgen_wifi_seen_starts = starts;
		espgen_wifi_retry(NULL);
	}
	if (drops != espgen_wifi_seen_drops && (up || ips == espgen_wifi_seen_ips)) {
		espgen_wifi_seen_drops = drops;
		espgen_wifi_dropped(espgen_wifi_reason);
	}
	if (ips != espgen_wifi_seen_ips) {
		espgen_wifi_seen_ips = ips;
		espgen_wifi_got_ip(espgen_wifi_ip);
	}
	if (drops != espgen_wifi_seen_drops) {
		espgen_wifi_seen_drops = drops;
		espgen_wifi_dropped(espgen_wifi_reason);
	}
}

static void espgen_wifi_start_station(const struct espgen_wifi_config *cfg)
{
	wifi_config_t sta;

	esp_wifi_set_mode(WIFI_MODE_STA);
	if (cfg->hostname != NULL && tcpip_adapter_set_hostname(TCPIP_ADAPTER_IF_STA, cfg->hostname) != ESP_OK)
		ESPGEN_LOG_ERROR("espgen: wifi: host name refused\n");
	if (cfg->static_ip[0] != 0) {
		tcpip_adapter_ip_info_t info;

		tcpip_adapter_dhcpc_stop(TCPIP_ADAPTER_IF_STA);
		info.ip.addr = espgen_wifi_addr(cfg->static_ip);
		info.netmask.addr = espgen_wifi_addr(cfg->netmask);
		info.gw.addr = espgen_wifi_addr(cfg->gateway);
		if (tcpip_adapter_set_ip_info(TCPIP_ADAPTER_IF_STA, &info) != ESP_OK)
			ESPGEN_LOG_ERROR("espgen: wifi: static address refused\n");
	}
	memset(&sta, 0, sizeof(sta));
	espgen_wifi_copy(sta.sta.ssid, sizeof(sta.sta.ssid), cfg->ssid);
	espgen_wifi_copy(sta.sta.password, sizeof(sta.sta.password), cfg->password);
	ESPGEN_LOG_INFO("espgen: wifi: joining \"%s\"\n", cfg->ssid);
	esp_wifi_set_config(ESP_IF_WIFI_STA, &sta);
	espgen_wifi_arm_fallback();
}

void espgen_wifi_start(const struct espgen_wifi_config *cfg)
{
	wifi_init_config_t init = WIFI_INIT_CONFIG_DEFAULT();

	espgen_wifi_cfg = cfg;
	espgen_wifi_backoff_ms = ESPGEN_WIFI_BACKOFF_FIRST_MS;
	if (nvs_flash_init() != ESP_OK)
		ESPGEN_LOG_ERROR("espgen: wifi: nvs_flash_init failed\n");
	tcpip_adapter_init();
	esp_event_loop_create_default();
	esp_event_handler_register(WIFI_EVENT, ESP_EVENT_ANY_ID, espgen_wifi_handler, NULL);
	esp_event_handler_register(IP_EVENT, IP_EVENT_STA_GOT_IP, espgen_wifi_handler, NULL);
	if (esp_wifi_init(&init) != ESP_OK) {
		ESPGEN_LOG_ERROR("espgen: wifi: esp_wifi_init failed\n");
		return;
	}
	if (cfg->access_point) {
		esp_wifi_set_mode(WIFI_MODE_AP);
		espgen_wifi_configure_ap(cfg->ssid != NULL ? cfg->ssid : cfg->ap_name,
					 cfg->ssid != NULL ? cfg->password : cfg->ap_password);
		espgen_wifi_ap_open = true;
	} else if (cfg->ssid == NULL) {
		ESPGEN_LOG_WARN("espgen: wifi: the build named no network\n");
		esp_wifi_set_mode(WIFI_MODE_AP);
		espgen_wifi_configure_ap(cfg->ap_name, cfg->ap_password);
		espgen_wifi_ap_open = true;
	} else {
		espgen_wifi_start_station(cfg);
	}
	if (esp_wifi_start() != ESP_OK)
		ESPGEN_LOG_ERROR("espgen: wifi: esp_wifi_start failed\n");
}
