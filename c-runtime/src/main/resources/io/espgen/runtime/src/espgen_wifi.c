/*
 * espgen_wifi.c - joining a network on the NONOS SDK: the SDK calls of the policy in espgen_wifi_policy.c.
 *
 * The SDK's own reconnect policy is turned off (wifi_station_set_reconnect_policy): the policy retries on its
 * back-off. Events come from the SDK's callback (wifi_set_event_handler_cb), on the SDK's task like every
 * other handler. In user_init the SDK connects by itself once the station's configuration is set.
 */
#include "espgen_runtime.h"

void ICACHE_FLASH_ATTR espgen_wifi_port_mode(enum espgen_wifi_mode mode)
{
	switch (mode) {
	case ESPGEN_WIFI_STATION:
		wifi_set_opmode_current(STATION_MODE);
		break;
	case ESPGEN_WIFI_AP:
		wifi_set_opmode_current(SOFTAP_MODE);
		break;
	case ESPGEN_WIFI_STATION_AP:
		wifi_set_opmode_current(STATIONAP_MODE);
		break;
	}
}

void ICACHE_FLASH_ATTR espgen_wifi_port_own_reconnects(void)
{
	wifi_station_set_reconnect_policy(false);
}

bool ICACHE_FLASH_ATTR espgen_wifi_port_ap(const char *name, const char *password, uint8 channel,
					   uint8 max_stations)
{
	struct softap_config ap;

	os_memset(&ap, 0, sizeof(ap));
	ap.ssid_len = espgen_wifi_copy(ap.ssid, sizeof(ap.ssid), name);
	if (password != NULL && password[0] != '\0') {
		espgen_wifi_copy(ap.password, sizeof(ap.password), password);
		ap.authmode = AUTH_WPA2_PSK;
	} else {
		ap.authmode = AUTH_OPEN;
	}
	ap.channel = channel;
	ap.max_connection = max_stations;
	ap.beacon_interval = 100;
	return wifi_softap_set_config_current(&ap);
}

bool ICACHE_FLASH_ATTR espgen_wifi_port_hostname(const char *name)
{
	return wifi_station_set_hostname((char *)name);
}

bool ICACHE_FLASH_ATTR espgen_wifi_port_static_ip(uint32 ip, uint32 netmask, uint32 gateway)
{
	struct ip_info info;

	wifi_station_dhcpc_stop();
	info.ip.addr = ip;
	info.netmask.addr = netmask;
	info.gw.addr = gateway;
	return wifi_set_ip_info(STATION_IF, &info);
}

void ICACHE_FLASH_ATTR espgen_wifi_port_station(const char *ssid, const char *password)
{
	struct station_config sta;

	os_memset(&sta, 0, sizeof(sta));
	espgen_wifi_copy(sta.ssid, sizeof(sta.ssid), ssid);
	espgen_wifi_copy(sta.password, sizeof(sta.password), password);
	/* in user_init the SDK connects by itself once the configuration is set */
	wifi_station_set_config_current(&sta);
}

void ICACHE_FLASH_ATTR espgen_wifi_port_connect(void)
{
	if (!wifi_station_connect())
		ESPGEN_LOG_ERROR("espgen: wifi: wifi_station_connect refused\n");
}

static void ICACHE_FLASH_ATTR espgen_wifi_event(System_Event_t *event)
{
	switch (event->event) {
	case EVENT_STAMODE_GOT_IP:
		espgen_wifi_policy_got_ip(event->event_info.got_ip.ip.addr);
		break;
	case EVENT_STAMODE_DISCONNECTED:
		espgen_wifi_policy_dropped(event->event_info.disconnected.reason);
		break;
	default:
		break;
	}
}

void ICACHE_FLASH_ATTR espgen_wifi_start(const struct espgen_wifi_config *cfg)
{
	wifi_set_event_handler_cb(espgen_wifi_event);
	espgen_wifi_policy_start(cfg);
}
