/* stand-in user_interface.h (sdk-host tests): espgen's declarations (ets_sys.h) and the Wi-Fi types the glue uses */
#ifndef STANDIN_USER_INTERFACE_H
#define STANDIN_USER_INTERFACE_H
#include "ets_sys.h"
#include "ip_addr.h"

/* struct ip_info is espgen's declaration (standin_decls.h) */
enum dhcp_status { DHCP_STOPPED, DHCP_STARTED };
enum { STATION_IDLE = 0, STATION_CONNECTING, STATION_WRONG_PASSWORD, STATION_NO_AP_FOUND, STATION_CONNECT_FAIL,
       STATION_GOT_IP };
#endif
