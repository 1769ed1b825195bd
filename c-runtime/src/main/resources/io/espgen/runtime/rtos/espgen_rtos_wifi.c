/*
 * espgen_rtos_wifi.c - joining a network on the FreeRTOS target: the esp_wifi, esp_event and tcpip_adapter calls
 * of the policy both targets share (runtime/espgen_wifi_policy.c), in place of the NONOS target's espgen_wifi.c.
 * The RTOS SDK never reconnects a station by itself: the policy's retries and the first connect, once the
 * station has started (WIFI_EVENT_STA_START), are esp_wifi_connect calls.
 *
 * esp_event runs its handlers on its own task: the handler below only records what happened, in counters that
 * task alone writes, and the loop's task acts on them (espgen_rtos_wifi_poll), so the policy, @OnWifiUp and
 * @OnWifiDown run on the loop like every other handler. Each aligned word is loaded and stored whole on the chip.
 */
#include "espgen_runtime.h"

/* Written by esp_event's task only. */
static volatile uint32 espgen_wifi_starts;
static volatile uint32 espgen_wifi_drops;
static volatile uint32 espgen_wifi_ips;
static volatile uint32 espgen_wifi_ip;	   /* the last address, network byte order */
static volatile uint32 espgen_wifi_reason; /* the last disconnect's */
static volatile bool espgen_wifi_up;	   /* the last event was an address */

/* The loop's own. */
static bool espgen_wifi_started;
static uint32 espgen_wifi_seen_starts;
static uint32 espgen_wifi_seen_drops;
static uint32 espgen_wifi_seen_ips;

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

void espgen_wifi_port_mode(enum espgen_wifi_mode mode)
{
	switch (mode) {
	case ESPGEN_WIFI_STATION:
		esp_wifi_set_mode(WIFI_MODE_STA);
		break;
	case ESPGEN_WIFI_AP:
		esp_wifi_set_mode(WIFI_MODE_AP);
		break;
	case ESPGEN_WIFI_STATION_AP:
		esp_wifi_set_mode(WIFI_MODE_APSTA);
		break;
	}
}

void espgen_wifi_port_own_reconnects(void)
{
	/* nothing to turn off: esp_wifi connects only when asked */
}

bool espgen_wifi_port_ap(const char *name, const char *password, uint8 channel, uint8 max_stations)
{
	wifi_config_t ap;

	memset(&ap, 0, sizeof(ap));
	ap.ap.ssid_len = espgen_wifi_copy(ap.ap.ssid, sizeof(ap.ap.ssid), name);
	if (password != NULL && password[0] != '\0') {
		espgen_wifi_copy(ap.ap.password, sizeof(ap.ap.password), password);
		ap.ap.authmode = WIFI_AUTH_WPA2_PSK;
	} else {
		ap.ap.authmode = WIFI_AUTH_OPEN;
	}
	ap.ap.channel = channel;
	ap.ap.max_connection = max_stations;
	ap.ap.beacon_interval = 100;
	return esp_wifi_set_config(ESP_IF_WIFI_AP, &ap) == ESP_OK;
}

bool espgen_wifi_port_hostname(const char *name)
{
	return tcpip_adapter_set_hostname(TCPIP_ADAPTER_IF_STA, name) == ESP_OK;
}

bool espgen_wifi_port_static_ip(uint32 ip, uint32 netmask, uint32 gateway)
{
	tcpip_adapter_ip_info_t info;

	tcpip_adapter_dhcpc_stop(TCPIP_ADAPTER_IF_STA);
	info.ip.addr = ip;
	info.netmask.addr = netmask;
	info.gw.addr = gateway;
	return tcpip_adapter_set_ip_info(TCPIP_ADAPTER_IF_STA, &info) == ESP_OK;
}

void espgen_wifi_port_station(const char *ssid, const char *password)
{
	wifi_config_t sta;

	memset(&sta, 0, sizeof(sta));
	espgen_wifi_copy(sta.sta.ssid, sizeof(sta.sta.ssid), ssid);
	espgen_wifi_copy(sta.sta.password, sizeof(sta.sta.password), password);
	esp_wifi_set_config(ESP_IF_WIFI_STA, &sta);
}

void espgen_wifi_port_connect(void)
{
	if (esp_wifi_connect() != ESP_OK)
		ESPGEN_LOG_ERROR("espgen: wifi: esp_wifi_connect refused\n");
}

void espgen_rtos_wifi_poll(void)
{
	uint32 starts = espgen_wifi_starts;
	uint32 drops = espgen_wifi_drops;
	uint32 ips = espgen_wifi_ips;
	bool up = espgen_wifi_up; /* which of the two came last, when both came since the last round */

	if (!espgen_wifi_started)
		return;
	if (starts != espgen_wifi_seen_starts) {
		espgen_wifi_seen_starts = starts;
		espgen_wifi_port_connect();
	}
	if (drops != espgen_wifi_seen_drops && (up || ips == espgen_wifi_seen_ips)) {
		espgen_wifi_seen_drops = drops;
		espgen_wifi_policy_dropped(espgen_wifi_reason);
	}
	if (ips != espgen_wifi_seen_ips) {
		espgen_wifi_seen_ips = ips;
		espgen_wifi_policy_got_ip(espgen_wifi_ip);
	}
	if (drops != espgen_wifi_seen_drops) {
		espgen_wifi_seen_drops = drops;
		espgen_wifi_policy_dropped(espgen_wifi_reason);
	}
}

void espgen_wifi_start(const struct espgen_wifi_config *cfg)
{
	wifi_init_config_t init = WIFI_INIT_CONFIG_DEFAULT();

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
	espgen_wifi_policy_start(cfg);
	espgen_wifi_started = true;
	if (esp_wifi_start() != ESP_OK)
		ESPGEN_LOG_ERROR("espgen: wifi: esp_wifi_start failed\n");
}
