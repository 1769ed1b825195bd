/* stand-in ip_addr.h (sdk-host tests): an IPv4 address, as the SDK's public headers and its lwIP both use it */
#ifndef STANDIN_IP_ADDR_H
#define STANDIN_IP_ADDR_H
#include "ets_sys.h"

/* struct ip_addr itself is espgen's declaration (standin_decls.h, through ets_sys.h) */
typedef struct ip_addr ip_addr_t;
#define IP4_ADDR(ipaddr, a, b, c, d)                                                                         \
	((ipaddr)->addr = (uint32)(a) | (uint32)(b) << 8 | (uint32)(c) << 16 | (uint32)(d) << 24)
#endif
