/* stand-in lwip/ip_addr.h (sdk-host tests) */
#include "lwip/standin.h"
