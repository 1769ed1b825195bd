/* stand-in lwip/pbuf.h (sdk-host tests) */
#include "lwip/standin.h"
