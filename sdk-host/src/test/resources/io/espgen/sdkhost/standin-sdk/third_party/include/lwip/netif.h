/* stand-in lwip/netif.h (sdk-host tests) */
#include "lwip/standin.h"
