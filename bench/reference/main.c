/*
 * main.c - the reference firmware's entry points, doing what the echo sample's generated user_main.c and
 * espgen_wifi.c do: the partition table SDK 3.x requires, a station that joins the network named at build
 * time (REF_WIFI_SSID / REF_WIFI_PASSWORD) with its own back-off (1 s doubling to 32 s; the SDK's reconnect
 * policy off), and the access point "echo-server" when there are no credentials or no address came for
 * 60 s. Written by hand, as bench/run's footprint comparison needs.
 */
#include "espgen_sdk.h"
#include "wifi_config.h"

#ifndef SPI_FLASH_SIZE_MAP
#define SPI_FLASH_SIZE_MAP 4
#endif

#define AP_NAME "echo-server"
#define FALLBACK_AP_MS 60000u
#define BACKOFF_FIRST_MS 1000u
#define BACKOFF_LAST_MS 32000u

void echo_start(void);

static const partition_item_t partitions[] = {
	{ SYSTEM_PARTITION_CUSTOMER_BEGIN, 0x00000, 0x10000 },
	{ SYSTEM_PARTITION_CUSTOMER_BEGIN + 1, 0x10000, 0x60000 },
	{ SYSTEM_PARTITION_RF_CAL, 0x3fb000, 0x1000 },
	{ SYSTEM_PARTITION_PHY_DATA, 0x3fc000, 0x1000 },
	{ SYSTEM_PARTITION_SYSTEM_PARAMETER, 0x3fd000, 0x3000 },
};

static os_timer_t retry_timer;
static os_timer_t fallback_timer;
static uint32 backoff_ms = BACKOFF_FIRST_MS;
static bool ap_open;

void ICACHE_FLASH_ATTR user_pre_init(void)
{
	if (!system_partition_table_regist(partitions, sizeof(partitions) / sizeof(partitions[0]), SPI_FLASH_SIZE_MAP))
		os_printf("partition table refused\n");
}

static void ICACHE_FLASH_ATTR open_ap(void)
{
	struct softap_config ap;

	os_memset(&ap, 0, sizeof(ap));
	os_memcpy(ap.ssid, AP_NAME, sizeof(AP_NAME) - 1);
	ap.ssid_len = sizeof(AP_NAME) - 1;
	ap.authmode = AUTH_OPEN;
	ap.channel = 1;
	ap.max_connection = 4;
	ap.beacon_interval = 100;
	ap_open = true;
	wifi_set_opmode_current(ap_open && sizeof(REF_WIFI_SSID) > 1 ? STATIONAP_MODE : SOFTAP_MODE);
	wifi_softap_set_config_current(&ap);
}

static void ICACHE_FLASH_ATTR fallback(void *arg)
{
	(void)arg;
	os_printf("wifi: no address after %u s, opening %s\n", FALLBACK_AP_MS / 1000, AP_NAME);
	open_ap();
}

static void ICACHE_FLASH_ATTR retry(void *arg)
{
	(void)arg;
	wifi_station_connect();
}

static void ICACHE_FLASH_ATTR wifi_event(System_Event_t *e)
{
	switch (e->event) {
	case EVENT_STAMODE_GOT_IP:
		backoff_ms = BACKOFF_FIRST_MS;
		os_timer_disarm(&fallback_timer);
		if (ap_open) {
			ap_open = false;
			wifi_set_opmode_current(STATION_MODE);
		}
		break;
	case EVENT_STAMODE_DISCONNECTED:
		os_timer_disarm(&retry_timer);
		os_timer_setfn(&retry_timer, retry, NULL);
		os_timer_arm(&retry_timer, backoff_ms, 0);
		if (backoff_ms < BACKOFF_LAST_MS)
			backoff_ms *= 2;
		break;
	default:
		break;
	}
}

void ICACHE_FLASH_ATTR user_init(void)
{
	struct station_config sta;

	if (sizeof(REF_WIFI_SSID) == 1) { /* no credentials: the access point only */
		open_ap();
		echo_start();
		return;
	}
	os_memset(&sta, 0, sizeof(sta));
	os_memcpy(sta.ssid, REF_WIFI_SSID, sizeof(REF_WIFI_SSID) - 1);
	os_memcpy(sta.password, REF_WIFI_PASSWORD, sizeof(REF_WIFI_PASSWORD) - 1);
	wifi_set_opmode_current(STATION_MODE);
	wifi_station_set_reconnect_policy(false);
	wifi_station_set_config_current(&sta);
	wifi_set_event_handler_cb(wifi_event);
	os_timer_disarm(&fallback_timer);
	os_timer_setfn(&fallback_timer, fallback, NULL);
	os_timer_arm(&fallback_timer, FALLBACK_AP_MS, 0);
	wifi_station_connect();
	echo_start();
}
