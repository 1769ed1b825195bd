/*
 * host_wifi.c - the SDK's Wi-Fi calls, over a simulated radio.
 *
 * There is no radio: the station "joins" any network after a short delay and its address is the static
 * one it was given, else 127.0.0.1 (the firmware serves on the loopback interface either way). Events
 * reach the handler registered with wifi_set_event_handler_cb from the event loop, never from inside the
 * call that caused them, as on the chip (the SDK posts them to its own task). Environment:
 *   ESPGEN_HOST_WIFI_JOIN_MS=N        how long joining takes (default 20 ms)
 *   ESPGEN_HOST_WIFI_NO_NETWORK=1     no network answers: every attempt ends in a disconnect, reason 201
 *                                     (REASON_NO_AP_FOUND)
 *   ESPGEN_HOST_WIFI_LOSE_AFTER_MS=N  N ms after the first address the network is lost once: a disconnect,
 *                                     reason 200 (REASON_BEACON_TIMEOUT)
 * Passwords are never printed.
 */
#include <stdlib.h>
#include <string.h>

#include "host.h"

static wifi_event_handler_cb_t event_cb;
static uint8 opmode = SOFTAP_MODE; /* the SDK's factory default */
static struct station_config station;
static bool station_configured;
static bool dhcpc_stopped;
static bool reconnect_policy = true;
static struct ip_info static_info;
static bool has_static_info;
static bool connected;
static bool lost_once;
static ETSTimer join_timer;
static ETSTimer lose_timer;

static void post(System_Event_t *e)
{
	if (event_cb)
		event_cb(e);
}

static void lose(void *arg);

static void join(void *arg)
{
	System_Event_t e;

	(void)arg;
	if (!(opmode & STATION_MODE) || !station_configured || connected)
		return;
	memset(&e, 0, sizeof(e));
	if (getenv("ESPGEN_HOST_WIFI_NO_NETWORK") && strcmp(getenv("ESPGEN_HOST_WIFI_NO_NETWORK"), "1") == 0) {
		host_log("wifi: no network \"%.*s\" answers (ESPGEN_HOST_WIFI_NO_NETWORK)",
			 (int)strnlen((const char *)station.ssid, sizeof(station.ssid)), (const char *)station.ssid);
		e.event = EVENT_STAMODE_DISCONNECTED;
		e.event_info.disconnected.reason = REASON_NO_AP_FOUND;
		post(&e);
		return;
	}
	connected = true;
	e.event = EVENT_STAMODE_CONNECTED;
	post(&e);
	memset(&e, 0, sizeof(e));
	e.event = EVENT_STAMODE_GOT_IP;
	e.event_info.got_ip.ip.addr = has_static_info ? static_info.ip.addr : 0x0100007Fu; /* 127.0.0.1 */
	e.event_info.got_ip.mask.addr = has_static_info ? static_info.netmask.addr : 0x000000FFu;
	e.event_info.got_ip.gw.addr = has_static_info ? static_info.gw.addr : 0x0100007Fu;
	host_log("wifi: joined \"%.*s\"", (int)strnlen((const char *)station.ssid, sizeof(station.ssid)),
		 (const char *)station.ssid);
	post(&e);
	if (!lost_once && host_env_count("ESPGEN_HOST_WIFI_LOSE_AFTER_MS") > 0) {
		lost_once = true;
		ets_timer_disarm(&lose_timer);
		ets_timer_setfn(&lose_timer, lose, NULL);
		ets_timer_arm_new(&lose_timer, (uint32)host_env_count("ESPGEN_HOST_WIFI_LOSE_AFTER_MS"), false, true);
	}
}

static void schedule_join(void)
{
	unsigned long ms = host_env_count("ESPGEN_HOST_WIFI_JOIN_MS");

	ets_timer_disarm(&join_timer);
	ets_timer_setfn(&join_timer, join, NULL);
	ets_timer_arm_new(&join_timer, ms ? (uint32)ms : 20u, false, true);
}

