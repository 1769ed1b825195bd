/* stand-in lwip/ip.h (sdk-host tests) */
#include "lwip/standin.h"
