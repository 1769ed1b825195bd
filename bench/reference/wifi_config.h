/* The reference's credentials; empty: the access point only (as the echo sample built without any). */
#ifndef REF_WIFI_SSID
#define REF_WIFI_SSID ""
#endif
#ifndef REF_WIFI_PASSWORD
#define REF_WIFI_PASSWORD ""
#endif