static void lose(void *arg)
{
	System_Event_t e;

	(void)arg;
	if (!connected)
		return;
	connected = false;
	host_log("wifi: the network is lost (ESPGEN_HOST_WIFI_LOSE_AFTER_MS)");
	memset(&e, 0, sizeof(e));
	e.event = EVENT_STAMODE_DISCONNECTED;
	e.event_info.disconnected.reason = REASON_BEACON_TIMEOUT;
	post(&e);
	if (reconnect_policy)
		schedule_join();
}

void wifi_set_event_handler_cb(wifi_event_handler_cb_t cb)
{
	event_cb = cb;
}

bool wifi_set_opmode_current(uint8 opmode_)
{
	if (opmode_ > STATIONAP_MODE) {
		host_log("wifi_set_opmode_current(%u): not a mode", opmode_);
		return false;
	}
	opmode = opmode_;
	if (!(opmode & STATION_MODE))
		connected = false;
	host_log("wifi_set_opmode_current(%u): no radio on the host; serving on 127.0.0.1", opmode_);
	return true;
}

bool wifi_station_set_config_current(struct station_config *config)
{
	if (!config)
		return false;
	station = *config;
	station_configured = true;
	host_log("wifi_station_set_config_current(ssid \"%.*s\")",
		 (int)strnlen((const char *)config->ssid, sizeof(config->ssid)), (const char *)config->ssid);
	/* the SDK joins by itself once a station has its configuration */
	if (opmode & STATION_MODE)
		schedule_join();
	return true;
}

bool wifi_station_connect(void)
{
	if (!(opmode & STATION_MODE) || !station_configured)
		return false;
	if (host_ctx_now(NULL) == HOST_CTX_INIT)
		host_misuse("wifi_station_connect in user_init: the SDK connects by itself there");
	if (!connected)
		schedule_join();
	return true;
}

bool wifi_station_set_reconnect_policy(bool set)
{
	reconnect_policy = set;
	return true;
}

bool wifi_station_dhcpc_stop(void)
{
	dhcpc_stopped = true;
	return true;
}

bool wifi_station_set_hostname(char *name)
{
	if (!name || strlen(name) == 0 || strlen(name) > 32) {
		host_log("wifi_station_set_hostname: a name of 1 to 32 characters is needed");
		return false;
	}
	host_log("wifi_station_set_hostname(\"%s\")", name);
	return true;
}

bool wifi_set_ip_info(uint8 if_index, struct ip_info *info)
{
	if (!info || if_index > SOFTAP_IF)
		return false;
	if (if_index == STATION_IF && !dhcpc_stopped) {
		host_log("wifi_set_ip_info(STATION_IF): refused while the DHCP client runs "
			 "(call wifi_station_dhcpc_stop first)");
		return false;
	}
	if (if_index == STATION_IF) {
		static_info = *info;
		has_static_info = true;
	}
	return true;
}

bool wifi_softap_set_config_current(struct softap_config *config)
{
	size_t pw;

	if (!config || !(opmode & SOFTAP_MODE)) {
		host_log("wifi_softap_set_config_current: the radio is not in an access point mode");
		return false;
	}
	pw = strnlen((const char *)config->password, sizeof(config->password));
	if (config->ssid_len > sizeof(config->ssid) || config->channel < 1 || config->channel > 13 ||
	    config->max_connection > 4 || config->authmode == AUTH_WEP || config->authmode >= AUTH_MAX ||
	    (config->authmode != AUTH_OPEN && pw < 8)) {
		host_log("wifi_softap_set_config_current: refused (name, channel 1-13, at most 4 stations, "
			 "no WEP, a WPA password of 8 or more characters)");
		return false;
	}
	host_log("wifi: access point \"%.*s\", channel %u, %s, up to %u stations", (int)config->ssid_len,
		 (const char *)config->ssid, config->channel, config->authmode == AUTH_OPEN ? "open" : "WPA2",
		 config->max_connection);
	return true;
}
